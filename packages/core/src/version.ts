// migralint's packages are released in lockstep; reports and `--version` carry this one number.
// A test checks every package.json says the same.
export const VERSION = '0.1.0';

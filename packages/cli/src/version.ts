// `migralint --version`: the lockstep version of every migralint package.
export { VERSION } from '@migralint/core';

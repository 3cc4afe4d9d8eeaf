// The version reports carry: migralint's packages are released in lockstep (see @migralint/core).
export { VERSION as toolVersion } from '@migralint/core';

// The version reports carry is this package's: migralint's packages are released in lockstep.
// Read at run time from package.json, which sits one level above both src/ and dist/.

import { readFileSync } from 'node:fs';

export const toolVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

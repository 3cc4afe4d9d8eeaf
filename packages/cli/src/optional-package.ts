// `verify` and `plan` run migrations on PGlite (~30 MB), which a lint-only install should not carry:
// @migralint/verify is installed separately (an optional peer dependency of `migralint`, and never
// inside the standalone bundle). When it is missing, the user gets the command that installs it.

import { VERSION } from '@migralint/core';
import { UsageError } from './parse-args.js';

const VERIFY_PACKAGE = '@migralint/verify';

/** Loads a command module that imports @migralint/verify; a missing package becomes a usage error saying what to install. */
export async function withVerifyPackage<T>(command: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (!isMissingPackage(error, VERIFY_PACKAGE)) throw error;
    throw new UsageError(
      `"migralint ${command}" needs the ${VERIFY_PACKAGE} package (it runs your migrations on an embedded PostgreSQL), which is installed separately: npm install --save-dev migralint@${VERSION} ${VERIFY_PACKAGE}@${VERSION}, then run "npx migralint ${command}"`,
    );
  }
}

function isMissingPackage(error: unknown, name: string): boolean {
  const e = error as NodeJS.ErrnoException | undefined;
  return (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') && typeof e.message === 'string' && e.message.includes(`'${name}'`);
}

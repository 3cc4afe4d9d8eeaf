// A failed command, told the user's way: their mistakes (usage, config, a database they pointed at)
// in one line and exit 2; our own failures as an internal error, with the stack behind --debug.

import { ConfigError } from '@migralint/config';
import type { CliIO } from './io.js';
import { UsageError } from './parse-args.js';
import { InputError } from './input-error.js';
import { visibleLine, visibleLines } from '@migralint/reporter-terminal/visible-text';

export interface FailureOptions {
  /** `migralint` or `migralint verify`: what the message lines start with. */
  prefix: string;
  debug: boolean;
  /** After a usage error, point at the help (the lint command does). */
  usageHint?: string;
  /** Further error classes that are the user's to fix (a database that cannot be reached). */
  userErrors?: ReadonlyArray<abstract new (...args: never[]) => Error>;
}

export function reportFailure(error: unknown, io: CliIO, { prefix, debug, usageHint, userErrors = [] }: FailureOptions): number {
  const err = error instanceof Error ? error : new Error(String(error));
  if (error instanceof InputError) {
    // A file or folder that cannot be read or written: the message names it, the cause and the fix; --help would not help.
    io.stderr.write(`${prefix}: ${visibleLine(err.message)}\n`);
  } else if (error instanceof UsageError || userErrors.some((kind) => error instanceof kind)) {
    io.stderr.write(`${prefix}: ${visibleLine(err.message)}\n${usageHint ? `${usageHint}\n` : ''}`);
  } else if (error instanceof ConfigError) {
    // One line per problem, each saying where it is.
    for (const line of err.message.split('\n')) io.stderr.write(`migralint: config error: ${visibleLine(line)}\n`);
  } else {
    io.stderr.write(`${prefix}: internal error: ${visibleLine(err.message)}\n`);
    if (!debug) io.stderr.write('Run again with --debug for the stack trace, and please report it.\n');
  }
  if (debug && err.stack) io.stderr.write(`${visibleLines(err.stack)}\n`);
  return 2;
}

// `--stdin --stdin-filename PATH` for `plan` and `verify` (lint has its own, where a path is
// optional): unsaved text — an editor buffer, a migration an assistant drafted — read against the
// history of the folder PATH is or would be in, without writing it anywhere.

import { readStream, type CliIO } from './io.js';
import { UsageError } from './parse-args.js';
import type { StdinFile } from './gather-files.js';

export const STDIN_OPTIONS = {
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
} as const;

export const STDIN_HELP = `      --stdin               Read the migration's text from standard input (nothing is written)
      --stdin-filename PATH Where that migration is or would be; its folder's history is read with it
`;

export interface StdinRequest {
  stdin: boolean;
  stdinFilename?: string;
}

/** The two flags, checked: both or neither, and no paths beside them. */
export function stdinRequestOf(values: { stdin?: boolean; 'stdin-filename'?: string }, positionals: readonly string[], command: string): StdinRequest {
  const stdin = values.stdin ?? false;
  const filename = values['stdin-filename'];
  if (filename !== undefined && !stdin) throw new UsageError(`--stdin-filename goes with --stdin (see "migralint ${command} --help")`);
  if (stdin && filename === undefined) throw new UsageError(`--stdin needs --stdin-filename PATH: the path selects the history the text is read against`);
  if (stdin && positionals.length > 0) throw new UsageError(`--stdin reads one migration from standard input: give no paths beside it (got ${positionals.join(', ')})`);
  return { stdin, ...(filename !== undefined ? { stdinFilename: filename } : {}) };
}

export async function readStdinFile(request: StdinRequest, io: CliIO): Promise<StdinFile | undefined> {
  if (!request.stdin) return undefined;
  return { path: request.stdinFilename!, content: await readStream(io.stdin) };
}

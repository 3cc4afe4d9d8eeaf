// `migralint lsp [--stdio]`: the language server (@migralint/language-server) on stdin/stdout, finding
// histories and naming files exactly as the CLI does. Editors start it; see docs/editors.md.

import { migrationRootOf } from '@migralint/migrations';
import { historyFiles } from '../find-files.js';
import { auxReader, displayPath } from '../gather-files.js';
import type { CliIO } from '../io.js';
import { UsageError } from '../parse-args.js';
import { KNOWN_RULES } from '../known-rules.js';
import { RULE_PACKS } from '../rule-packs.js';

export const LSP_HELP = `Usage: migralint lsp [--stdio]

Start the migralint language server on standard input and output (the Language Server Protocol), for
editors: diagnostics as you type with the whole migration history as context, quick fixes, "disable
for this statement", and hover with why and the safe way. Setup for VS Code, Neovim, Helix and Zed:
docs/editors.md.
`;

export async function runLspCommand(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(LSP_HELP);
    return 0;
  }
  // `--stdio` is what clients pass to say the transport; it is the only one.
  const unknown = argv.filter((arg) => arg !== '--stdio' && !arg.startsWith('--clientProcessId'));
  if (unknown.length > 0) throw new UsageError(`migralint lsp takes no arguments besides --stdio, got "${unknown[0]}"`);
  const { startLanguageServer } = await import('@migralint/language-server');
  return startLanguageServer({
    input: io.stdin,
    output: io.stdout,
    cwd: io.cwd,
    host: { historyFiles: (cwd, files) => historyFiles(cwd, files, migrationRootOf), displayPath, auxReader, builtinPacks: RULE_PACKS, knownRules: KNOWN_RULES },
  });
}

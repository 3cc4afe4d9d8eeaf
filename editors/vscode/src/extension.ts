// The migralint extension: starts `migralint lsp` (the language server in @migralint/language-server)
// for SQL files and lets VS Code's language client do the rest: diagnostics, quick fixes, hover.
// The CLI comes from the workspace (node_modules/.bin/migralint, so the project's own version and
// plugins are used), or the `migralint.path` setting, or the PATH.

import fs from 'node:fs';
import path from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('migralint');
  const command = migralintCommand(settings.get<string>('path', ''));
  const serverOptions: ServerOptions = {
    // TransportKind.stdio adds `--stdio`, which `migralint lsp` accepts.
    run: { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } },
    debug: { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'sql' },
      { scheme: 'file', pattern: '**/*.sql' },
    ],
    initializationOptions: { debounceMs: settings.get<number>('debounceMs', 150) },
  };
  client = new LanguageClient('migralint', 'migralint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(`migralint: could not start "${command} lsp" (${(error as Error).message}). Install it in the project (npm install --save-dev migralint) or set "migralint.path".`);
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}

function migralintCommand(configured: string): string {
  if (configured) return configured;
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'migralint.cmd' : 'migralint');
    if (fs.existsSync(local)) return local;
  }
  return 'migralint';
}

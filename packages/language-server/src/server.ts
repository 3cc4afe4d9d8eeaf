// `migralint lsp`: the language server over stdio. Diagnostics on open and change (debounced per
// history), code actions, hover; config files watched; errors shown to the user with
// window/showMessage, never a crash: a bad buffer is findings (parse errors), a bad config a message.

import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { searchPlaces } from '@migralint/config';
import type { LintMessage, LintResult } from '@migralint/core';
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from './code-actions.js';
import { toDiagnostics } from './diagnostics.js';
import { HistoryLinter, type ProjectHost, type StatementRanges } from './history-linter.js';
import { hoverAt } from './hover.js';

export interface ServerOptions {
  input: Readable;
  output: Writable;
  /** Used when the client names no workspace folder. */
  cwd: string;
  host: ProjectHost;
}

/** What the client may pass as `initializationOptions`. */
interface InitOptions {
  /** Wait this long after the last keystroke before linting (default 150 ms). */
  debounceMs?: number;
}

interface DocumentFindings {
  version: number;
  messages: readonly LintMessage[];
  statements: StatementRanges;
  rules: LintResult['rules'];
}

const CONFIG_NAMES = new Set([...searchPlaces, '.migralintignore', 'package.json']);

/** Runs the server until the client says `exit`; resolves with the exit code. */
export function startLanguageServer(options: ServerOptions): Promise<number> {
  const connection = createConnection(ProposedFeatures.all, options.input, options.output);
  const documents = new TextDocuments(TextDocument);
  const findings = new Map<string, DocumentFindings>();
  const timers = new Map<string, NodeJS.Timeout>();
  const generations = new Map<string, number>();
  const shown = new Set<string>();
  let linter = new HistoryLinter(options.cwd, options.host);
  let debounceMs = 150;

  const showOnce = (kind: 'error' | 'warning', text: string) => {
    if (shown.has(text)) return;
    shown.add(text);
    // A notification (window/showMessage), not showErrorMessage's request: nothing to answer, so
    // nothing that can fail when a client does not implement window/showMessageRequest.
    void connection.sendNotification(ShowMessageNotification.type, { type: kind === 'error' ? MessageType.Error : MessageType.Warning, message: text }).catch(() => {});
  };

  const fileOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:') || !uri.toLowerCase().endsWith('.sql')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  };

  /** Lint one history with every open buffer in it, and publish for each open file of it. */
  const lintHistory = async (history: string) => {
    const generation = (generations.get(history) ?? 0) + 1;
    generations.set(history, generation);
    const open = documents.all().flatMap((document) => {
      const abs = fileOf(document.uri);
      return abs !== undefined && linter.historyOf(abs) === history ? [{ abs, document }] : [];
    });
    if (open.length === 0) return;
    const versions = new Map(open.map(({ document }) => [document.uri, document.version]));
    try {
      const { result, byPath } = await linter.lint(
        open.map((o) => o.abs),
        new Map(open.map((o) => [o.abs, o.document.getText()])),
      );
      // A newer run for this history started meanwhile: its results win.
      if (generations.get(history) !== generation) return;
      for (const n of result.notifications) if (n.level === 'error') showOnce('warning', `migralint: ${n.message}`);
      for (const { abs, document } of open) {
        const entry = byPath.get(abs);
        const messages = entry?.file.messages ?? [];
        findings.set(document.uri, { version: versions.get(document.uri)!, messages, statements: entry?.statements ?? [], rules: result.rules });
        await connection.sendDiagnostics({ uri: document.uri, version: versions.get(document.uri)!, diagnostics: toDiagnostics(messages) });
      }
      shown.clear();
    } catch (error) {
      // A config the user must fix, a plugin that does not load: say so, keep serving.
      showOnce('error', `migralint: ${(error as Error).message ?? String(error)}`);
    }
  };

  const schedule = (history: string, delay = debounceMs) => {
    clearTimeout(timers.get(history));
    timers.set(
      history,
      setTimeout(() => {
        timers.delete(history);
        void lintHistory(history);
      }, delay),
    );
  };
  const scheduleDocument = (uri: string, delay?: number) => {
    const abs = fileOf(uri);
    if (abs !== undefined) schedule(linter.historyOf(abs), delay);
  };
  const openHistories = () => new Set(documents.all().flatMap((d) => (fileOf(d.uri) === undefined ? [] : [linter.historyOf(fileOf(d.uri)!)])));

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) linter = new HistoryLinter(fileURLToPath(folder), options.host);
    const init = (params.initializationOptions ?? {}) as InitOptions;
    if (typeof init.debounceMs === 'number' && init.debounceMs >= 0) debounceMs = init.debounceMs;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'migralint' },
    };
  });

  connection.onInitialized(() => {
    // Config files and migrations changed outside the editor (a checkout, a generator) re-lint too.
    void connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${[...CONFIG_NAMES].join(',')}}` }, { globPattern: '**/*.sql' }],
      })
      .catch(() => {
        // The client cannot watch files for us: configs are still read on the next open or change.
      });
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const configChanged = changes.some((c) => CONFIG_NAMES.has(path.basename(c.uri)));
    if (configChanged) {
      linter.reloadConfig();
      for (const history of openHistories()) schedule(history, 0);
      return;
    }
    const open = openHistories();
    for (const change of changes) {
      const abs = fileOf(change.uri);
      if (abs !== undefined && open.has(linter.historyOf(abs)) && !documents.get(pathToFileURL(abs).href)) schedule(linter.historyOf(abs));
    }
  });

  documents.onDidOpen(({ document }) => scheduleDocument(document.uri, 0));
  documents.onDidChangeContent(({ document }) => scheduleDocument(document.uri));
  documents.onDidClose(({ document }) => {
    findings.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(() => {});
    // The file on disk stands for it again in its history's other open files.
    scheduleDocument(document.uri);
  });

  connection.onCodeAction(({ textDocument, range, context }) => {
    const document = documents.get(textDocument.uri);
    const found = findings.get(textDocument.uri);
    if (!document || !found || found.version !== document.version) return [];
    try {
      return codeActionsFor(document, found.messages, found.statements, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) }, context.diagnostics);
    } catch (error) {
      showOnce('error', `migralint: code actions failed: ${(error as Error).message}`);
      return [];
    }
  });

  connection.onHover(({ textDocument, position }) => {
    const document = documents.get(textDocument.uri);
    const found = findings.get(textDocument.uri);
    if (!document || !found || found.version !== document.version) return null;
    return hoverAt(document.offsetAt(position), found.messages, found.rules);
  });

  return new Promise((resolve) => {
    let shutdown = false;
    connection.onShutdown(() => {
      shutdown = true;
      for (const timer of timers.values()) clearTimeout(timer);
    });
    connection.onExit(() => resolve(shutdown ? 0 : 1));
    documents.listen(connection);
    connection.listen();
  });
}

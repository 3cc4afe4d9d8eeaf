// `migralint lsp` driven over stdio by a real JSON-RPC client (vscode-languageserver-protocol), as an
// editor drives it: initialize, open, change, code action, hover, a broken config, shutdown, exit.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bin, makeProject } from '../../cli/test/run-cli.js';

const CREATE = 'CREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(10));\n';
// Line 1: a binary-compatible type change (fine while email is varchar); line 4: a drop, indented.
const CHANGE = 'ALTER TABLE accounts ALTER COLUMN email TYPE text;\nSELECT 1;\n  ALTER TABLE accounts\n    DROP COLUMN email;\n';

let dir: string;
let server: ChildProcessWithoutNullStreams;
let client: ProtocolConnection;
let stderr = '';
const published: PublishDiagnosticsParams[] = [];
const messages: ShowMessageParams[] = [];
const waiters: Array<() => void> = [];

const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
const summary = (d: Diagnostic) => `${d.code} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`;

/** The next diagnostics published for `uri` with at least version `version`. */
function diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
  return until(() => [...published].reverse().find((p) => p.uri === uri && (p.version ?? 0) >= version)?.diagnostics);
}

function until<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; stderr: ${stderr}`)), timeoutMs);
    const check = () => {
      const value = probe();
      if (value === undefined) return void waiters.push(check);
      clearTimeout(timer);
      resolve(value);
    };
    check();
  });
}

function notify() {
  for (const waiter of waiters.splice(0)) waiter();
}

beforeAll(async () => {
  assertBuilt();
  dir = fs.realpathSync(
    makeProject({
      'migrations/001_create.sql': CREATE,
      'migrations/002_change.sql': CHANGE,
      // A runner that applies statements one by one, so CONCURRENTLY can be offered as a fix there.
      'migralint.config.json': '{ "extends": ["recommended"], "overrides": [{ "files": ["scripts/**"], "settings": { "runner": "psql" } }] }\n',
    }),
  );
  server = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir });
  server.stderr.on('data', (d) => (stderr += d));
  client = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  client.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    notify();
  });
  client.onNotification(ShowMessageNotification.type, (p) => {
    messages.push(p);
    notify();
  });
  client.onRequest(RegistrationRequest.type, () => undefined);
  client.listen();
  const init = await client.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'project' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { debounceMs: 20 },
  });
  expect(init.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix'] }, textDocumentSync: 2 });
  await client.sendNotification(InitializedNotification.type, {});
});

afterAll(() => {
  if (server.exitCode === null) server.kill();
  client?.dispose();
});

describe('migralint lsp over stdio', () => {
  it('publishes diagnostics on open, with the whole history as context and UTF-16 0-based positions', async () => {
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('migrations/001_create.sql'), languageId: 'sql', version: 1, text: CREATE } });
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('migrations/002_change.sql'), languageId: 'sql', version: 1, text: CHANGE } });
    const diagnostics = await diagnosticsFor(uriOf('migrations/002_change.sql'), 1);
    expect(diagnostics.map(summary)).toEqual(['destructive/no-drop-column 3:16-3:21 1']);
    expect(diagnostics[0]).toMatchObject({ source: 'migralint', codeDescription: { href: expect.stringMatching(/docs\/rules\/destructive\/no-drop-column\.md$/) } });
  });

  it('re-checks the files that depend on a changed (unsaved) migration', async () => {
    // email becomes an int in the buffer of 001: 002's type change now rewrites the table.
    await client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: uriOf('migrations/001_create.sql'), version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 52 }, end: { line: 0, character: 63 } }, text: 'int' }],
    });
    const diagnostics = await diagnosticsFor(uriOf('migrations/002_change.sql'), 1).then(() =>
      until(() => {
        const last = [...published].reverse().find((p) => p.uri === uriOf('migrations/002_change.sql'));
        return last && last.diagnostics.length === 2 ? last.diagnostics : undefined;
      }),
    );
    expect(diagnostics.map(summary)).toEqual(['destructive/no-column-type-change 0:34-0:39 1', 'destructive/no-drop-column 3:16-3:21 1']);
    // Nothing was written: the buffer replaced the file in the model only.
    expect(fs.readFileSync(path.join(dir, 'migrations/001_create.sql'), 'utf8')).toBe(CREATE);
  });

  it('offers "disable for this statement" above the statement, indented like it, with a reason placeholder', async () => {
    const uri = uriOf('migrations/002_change.sql');
    const actions = (await client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 3, character: 18 }, end: { line: 3, character: 18 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['Disable destructive/no-drop-column for this statement']);
    expect(actions[0]!.edit!.changes![uri]).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  -- migralint-disable-next-statement destructive/no-drop-column -- reason\n' },
    ]);
  });

  it('offers the rule fixes as preferred quick fixes', async () => {
    const uri = uriOf('scripts/001_index.sql');
    const text = 'CREATE INDEX accounts_email ON accounts (email);\n';
    await client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sql', version: 1, text } });
    const diagnostics = await diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => d.code)).toContain('concurrently/require-concurrent-index-creation');
    const actions = (await client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred && a.title.endsWith('(concurrently/require-concurrent-index-creation)'))!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.diagnostics?.map((d) => d.code)).toEqual(['concurrently/require-concurrent-index-creation']);
    expect(fix.edit!.changes![uri]).toEqual([{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, newText: ' CONCURRENTLY' }]);
  });

  it('hovers a finding with why, the safe way and the docs link', async () => {
    const hover = await client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('migrations/002_change.sql') }, position: { line: 3, character: 18 } });
    const value = (hover!.contents as MarkupContent).value;
    expect(value).toMatch(/^\*\*destructive\/no-drop-column\*\* \(error\): Dropping column "email"/);
    expect(value).toMatch(/\*\*Why:\*\* /);
    expect(value).toMatch(/\*\*Safe way:\*\* /);
    expect(value).toMatch(/\[destructive\/no-drop-column documentation\]\(https:\/\/.*no-drop-column\.md\)/);
    expect(await client.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('migrations/002_change.sql') }, position: { line: 1, character: 3 } })).toBeNull();
  });

  it('survives a bad buffer: it is findings, not a crash', async () => {
    const uri = uriOf('migrations/002_change.sql');
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 5 }, contentChanges: [{ text: 'SELEC 1;\n\u0000\u001b[31m ;;; $$ unterminated' }] });
    const diagnostics = await diagnosticsFor(uri, 5);
    expect(diagnostics.map((d) => d.code)).toContain('migralint/parse-error');
    expect(server.exitCode).toBeNull();
  });

  it('watches config files: a broken config is a window/showMessage, and the server goes on', async () => {
    fs.writeFileSync(path.join(dir, 'migralint.config.json'), '{ "rules": { "destructive/no-such-rule": "error" } }\n');
    await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('migralint.config.json'), type: FileChangeType.Created }] });
    const message = await until(() => messages.find((m) => /no-such-rule/.test(m.message)));
    expect(message.type).toBe(1);
    expect(message.message).toMatch(/^migralint: .*migralint\.config\.json.*destructive\/no-such-rule/);

    // Fixed: the next run uses it (the drop is now off) without a restart.
    fs.writeFileSync(path.join(dir, 'migralint.config.json'), '{ "rules": { "destructive/no-drop-column": "off" } }\n');
    await client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('migralint.config.json'), type: FileChangeType.Changed }] });
    const uri = uriOf('migrations/002_change.sql');
    await client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 6 }, contentChanges: [{ text: CHANGE }] });
    const diagnostics = await diagnosticsFor(uri, 6);
    expect(diagnostics.map((d) => d.code)).not.toContain('destructive/no-drop-column');
  });

  it('shuts down and exits with 0', async () => {
    await client.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    await client.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});

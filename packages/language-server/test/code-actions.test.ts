// Where "disable for this statement" puts the directive, on results of the real engine: above an
// indented statement, between two statements on one line, never for a finding outside statements.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActionsFor } from '../src/code-actions.js';
import { HistoryLinter } from '../src/history-linter.js';
import { RULE_PACKS } from '../../cli/src/rule-packs.js';

async function actionsAt(text: string, offset: number) {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-lsp-')));
  const file = path.join(dir, 'migrations', '001_x.sql');
  const linter = new HistoryLinter(dir, {
    historyFiles: async () => [],
    displayPath: (cwd, abs) => path.relative(cwd, abs),
    auxReader: () => () => undefined,
    builtinPacks: RULE_PACKS,
  });
  const { byPath } = await linter.lint([file], new Map([[file, text]]));
  const entry = byPath.get(file)!;
  const document = TextDocument.create(`file://${file}`, 'sql', 1, text);
  const actions = codeActionsFor(document, entry.file.messages, entry.statements, { start: offset, end: offset }, []);
  const edited = actions.filter((a) => a.title.startsWith('Disable ')).map((a) => TextDocument.applyEdits(document, a.edit!.changes![document.uri]!));
  return { found: entry.file.messages.map((m) => m.ruleId), edited };
}

describe('disable for this statement', () => {
  it('goes on its own line above a multi-line statement, whichever line the finding is on', async () => {
    const text = 'SELECT 1;\n\nALTER TABLE t\n  DROP COLUMN c;\n';
    expect((await actionsAt(text, text.indexOf('c;'))).edited).toEqual([
      'SELECT 1;\n\n-- migralint-disable-next-statement destructive/no-drop-column -- reason\nALTER TABLE t\n  DROP COLUMN c;\n',
    ]);
  });

  it('splits a line shared with the statement before it', async () => {
    const text = 'SELECT 1;  DROP TABLE t;\n';
    expect((await actionsAt(text, text.indexOf('t;'))).edited).toEqual(['SELECT 1;  -- migralint-disable-next-statement destructive/no-drop-table -- reason\nDROP TABLE t;\n']);
  });

  it('offers none for a finding outside every statement (an empty file)', async () => {
    // The folder's runner is a guess (said once, at the file start, also outside every statement).
    expect(await actionsAt('-- nothing here\n', 0)).toEqual({ found: ['migralint/empty-file', 'migrations/guessed-runner'], edited: [] });
  });
});

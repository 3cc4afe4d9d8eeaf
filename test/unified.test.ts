// migralint as unified plugins (issue #9 item 6): `sqlParse` turns a VFile of SQL into a unist tree of
// statements, `sqlLint` runs the rules over it as an attacher and puts the findings on the VFile. The
// real use: the ```sql blocks of a Markdown runbook linted through remark, positions in the Markdown.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, sqlLint, sqlParse, type ResolvedConfig, type SqlRoot } from '@migralint/core';
import { loadConfig } from '@migralint/config';
import { lint, modelProvider } from '@migralint/migrations';
import remarkMigralint from '../fixtures/remark-migralint/index.js';
import { RULE_PACKS } from '../packages/cli/src/rule-packs.js';

const root = path.resolve(import.meta.dirname, '..');
const runbookPath = 'fixtures/remark-migralint/example/runbook.md';
const runbook = readFileSync(path.join(root, runbookPath), 'utf8');
let config: ResolvedConfig;

beforeAll(async () => {
  await loadParser();
  // No config file up from the repository root: the recommended preset with the built-in packs.
  config = await loadConfig({ cwd: root, builtinPacks: RULE_PACKS });
});

interface Shown {
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  at: string;
}

function shown(messages: ReadonlyArray<{ ruleId?: string | undefined; source?: string | undefined; fatal?: boolean | null | undefined; place?: unknown }>): Shown[] {
  return messages.map((m) => {
    const place = m.place as { start: { line: number; column: number }; end: { line: number; column: number } };
    return { ruleId: m.ruleId, source: m.source, fatal: m.fatal, at: `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}` };
  });
}

async function lintRunbook(text: string): Promise<VFile> {
  const processor = unified().use(remarkParse).use(remarkMigralint, { config });
  // remark has no compiler here (linting writes nothing), so parse + run, messages on this VFile.
  const file = new VFile({ path: runbookPath, value: text });
  await processor.run(processor.parse(file), file);
  return file;
}

describe('sqlParse', () => {
  it('turns SQL into a root of statement nodes with unist positions, the AST and the tokens', () => {
    const text = "-- é\nCREATE TABLE t (id int);\nALTER TABLE \"tà\" ADD COLUMN b int;\nSELEC 1;\n";
    const tree = unified().use(sqlParse).parse({ path: 'a.sql', value: text }) as SqlRoot;
    expect(tree.type).toBe('root');
    expect(tree.children.map((s) => [s.type, s.kind, s.value])).toEqual([
      ['statement', 'CreateStmt', 'CREATE TABLE t (id int)'],
      ['statement', 'AlterTableStmt', 'ALTER TABLE "tà" ADD COLUMN b int'],
      ['statement', 'ParseError', 'SELEC 1'],
    ]);
    // UTF-16 offsets and 1-based columns, after a two-byte character on an earlier line.
    expect(tree.children[1]!.position).toEqual({ start: { line: 3, column: 1, offset: 30 }, end: { line: 3, column: 34, offset: 63 } });
    expect(text.slice(tree.children[1]!.position.start.offset, tree.children[1]!.position.end.offset)).toBe(tree.children[1]!.value);
    expect((tree.children[0]!.data.ast as { relation?: { relname?: string } }).relation?.relname).toBe('t');
    expect(tree.children[1]!.data.tokens.map((t) => t.text)).toEqual(['ALTER', 'TABLE', '"tà"', 'ADD', 'COLUMN', 'b', 'int']);
    expect(tree.children[1]!.data.tokens[2]).toMatchObject({ start: 42, end: 46 });
  });
});

describe('sqlLint', () => {
  it('puts on the VFile exactly the findings lint() gives for the same project', async () => {
    const dir = 'fixtures/example-project/supabase/migrations';
    const names = ['20260101090000_create_profiles.sql', '20260219120000_cleanup.sql', '20260301080000_archive_settings.sql'];
    const files = names.map((name) => ({ path: `${dir}/${name}`, content: readFileSync(path.join(root, dir, name), 'utf8') }));
    const target = files[1]!;
    const expected = (await lint({ files, config, cwd: root, reportPaths: [target.path] })).files[0]!;
    const processor = unified().use(sqlParse, modelProvider).use(sqlLint, { model: modelProvider, config, cwd: root, history: files });
    const file = await processor.process({ path: target.path, value: target.content });
    expect(file.messages.length).toBeGreaterThan(0);
    expect(file.messages.map((m) => [m.ruleId, m.line, m.column, m.reason])).toEqual(
      expected.file.messages.map((m) => [m.ruleId, m.line, m.column, m.reason]),
    );
    expect(new Set(file.messages.map((m) => m.source))).toEqual(new Set(['migralint']));
    // Linting changes nothing: the compiled file is the text it was given.
    expect(String(file.value)).toBe(target.content);
  });

  it('refuses to run without the migration model, and says where it comes from', () => {
    expect(() => unified().use(sqlParse).use(sqlLint, undefined as never).freeze()).toThrow(/modelProvider from @migralint\/migrations/);
  });
});

describe('a Markdown runbook through remark', () => {
  it('reports the SQL blocks’ findings at their line and column in the Markdown file', async () => {
    const file = await lintRunbook(runbook);
    expect(shown(file.messages)).toEqual([
      // Block 1 (line 8): runbooks run in psql, one statement at a time.
      { ruleId: 'design/prefer-robust-stmts', source: 'migralint', fatal: false, at: '8:14-8:25' },
      // Block 2, indented in a list item: the column name after two-byte characters is underlined whole.
      { ruleId: 'design/prefer-robust-stmts', source: 'migralint', fatal: false, at: '20:35-20:51' },
      { ruleId: 'locking/adding-required-field', source: 'migralint', fatal: true, at: '20:35-20:51' },
      { ruleId: 'concurrently/require-concurrent-index-creation', source: 'migralint', fatal: false, at: '21:3-21:15' },
      { ruleId: 'design/prefer-robust-stmts', source: 'migralint', fatal: false, at: '21:16-21:43' },
      // Block 3 (a `postgresql` fence): the parse error at the misspelt keyword; the other blocks still linted.
      { ruleId: 'migralint/parse-error', source: 'migralint', fatal: true, at: '27:46-27:50' },
    ]);
    const lines = runbook.split('\n');
    expect(lines[19]!.slice(34, 50)).toBe('"e-mail vérifié"');
    expect(lines[26]!.slice(45, 49)).toBe('WHER');
    expect(file.messages.every((m) => m.file === runbookPath)).toBe(true);
  });

  it('honours a directive inside a block: without it, the drop in block 4 is reported', async () => {
    const withDirective = await lintRunbook(runbook);
    expect(withDirective.messages.some((m) => m.line === 34)).toBe(false);
    const without = await lintRunbook(runbook.replace(/^-- migralint-disable-next-statement .*\n/m, '\n'));
    expect(shown(without.messages.filter((m) => m.line === 34))).toEqual([
      { ruleId: 'destructive/no-drop-column', source: 'migralint', fatal: true, at: '34:34-34:49' },
    ]);
    expect(runbook.split('\n')[33]!.slice(33, 48)).toBe('legacy_verified');
  });

  it('ends a statement at the end of its block, and leaves other languages and prose alone', async () => {
    const text = ['# Steps', '', 'DROP TABLE prose_is_not_sql;', '', '```sql', 'ALTER TABLE a DROP COLUMN b', '```', '', '```text', 'DROP TABLE c;', '```', '', '```sql', 'DROP TABLE d;', '```', ''].join('\n');
    const file = await lintRunbook(text);
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([
      // No `;` before the fence closes: the statement still ends with its block.
      '6:27 design/prefer-robust-stmts',
      '6:27 destructive/no-drop-column',
      '14:12 destructive/no-drop-table',
    ]);
  });

  it('leaves a Markdown file without SQL blocks without messages', async () => {
    const file = await lintRunbook('# Nothing to run\n\n```sh\npsql -f x.sql\n```\n');
    expect(file.messages).toEqual([]);
  });
});

describe('docs/markdown-runbooks.md', () => {
  const docs = readFileSync(path.join(root, 'docs/markdown-runbooks.md'), 'utf8');
  const blocks = [...docs.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2]! }));
  const run = (args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });

  it('shows the example script as it is, and the output it prints', () => {
    const script = readFileSync(path.join(root, 'fixtures/remark-migralint/example/lint-runbook.mjs'), 'utf8');
    expect(blocks.some((b) => b.lang === 'js' && b.code === script)).toBe(true);
    const result = run(['fixtures/remark-migralint/example/lint-runbook.mjs']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(blocks.some((b) => b.lang === '' && b.code === result.stdout)).toBe(true);
  });

  it('has a first example that runs and reports', () => {
    const first = blocks.find((b) => b.lang === 'js')!.code;
    const result = run(['--input-type=module', '-e', first]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/1:\d+ locking\/adding-required-field/);
  });
});

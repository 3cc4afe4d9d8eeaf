import { describe, expect, it } from 'vitest';
import { lint } from '@migralint/migrations';
import { testPlugin } from './test-plugin.js';

async function run(content: string | Uint8Array, rules: Record<string, 'error' | 'info' | 'warn'> = { 'test/drop-column': 'error' }) {
  const result = await lint({ files: [{ path: 'db/m.sql', content }], config: { plugins: [testPlugin], rules } });
  const file = result.files[0]!;
  return { result, file, list: file.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`) };
}

describe('statement-level recovery and odd input (DESIGN.md §6)', () => {
  it('reports a bad statement at its own line and still lints the others', async () => {
    const { list, result } = await run('ALTER TABLE a DROP COLUMN x;\nSELEC 1;\nALTER TABLE b DROP COLUMN y;\n');
    expect(list).toEqual([
      '1:13 error test/drop-column Dropping column "x"',
      '2:1 error migralint/parse-error PostgreSQL cannot parse this statement: syntax error at or near "SELEC"; fix the SQL (this statement was not linted)',
      '3:13 error test/drop-column Dropping column "y"',
    ]);
    expect(result.failed).toBe(false);
  });

  it('points at the error inside a multi-line statement, after non-ASCII text', async () => {
    const { file } = await run("SELECT 'é';\nCREATE TABLE t (\n  id int,\n  name text text\n);\nALTER TABLE b DROP COLUMN y;");
    const parse = file.messages.find((m) => m.ruleId === 'migralint/parse-error')!;
    expect([parse.line, parse.column]).toEqual([4, 13]);
    expect(file.messages.some((m) => m.ruleId === 'test/drop-column' && m.line === 6)).toBe(true);
  });

  it('keeps BEGIN ATOMIC bodies whole when recovering', async () => {
    const sql = 'SELEC 1;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\nALTER TABLE b DROP COLUMN y;';
    const { list } = await run(sql);
    expect(list.filter((l) => l.includes('parse-error'))).toHaveLength(1);
    expect(list.some((l) => l.startsWith('3:13 error test/drop-column'))).toBe(true);
  });

  it('says a template placeholder is why a statement does not parse', async () => {
    const { list } = await run('CREATE TABLE {{ .Schema }}.users (id int);\nALTER TABLE b DROP COLUMN y;');
    expect(list[0]).toMatch(/^1:\d+ error migralint\/parse-error .*template placeholder \(\{\{ \.Schema \}\}\)/);
    expect(list[1]).toMatch(/^2:13 error test\/drop-column/);
  });

  it('reports an unterminated dollar quote once, as Postgres reads it', async () => {
    const { list } = await run('ALTER TABLE b DROP COLUMN y;\nSELECT $$ never closed;\n');
    expect(list.filter((l) => l.includes('parse-error'))).toHaveLength(1);
  });

  it('skips psql meta-commands with a warning and lints the SQL around them', async () => {
    const { list } = await run("\\set ON_ERROR_STOP on\nALTER TABLE a DROP COLUMN x;\nSELECT 'x' \\gexec\n\\i other.sql\n");
    expect(list).toEqual([
      expect.stringMatching(/^1:1 warning migralint\/psql-meta-command psql meta-command \\set is not SQL/),
      '2:13 error test/drop-column Dropping column "x"',
      expect.stringMatching(/^3:12 warning migralint\/psql-meta-command psql meta-command \\gexec/),
      expect.stringMatching(/^4:1 warning migralint\/psql-meta-command psql meta-command \\i /),
    ]);
  });

  it('ends the statement at \\gset / \\gexec, which send the query as `;` does: the SQL after it is linted', async () => {
    const { list } = await run("SELECT 1 AS ok\n\\gset\nALTER TABLE a DROP COLUMN x;\nSELECT 'x'\n\\gexec\nALTER TABLE a DROP COLUMN y;\n");
    expect(list.filter((l) => !l.includes('psql-meta-command'))).toEqual(['3:13 error test/drop-column Dropping column "x"', '6:13 error test/drop-column Dropping column "y"']);
  });

  it('does not mistake a backslash inside a string for a meta-command', async () => {
    const { list } = await run("SELECT E'\\\\set not a command';\n");
    expect(list).toEqual([]);
  });

  it('warns about an empty file and a comments-only file', async () => {
    for (const content of ['', '  \n', '-- nothing here yet\n']) {
      const { list, result } = await run(content);
      expect(list).toEqual([expect.stringMatching(/^1:1 warning migralint\/empty-file File contains no SQL statement/)]);
      expect(result.failed).toBe(false);
    }
  });

  it('fails a binary file with a clear message and marks the run failed', async () => {
    const { list, result, file } = await run(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    expect(list).toEqual([expect.stringMatching(/^1:1 error migralint\/unreadable-file .*binary \(NUL byte at byte 4\)/)]);
    expect(file.unreadable).toBe(true);
    expect(result.failed).toBe(true);
  });

  it('names the byte and line of invalid UTF-8', async () => {
    const { list, result } = await run(Buffer.concat([Buffer.from('SELECT 1;\nSELECT \''), Buffer.from([0xe9]), Buffer.from("';")]));
    expect(list).toEqual([expect.stringMatching(/not valid UTF-8 \(at byte 18, line 2\); save it as UTF-8/)]);
    expect(result.failed).toBe(true);
  });

  it('cannot be silenced: unreadable files are reported even with the rule off', async () => {
    const { result } = await run(Buffer.from([0, 0]), { 'migralint/unreadable-file': 'off' as never });
    expect(result.errorCount).toBe(1);
  });
});

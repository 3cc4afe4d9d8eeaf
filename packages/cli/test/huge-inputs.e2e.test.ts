// Huge inputs end with a finding or a clear parse error, never a crash (#10, #17): a 10 MB string
// literal, a 10 MB single line and 100,000 nested parentheses. Generated here, never committed.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const TEN_MB = 10 * 1024 * 1024;

function lintAlone(name: string, sql: string) {
  const dir = makeProject({ [`migrations/${name}`]: sql });
  return runCli(['--format', 'json', `migrations/${name}`], { cwd: dir });
}

function expectNoCrash(run: { code: number | null; stdout: string; stderr: string }) {
  expect(run.stderr).not.toMatch(/internal error|RangeError|    at /);
  expect([0, 1]).toContain(run.code);
  const report = JSON.parse(run.stdout);
  expect(report.notifications).toEqual([]);
  // The runner of a lone `migrations/` folder is a guess, said once: not what these tests are about.
  return (report.files[0].messages as Array<{ ruleId: string; message: string; line: number }>).filter((m) => m.ruleId !== 'migrations/guessed-runner');
}

describe('huge inputs', () => {
  it('a 10 MB string literal', async () => {
    const run = await lintAlone('001_literal.sql', `INSERT INTO blobs (body) VALUES ('${'x'.repeat(TEN_MB)}');\nDROP TABLE old_blobs;\n`);
    const messages = expectNoCrash(run);
    // The statement after the literal is still linted.
    expect(messages.map((m) => m.ruleId)).toContain('destructive/no-drop-table');
  });

  it('a 10 MB single line', async () => {
    const tuples: string[] = [];
    for (let size = 0, i = 0; size < TEN_MB; i++) {
      const tuple = `(${i}, 'name ${i}')`;
      tuples.push(tuple);
      size += tuple.length + 2;
    }
    const run = await lintAlone('001_line.sql', `INSERT INTO items (id, name) VALUES ${tuples.join(', ')}; DROP TABLE old_items;`);
    const messages = expectNoCrash(run);
    expect(messages.map((m) => m.ruleId)).toContain('destructive/no-drop-table');
  });

  it('a 10 MB migration with a syntax error at the top and one in the middle (parsed in pieces)', async () => {
    const steps: string[] = [];
    for (let size = 0, i = 0; size < TEN_MB; i++) {
      const step = `CREATE TABLE t${i} (id bigint PRIMARY KEY, name text);\nCREATE INDEX t${i}_name ON t${i} (name);\n`;
      steps.push(i === 60_000 ? `${step}SELEC 2;\n` : step);
      size += step.length;
    }
    const sql = `SELEC 1;\n${steps.join('')}ALTER TABLE old_items DROP COLUMN name;\n`;
    const run = await lintAlone('001_big.sql', sql);
    const messages = expectNoCrash(run);
    const lineOf = (text: string) => sql.slice(0, sql.indexOf(text)).split('\n').length;
    expect(messages.filter((m) => m.ruleId === 'migralint/parse-error').map((m) => m.line)).toEqual([1, lineOf('SELEC 2')]);
    // The statements after both errors are still linted, at their own lines.
    expect(messages.filter((m) => m.ruleId === 'destructive/no-drop-column').map((m) => m.line)).toEqual([lineOf('ALTER TABLE old_items')]);
  });

  it('100,000 nested parentheses', async () => {
    const run = await lintAlone('001_nested.sql', `SELECT ${'('.repeat(100_000)}1${')'.repeat(100_000)};\n`);
    const messages = expectNoCrash(run);
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'migralint/parse-error', message: expect.stringContaining('PostgreSQL cannot parse this statement') })]);
  });
});

// Workers change where histories are linted, never what is reported: the same findings, in the same
// order, in every format, with --concurrency off and with workers.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, repoRoot, runCli } from './run-cli.js';

beforeAll(assertBuilt);

/** Several histories of different layouts: the example project's and three small ones. */
function severalHistories(): string {
  const files: Record<string, string> = {};
  const example = path.join(repoRoot, 'fixtures/example-project/supabase/migrations');
  for (const name of fs.readdirSync(example)) files[`supabase/migrations/${name}`] = fs.readFileSync(path.join(example, name), 'utf8');
  for (const app of ['billing', 'auth', 'search']) {
    files[`${app}/migrations/000001_init.up.sql`] = `CREATE TABLE ${app}_items (id bigint PRIMARY KEY, name text);\nCREATE INDEX ${app}_items_name ON ${app}_items (name);\n`;
    files[`${app}/migrations/000001_init.down.sql`] = `DROP TABLE ${app}_items;\n`;
    files[`${app}/migrations/000002_more.up.sql`] = `ALTER TABLE ${app}_items ADD COLUMN price int NOT NULL DEFAULT 0;\nALTER TABLE ${app}_items DROP COLUMN name;\n`;
    files[`${app}/migrations/000002_more.down.sql`] = `ALTER TABLE ${app}_items DROP COLUMN price;\n`;
  }
  // A byte order mark and non-ASCII text: the VFile text workers' results are rebuilt with (SARIF fingerprints).
  files['auth/migrations/000003_bom.up.sql'] = '\uFEFF-- Entwürfe löschen\r\nDROP TABLE "entwürfe";\r\n';
  files['auth/migrations/000003_bom.down.sql'] = 'CREATE TABLE "entwürfe" (id int);\n';
  return makeProject(files);
}

const withoutTiming = (json: string) => {
  const report = JSON.parse(json);
  delete report.stats.durationMs;
  return report;
};

describe('--concurrency', () => {
  it('reports exactly the same with workers as in one thread, in every format', async () => {
    const dir = severalHistories();
    const paths = ['supabase/migrations', 'billing', 'auth', 'search'];
    for (const format of ['json', 'terminal', 'sarif']) {
      const off = await runCli(['--concurrency', 'off', '--format', format, ...paths], { cwd: dir });
      const two = await runCli(['--concurrency', '2', '--format', format, ...paths], { cwd: dir });
      expect(off.code).toBe(1);
      expect(two.code).toBe(off.code);
      expect(two.stderr).toBe(off.stderr);
      if (format === 'json') {
        const report = withoutTiming(off.stdout);
        // The fixture is what it claims: findings in every history.
        expect(new Set(report.files.filter((f: { messages: unknown[] }) => f.messages.length > 0).map((f: { path: string }) => f.path.split('/')[0]))).toEqual(
          new Set(['supabase', 'billing', 'auth', 'search']),
        );
        expect(withoutTiming(two.stdout)).toEqual(report);
      } else expect(two.stdout).toBe(off.stdout);
    }
  });

  it('reports a file named alone against its history the same way on a worker', async () => {
    const dir = severalHistories();
    const args = ['--format', 'json', 'billing/migrations/000002_more.up.sql'];
    const off = await runCli(['--concurrency', 'off', ...args], { cwd: dir });
    const one = await runCli(['--concurrency', '1', ...args], { cwd: dir });
    expect(withoutTiming(off.stdout).files.map((f: { path: string }) => f.path)).toEqual(['billing/migrations/000002_more.up.sql']);
    expect(withoutTiming(one.stdout)).toEqual(withoutTiming(off.stdout));
  });

  it('rejects a value that is not a count, auto or off', async () => {
    for (const value of ['0', 'many', '1.5']) {
      const run = await runCli(['--concurrency', value, 'migrations'], { cwd: makeProject({ 'migrations/1.sql': 'SELECT 1;\n' }) });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--concurrency takes a number of workers ≥ 1, "auto" or "off", got "${value}"`);
    }
  });
});

// `migralint verify` end to end: the built binary, real files, PGlite in the process. The tests on a
// real server (--database-url) are in verify-server.e2e.test.ts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

// One cached empty database for every test run (the library tests use the same one).
const env = { MIGRALINT_CACHE_DIR: path.join(os.tmpdir(), 'migralint-test-cache') };

const HISTORY = {
  'migrations/001_users.up.sql': 'CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n',
  'migrations/001_users.down.sql': 'DROP TABLE users;\n',
  'migrations/002_contact.up.sql': 'ALTER TABLE users ADD COLUMN phone text;\nALTER TABLE users ADD COLUMN nickname text;\n',
  'migrations/002_contact.down.sql': 'ALTER TABLE users DROP COLUMN phone;\n',
  'migrations/003_bigint.up.sql': 'ALTER TABLE users ALTER COLUMN id TYPE bigint;\n',
  'migrations/003_bigint.down.sql': 'ALTER TABLE users ALTER COLUMN id TYPE int;\n',
};

describe('migralint verify', () => {
  it('prints its help', async () => {
    const run = await runCli(['verify', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: migralint verify \[options\] \[paths\.\.\.\]/);
    expect(run.stdout).toContain('--database-url URL');
  });

  it('reports through the terminal reporter, then the run summary; exit 1 on errors', async () => {
    const dir = makeProject(HISTORY);
    const run = await runCli(['verify', 'migrations'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/migrations\/002_contact\.down\.sql\n\s*1:1-1:36\s+error\s+Running the up and then this down does not restore the schema: column public\.users\.nickname left behind\s+verify\/down-not-restoring/);
    expect(run.stdout).toMatch(/migrations\/003_bigint\.up\.sql\n\s*1:1-1:46\s+error\s+This statement rewrites table public\.users \(and its index\)/);
    expect(run.stdout).toContain('verify: migrations (golang-migrate) on PGlite 0.5.16 (PostgreSQL 18.');
    expect(run.stdout).toMatch(/3 migrations in [\d.]+ m?s .*; 3 round trips \(up, down, up\): 2 restored, 1 not restored/);
    expect(run.stdout).toContain('    + column public.users.nickname (text): left behind by the down');
  });

  it('writes JSON findings and the trace (timings, locks, rewrites) in one run', async () => {
    const dir = makeProject(HISTORY);
    const run = await runCli(['verify', '--format', 'json', '--format', 'trace=out/trace.json'], { cwd: dir, env });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const messages = report.files.flatMap((f: { path: string; messages: Array<{ ruleId: string; line: number }> }) => f.messages.map((m) => `${f.path}:${m.line} ${m.ruleId}`));
    expect(messages).toEqual([
      'migrations/002_contact.down.sql:1 verify/down-not-restoring',
      // The two ADD COLUMNs are instant catalog changes: no lock finding.
      'migrations/003_bigint.up.sql:1 verify/table-rewrite',
    ]);
    expect(report.rules['verify/table-rewrite']).toMatchObject({ defaultSeverity: 'error', enabled: true });
    const trace = JSON.parse(fs.readFileSync(path.join(dir, 'out/trace.json'), 'utf8'));
    expect(trace.version).toBe(1);
    const [set] = trace.sets;
    expect(set.migrations.map((m: { version: string; roundTrip: string }) => `${m.version} ${m.roundTrip}`)).toEqual(['001 restored', '002 not-restored', '003 restored']);
    expect(set.migrations.every((m: { upMs: number }) => typeof m.upMs === 'number')).toBe(true);
    const rewrite = set.statements.find((s: { file: string }) => s.file === 'migrations/003_bigint.up.sql');
    expect(rewrite).toMatchObject({ line: 1, kind: 'AlterTableStmt', outcome: 'ok', rewrites: expect.arrayContaining([{ relation: 'public.users', kind: 'table' }]) });
    expect(rewrite.locks).toContainEqual({ relation: 'public.users', kind: 'table', mode: 'ACCESS EXCLUSIVE' });
  });

  it('refuses what cannot work, with exit 2', async () => {
    const dir = makeProject(HISTORY);
    const dry = await runCli(['verify', '--dry-run'], { cwd: dir, env });
    expect(dry.code).toBe(2);
    expect(dry.stderr).toMatch(/^migralint verify: --dry-run was removed: a run in the URL's own database cannot be undone/);
    // A remote host is refused before any connection is tried (nothing listens on 192.0.2.1).
    const remote = await runCli(['verify', '--database-url', 'postgres://u:hunter22@192.0.2.1:5432/prod?password=hunter22'], { cwd: dir, env });
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/^migralint verify: --database-url points at 192\.0\.2\.1, which is not this machine: .* add --allow-remote/);
    expect(remote.stderr).not.toContain('hunter22');
    const setup = await runCli(['verify', '--setup', 'stubs.sql'], { cwd: dir, env });
    expect(setup.code).toBe(2);
    expect(setup.stderr).toBe('migralint verify: --setup stubs.sql: no such file (built-in setups: supabase)\n');
    const unreachable = await runCli(['verify', '--database-url', 'postgres://nobody:s3cret-pw@127.0.0.1:1/none?sslpassword=k3y-pw&password=s3cret-pw'], { cwd: dir, env });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^migralint verify: cannot connect to postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\?sslpassword=\*\*\*&password=\*\*\*: /);
    expect(unreachable.stderr).not.toMatch(/s3cret|k3y/);
  });

  it('verifies the example project with its setup script; the one failure left is the typo its README names', async () => {
    const alone = await runCli(['verify', 'fixtures/example-project'], { env });
    expect(alone.code).toBe(1);
    // Four tables the history never creates: one error each, each with the way out.
    expect(alone.stdout.match(/verify\/statement-failed/g)?.length).toBe(5);
    const run = await runCli(['verify', 'fixtures/example-project', '--setup', 'supabase', '--setup', 'fixtures/example-project/existing-schema.sql', '--format', 'json'], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const messages = JSON.parse(run.stdout).files.flatMap((f: { path: string; messages: Array<{ ruleId: string; line: number; message: string }> }) => f.messages.map((m) => `${f.path}:${m.line} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual(['fixtures/example-project/supabase/migrations/20260315090000_add_index.sql:2 verify/statement-failed PostgreSQL rejects this statement: syntax error at or near "SELEC" (SQLSTATE 42601)']);
  });

  it('--format github from a monorepo subdirectory: annotations name files relative to the repository root', async () => {
    const dir = makeProject({
      'services/db/db/migrations/001_a.up.sql': 'CREATE TABLE a (id int);\nALTER TABLE nope ADD COLUMN x int;\n',
      'services/db/db/migrations/001_a.down.sql': 'DROP TABLE a;\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const run = await runCli(['verify', 'db/migrations', '--format', 'github', '--cache-dir', path.join(dir, '.pglite')], { cwd: path.join(dir, 'services/db') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=services\/db\/db\/migrations\/001_a\.up\.sql,line=2,endLine=2,col=1,endColumn=\d+,title=migralint verify\/statement-failed::PostgreSQL rejects this statement: relation "nope" does not exist/m);
  });
});

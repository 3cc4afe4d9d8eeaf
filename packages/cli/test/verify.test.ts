// `migralint verify` end to end: the built binary, real files, PGlite in the process. The
// --database-url tests run when MIGRALINT_TEST_DATABASE_URL names a server the tests may create
// databases on (CI starts one); otherwise they are skipped, and say so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openServerDatabase } from '@migralint/verify';
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
      'migrations/002_contact.up.sql:1 verify/access-exclusive-lock',
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
    expect(dry.stderr).toContain('migralint verify: --dry-run runs on a server: give --database-url too');
    const setup = await runCli(['verify', '--setup', 'stubs.sql'], { cwd: dir, env });
    expect(setup.code).toBe(2);
    expect(setup.stderr).toBe('migralint verify: --setup stubs.sql: no such file (built-in setups: supabase)\n');
    const unreachable = await runCli(['verify', '--database-url', 'postgres://nobody@127.0.0.1:1/none'], { cwd: dir, env });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/^migralint verify: cannot connect to postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
  });
});

const url = process.env.MIGRALINT_TEST_DATABASE_URL;
if (!url) console.warn('migralint verify --database-url tests skipped: set MIGRALINT_TEST_DATABASE_URL=postgres://… (a server the tests may create databases on) to run them');

describe.skipIf(!url)('migralint verify --database-url (MIGRALINT_TEST_DATABASE_URL)', () => {
  const leftovers = async () => {
    const db = await openServerDatabase(url!, { dryRun: true });
    try {
      return (await db.query<{ datname: string }>("select datname from pg_database where datname like 'migralint\\_verify\\_%'")).map((r) => r.datname);
    } finally {
      await db.close();
    }
  };

  it('runs the history in a fresh database it drops afterwards, with the same findings as PGlite', async () => {
    const dir = makeProject({
      ...HISTORY,
      'migrations/004_index.up.sql': 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMENT ON TABLE users IS NULL;\n',
      'migrations/005_role.up.sql': 'CREATE ROLE migralint_test_reader;\nGRANT SELECT ON users TO migralint_test_reader;\n',
    });
    const run = await runCli(['verify', '--database-url', url!, '--format', 'json', '--format', 'trace=trace.json'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    const messages = JSON.parse(run.stdout).files.flatMap((f: { path: string; messages: Array<{ ruleId: string; line: number }> }) => f.messages.map((m) => `${f.path}:${m.line} ${m.ruleId}`));
    expect(messages).toEqual([
      'migrations/002_contact.down.sql:1 verify/down-not-restoring',
      'migrations/002_contact.up.sql:1 verify/access-exclusive-lock',
      'migrations/003_bigint.up.sql:1 verify/table-rewrite',
      'migrations/004_index.up.sql:1 verify/statement-failed',
    ]);
    const trace = JSON.parse(fs.readFileSync(path.join(dir, 'trace.json'), 'utf8'));
    expect(trace.sets[0].database).toMatch(/^PostgreSQL \d+\.\d+ at postgres:\/\/.*\(fresh database migralint_verify_\w+, dropped at the end\)$/);
    expect(await leftovers()).toEqual([]);
    // The role the history created is gone with the run (roles belong to the whole server).
    const db = await openServerDatabase(url!, { dryRun: true });
    try {
      expect(await db.query("select 1 from pg_roles where rolname = 'migralint_test_reader'")).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('--dry-run runs in one transaction on the URL\'s database and rolls it back', async () => {
    const dir = makeProject({
      'migrations/001_dry.up.sql': 'CREATE TABLE migralint_dry_run_probe (id int);\nCREATE INDEX CONCURRENTLY probe_idx ON migralint_dry_run_probe (id);\n',
    });
    const run = await runCli(['verify', '--database-url', url!, '--dry-run', '--format', 'json'], { cwd: dir, env });
    const messages = JSON.parse(run.stdout).files.flatMap((f: { messages: Array<{ ruleId: string; line: number; message: string }> }) => f.messages.map((m) => `${m.line} ${m.ruleId}`));
    // In the dry run's transaction CONCURRENTLY cannot run: not run, said so, not a failure.
    expect(messages).toEqual(['2 verify/not-run']);
    const db = await openServerDatabase(url!, { dryRun: true });
    try {
      expect(await db.query("select 1 from pg_class where relname = 'migralint_dry_run_probe'")).toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('runs the Supabase stubs on a server, and drops the roles they created with the database', async () => {
    const dir = makeProject({
      'supabase/migrations/20240101000000_profiles.sql':
        'CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users, name text);\nALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON public.profiles TO authenticated USING (auth.uid() = id);\n',
    });
    const before = await openServerDatabase(url!, { dryRun: true });
    const hadAnon = (await before.query("select 1 from pg_roles where rolname = 'anon'")).length > 0;
    await before.close();
    const run = await runCli(['verify', '--database-url', url!, '--format', 'json'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).errorCount).toBe(0);
    expect(run.code).toBe(0);
    const after = await openServerDatabase(url!, { dryRun: true });
    try {
      expect((await after.query("select 1 from pg_roles where rolname = 'anon'")).length > 0).toBe(hadAnon);
    } finally {
      await after.close();
    }
  });

  it('--dry-run --from starts at a migration, taking the earlier ones as applied', async () => {
    const dir = makeProject({
      'migrations/001_probe.up.sql': 'CREATE TABLE migralint_from_probe (id int);\n',
      'migrations/002_probe.up.sql': 'ALTER TABLE migralint_from_probe ADD COLUMN name text;\n',
    });
    const run = await runCli(['verify', '--database-url', url!, '--dry-run', '--from', '002', '--format', 'json'], { cwd: dir, env });
    const messages = JSON.parse(run.stdout).files.flatMap((f: { path: string; messages: Array<{ ruleId: string; message: string }> }) => f.messages.map((m) => `${f.path} ${m.ruleId} ${m.message}`));
    // 001 did not run here, so the table 002 alters is not there: what a pending 002 would meet.
    expect(messages).toEqual(['migrations/002_probe.up.sql verify/statement-failed PostgreSQL rejects this statement: relation "migralint_from_probe" does not exist (SQLSTATE 42P01)']);
    const unknown = await runCli(['verify', '--database-url', url!, '--dry-run', '--from', '999'], { cwd: dir, env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('migralint verify: --from 999: no migration of migrations has that version or name\n');
  });
});

// `migralint verify --database-url` against a real PostgreSQL server (CI starts one and sets
// MIGRALINT_TEST_DATABASE_URL; without it these tests are skipped, and say so). What they hold verify
// to: everything runs in a scratch database as a role of verify's own, both gone afterwards (after
// success, failure and Ctrl-C); the URL's database is not written; a migration cannot write a file on
// the server or alter a role it did not create, even from a DO block; roles other sessions create
// meanwhile survive; passwords are never printed. The test inspects the server with psql.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bin, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const env = { MIGRALINT_CACHE_DIR: path.join(os.tmpdir(), 'migralint-test-cache') };
const url = process.env.MIGRALINT_TEST_DATABASE_URL;
if (!url) console.warn('migralint verify --database-url tests skipped: set MIGRALINT_TEST_DATABASE_URL=postgres://… (a disposable server the tests may create databases and roles on) to run them');

/** One query on the URL's database through psql; rows as lines, columns joined by `|`. */
function sql(query: string, database = url!): string[] {
  const out = execFileSync('psql', [database, '-X', '-At', '-v', 'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '');
}

/** Scratch databases and run roles on the server (other runs may have theirs: compare by name). */
const scratch = () => sql("select datname from pg_database where datname like 'migralint\\_verify\\_%' union all select rolname from pg_roles where rolname like 'migralint\\_verify\\_%'");

/** The scratch database a run names in its summary or trace; it must be gone, with its role (same name). */
function expectGone(output: string): void {
  const name = /scratch database (migralint_verify_\w+)/.exec(output)?.[1];
  expect(name).toBeDefined();
  expect(scratch().filter((n) => n === name)).toEqual([]);
}

/** A digest of the URL's database catalog (everything a migration could write there) and of its roles' settings. */
function catalogDigest(): string {
  return sql(`select md5(string_agg(x, ',' order by x)) from (
      select 'class ' || oid || ' ' || relname || ' ' || relfilenode || ' ' || relnatts || ' ' || coalesce(relacl::text, '') as x from pg_class
      union all select 'proc ' || oid || ' ' || proname || ' ' || md5(prosrc) from pg_proc
      union all select 'nsp ' || oid || ' ' || nspname || ' ' || coalesce(nspacl::text, '') from pg_namespace
      union all select 'type ' || oid || ' ' || typname from pg_type
      union all select 'ext ' || extname || ' ' || extversion from pg_extension
      union all select 'role ' || rolname || ' ' || rolconnlimit || ' ' || rolsuper || ' ' || coalesce(rolconfig::text, '') from pg_roles where rolname = current_user or rolname like 'pg\\_%'
      union all select 'db ' || datname || ' ' || datconnlimit from pg_database where datname = current_database()) t`)[0]!;
}

/** Starts the CLI; resolves once the run's scratch database exists, then with the exit. */
function startVerify(args: string[], cwd: string): { started: Promise<string>; done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>; child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [bin, 'verify', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const before = new Set(scratch());
  const started = (async () => {
    for (let i = 0; i < 300; i++) {
      const name = scratch().find((n) => !before.has(n));
      if (name) return name;
      if (child.exitCode !== null) throw new Error(`verify ended before its scratch database appeared: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no scratch database appeared');
  })();
  return { started, done, child };
}

// One at a time: the scratch-database checks look at the whole server.
describe.skipIf(!url).sequential('migralint verify --database-url (MIGRALINT_TEST_DATABASE_URL)', () => {
  it('runs in a scratch database as its own role, both dropped; the roles it created are dropped and named; a concurrent session\'s role survives', async () => {
    const concurrent = `migralint_test_concurrent_${crypto.randomBytes(3).toString('hex')}`;
    // Unique: other checkouts' tests may run on the same server at the same time.
    const reader = `migralint_test_reader_${crypto.randomBytes(3).toString('hex')}`;
    const dir = makeProject({
      'migrations/001_users.up.sql': 'CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\nSELECT pg_sleep(1.5);\n',
      'migrations/001_users.down.sql': 'DROP TABLE users;\n',
      'migrations/002_bigint.up.sql': 'ALTER TABLE users ALTER COLUMN id TYPE bigint;\n',
      // Two statements: golang-migrate sends them as one query, an implicit block CONCURRENTLY fails in.
      'migrations/003_index.up.sql': 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMENT ON TABLE users IS NULL;\n',
      'migrations/004_role.up.sql': `CREATE ROLE ${reader};\nGRANT SELECT ON users TO ${reader};\nALTER ROLE ${reader} SET statement_timeout = 1000;\n`,
    });
    const run = startVerify(['--database-url', url!, '--format', 'json', '--format', 'terminal=out.txt'], dir);
    const name = await run.started;
    sql(`CREATE ROLE ${concurrent}`);
    try {
      const { code, stdout, stderr } = await run.done;
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const report = JSON.parse(stdout);
      const messages = report.files.flatMap((f: { path: string; messages: Array<{ ruleId: string; line: number }> }) => f.messages.map((m) => `${f.path}:${m.line} ${m.ruleId}`));
      expect(messages).toEqual(['migrations/002_bigint.up.sql:1 verify/table-rewrite', 'migrations/003_index.up.sql:1 verify/statement-failed']);
      expect(report.notifications.map((n: { message: string }) => n.message)).toContain(`migrations: dropped the role the migrations created: ${reader}`);
      expect(sql(`select rolname from pg_roles where rolname in ('${concurrent}', '${reader}')`)).toEqual([concurrent]);
      expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain(`scratch database ${name} as its role ${name}`);
      expect(scratch().filter((n) => n === name)).toEqual([]);
    } finally {
      sql(`DROP ROLE IF EXISTS ${concurrent}`);
    }
  });

  it('a migration cannot write or read server files, or alter a role it did not create, even from a DO block; the URL\'s database is unchanged', async () => {
    const probe = `/tmp/migralint-verify-probe-${crypto.randomBytes(4).toString('hex')}`;
    const tag = crypto.randomBytes(3).toString('hex');
    const dir = makeProject({
      'migrations/001_tricks.up.sql': [
        'CREATE TABLE t (id int);',
        `DO $$ BEGIN EXECUTE 'COPY (SELECT 1) TO ''${probe}'''; END $$;`,
        `COPY t TO '${probe}-2';`,
        "SELECT pg_read_file('/etc/hostname');",
        "DO $$ BEGIN EXECUTE 'ALTER ROLE postgres CONNECTION LIMIT 7'; END $$;",
        `DO $$ BEGIN EXECUTE 'CREATE ROLE migralint_test_sneaky_${tag} SUPERUSER'; END $$;`,
        `CREATE ROLE migralint_test_escalate_${tag} SUPERUSER;`,
        `CREATE ROLE migralint_test_writer_${tag} IN ROLE pg_write_server_files;`,
        `GRANT pg_write_server_files TO migralint_test_reader_${tag};`,
        'CREATE SEQUENCE s;',
        "SELECT setval('s', 999999);",
        '',
      ].join('\n'),
    });
    const before = catalogDigest();
    const run = await runCli(['verify', '--database-url', url!, '--format', 'json', '--format', 'trace=trace.json'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    const messages = JSON.parse(run.stdout).files.flatMap((f: { messages: Array<{ ruleId: string; line: number; message: string }> }) => f.messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`));
    expect(messages).toEqual([
      expect.stringMatching(/^2 verify\/statement-failed .*must be superuser or have privileges of the pg_write_server_files role to COPY to a file/),
      '3 verify/not-run Not run by verify: COPY with a server-side file or program',
      expect.stringMatching(/^4 verify\/statement-failed .*permission denied for function pg_read_file/),
      expect.stringMatching(/^5 verify\/statement-failed .*must be superuser to alter superuser roles/),
      expect.stringMatching(/^6 verify\/statement-failed .*must be superuser to create superusers/),
      expect.stringMatching(/^7 verify\/not-run .*CREATE ROLE migralint_test_escalate_\w+ asks for SUPERUSER/),
      `8 verify/not-run Not run by verify: CREATE ROLE migralint_test_writer_${tag} makes it a member of a role this run did not create`,
      '9 verify/not-run Not run by verify: it grants or revokes membership in a role this run did not create',
    ]);
    // The server's view of its own file system (it may not be ours).
    expect(sql(`select coalesce(pg_stat_file('${probe}', true)::text, 'absent'), coalesce(pg_stat_file('${probe}-2', true)::text, 'absent')`)).toEqual(['absent|absent']);
    expect(catalogDigest()).toBe(before);
    expect(sql(`select rolname from pg_roles where rolname like '%\\_${tag}'`)).toEqual([]);
    expectGone(fs.readFileSync(path.join(dir, 'trace.json'), 'utf8'));
  });

  it('drops the scratch database after a failing run, and after Ctrl-C in the middle of a statement', async () => {
    const failing = makeProject({ 'migrations/001_bad.up.sql': 'CREATE TABLE a (id int);\nALTER TABLE missing ADD COLUMN x int;\n' });
    const failed = await runCli(['verify', '--database-url', url!], { cwd: failing, env });
    expect(failed.code).toBe(1);
    expectGone(failed.stdout);

    const interrupted = `migralint_test_interrupted_${crypto.randomBytes(3).toString('hex')}`;
    const slow = makeProject({ 'migrations/001_slow.up.sql': `CREATE ROLE ${interrupted};\nCREATE TABLE a (id int);\nSELECT pg_sleep(30);\n` });
    const run = startVerify(['--database-url', url!], slow);
    const name = await run.started;
    // Wait until the long statement runs, so the signal lands mid-statement.
    for (let i = 0; i < 200 && sql("select 1 from pg_stat_activity where query like 'SELECT pg_sleep(30)%'").length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toContain('migralint verify: interrupted; dropping the scratch database');
    expect(scratch().filter((n) => n === name)).toEqual([]);
    expect(sql(`select rolname from pg_roles where rolname = '${interrupted}'`)).toEqual([]);
  });

  it('runs the Supabase stubs as its own role: the platform roles it made are dropped; the password in the URL is never printed', async () => {
    const dir = makeProject({
      'supabase/migrations/20240101000000_profiles.sql':
        'CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users, name text);\nALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON public.profiles TO authenticated USING (auth.uid() = id);\nGRANT SELECT ON public.profiles TO anon;\n',
    });
    const hadAnon = sql("select 1 from pg_roles where rolname = 'anon'").length > 0;
    const parsed = new URL(url!);
    const password = decodeURIComponent(parsed.password);
    // The password moves to the query string, where node-postgres also reads it.
    parsed.password = '';
    parsed.searchParams.set('password', password);
    const run = await runCli(['verify', '--database-url', parsed.toString(), '--format', 'terminal', '--format', 'trace=trace.json'], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/at postgres:\/\/[^ ]*\?password=\*\*\* \(scratch database migralint_verify_\w+ as its role migralint_verify_\w+, dropped at the end\)/);
    if (password.length >= 3) expect(run.stdout).not.toContain(password);
    expect(sql("select 1 from pg_roles where rolname = 'anon'").length > 0).toBe(hadAnon);
    expectGone(run.stdout);
  });
});

// Issue #16, causes 1, 2 and 6 at the CLI: small projects of each runner shape, linted by the
// built binary. Each test states what the runner does and asserts what a user sees.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lintProjectJson, makeProject, runCli, type JsonFinding } from './run-cli.js';

beforeAll(assertBuilt);

type Finding = JsonFinding;

const lintJson = lintProjectJson;

const rules = (findings: Finding[]) => findings.map((f) => `${f.file} ${f.ruleId}`).sort();
const only = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule);

/** Statements that cannot run twice, a BEGIN … COMMIT block: what used to flood under "runner unknown". */
const SQLX_FILES = {
  'db/20240101120000_create_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE INDEX users_email ON users (email);\n',
  'db/20240102120000_add_name.sql': 'ALTER TABLE users ADD COLUMN name text;\nCREATE TABLE teams (id bigint PRIMARY KEY);\n',
};

describe('cause 1: a runner we do not recognise', () => {
  it('sqlx simple files with Cargo.toml: each file in a transaction, no robust-statement flood, nothing guessed', async () => {
    const { code, findings } = await lintJson({ ...SQLX_FILES, 'Cargo.toml': '[dependencies]\nsqlx = { version = "0.8", features = ["postgres"] }\n' });
    expect(code).toBe(0);
    expect(only(findings, 'design/prefer-robust-stmts')).toEqual([]);
    expect(only(findings, 'migrations/guessed-runner')).toEqual([]);
    expect(only(findings, 'migrations/unknown-layout')).toEqual([]);
  });

  it('the same files without a manifest: the same assumption, said once for the history', async () => {
    const { findings } = await lintJson(SQLX_FILES);
    expect(only(findings, 'design/prefer-robust-stmts')).toEqual([]);
    const guessed = only(findings, 'migrations/guessed-runner');
    expect(guessed.map((f) => `${f.file} ${f.severity} ${f.line}`)).toEqual(['db/20240101120000_create_users.sql info 1']);
    expect(guessed[0]!.message).toMatch(/guessed that an unknown runner applies "db".*each migration runs in its own transaction.*settings\.runner/);
  });

  it('a bare BEGIN in a sqlx file is not an uncommitted transaction: the runner commits the file', async () => {
    const { findings } = await lintJson({
      'db/20240101000000_a.sql': 'BEGIN;\nCREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (id bigint PRIMARY KEY);\n',
      'db/20240102000000_c.sql': 'CREATE TABLE c (id bigint PRIMARY KEY);\n',
      'Cargo.toml': '[dependencies]\nsqlx = "0.8"\n',
    });
    expect(only(findings, 'concurrently/no-uncommitted-transaction')).toEqual([]);
    expect(only(findings, 'design/prefer-robust-stmts')).toEqual([]);
    // What is true under sqlx: the BEGIN does nothing inside its transaction.
    expect(only(findings, 'concurrently/transaction-nesting').map((f) => `${f.file}:${f.line}`)).toEqual(['db/20240101000000_a.sql:1']);
  });

  it('postgres-migrations (package.json): numbered files, each in a transaction', async () => {
    const { findings } = await lintJson({
      'db/1_create-users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE INDEX users_id ON users (id);\n',
      'db/2_add-email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
      'package.json': '{ "dependencies": { "postgres-migrations": "5.3.0" } }',
    });
    expect(rules(findings)).toEqual([]);
  });

  it('Flyway-like V0001.Name.up.sql pairs of a project migrator: one history with downs, not an unknown layout', async () => {
    const { findings } = await lintJson({
      'db/V0001.Create_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE INDEX users_id2 ON users (id);\n',
      'db/V0001.Create_users.down.sql': 'DROP TABLE users;\n',
      'db/V0002.Add_email.up.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    });
    // The note sits on the history's first file; the migrator pairs V0001's down, so only V0002 lacks one.
    expect(rules(findings)).toEqual(['db/V0001.Create_users.down.sql migrations/guessed-runner', 'db/V0002.Add_email.up.sql rollback/missing-down']);
  });

  it('versioned schema folders: one history and one note, not one unknown layout per version folder', async () => {
    const files: Record<string, string> = {};
    for (const v of ['v1.0', 'v1.1', 'v1.2', 'v1.10']) files[`schema/versioned/${v}/001_step.sql`] = `CREATE TABLE t_${v.replace('.', '_')} (id bigint PRIMARY KEY);\n`;
    const { findings } = await lintJson(files, ['schema']);
    expect(rules(findings)).toEqual(['schema/versioned/v1.0/001_step.sql migrations/guessed-runner']);
  });

  it('a state-it config silences the note and changes the transaction mode (psql: statement by statement)', async () => {
    const { findings } = await lintJson({ ...SQLX_FILES, 'migralint.config.json': JSON.stringify({ extends: ['recommended'], settings: { runner: 'psql' } }) });
    expect(only(findings, 'migrations/guessed-runner')).toEqual([]);
    expect(only(findings, 'design/prefer-robust-stmts').length).toBeGreaterThan(0);
  });
});

describe('cause 2: one odd file does not flip a history', () => {
  it('a lone *.postgres.up.sql among golang-migrate files does not make it Ory popx ("no down" errors)', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 8; i++) files[`db/${String(i).padStart(4, '0')}_step_${i}.up.sql`] = `CREATE TABLE t${i} (id bigint PRIMARY KEY);\n`;
    files['db/0009_extra.postgres.up.sql'] = 'CREATE TABLE t9 (id bigint PRIMARY KEY);\n';
    const { findings } = await lintJson(files);
    expect(findings.filter((f) => /popx/.test(f.message))).toEqual([]);
    expect(only(findings, 'migrations/invalid-migration')).toEqual([]);
  });

  it('a lone *.postgres.up.sql among numbered Go-template .sql files does not turn the folder into golang-migrate or popx', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 10; i++) files[`db/${String(i).padStart(3, '0')}_step.sql`] = `CREATE TABLE {{ .Schema }}.t${i} (id bigint PRIMARY KEY);\n`;
    files['db/011_extra.postgres.up.sql'] = 'CREATE TABLE t11 (id bigint PRIMARY KEY);\n';
    const { findings } = await lintJson(files);
    expect(only(findings, 'migrations/skipped-file')).toEqual([]);
    expect(only(findings, 'rollback/missing-down')).toEqual([]);
    expect(only(findings, 'migrations/mixed-layout').map((f) => f.file)).toEqual(['db/011_extra.postgres.up.sql']);
  });
});

describe('cause 6: small items', () => {
  it("harness' migrator (maragudk/migrate) accepts shared number prefixes and `_up.sql` names: no duplicate or skipped findings", async () => {
    const { findings } = await lintJson({
      'db/0001_create_table_a.up.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n',
      'db/0001_create_table_b.up.sql': 'CREATE TABLE b (id bigint PRIMARY KEY);\n',
      'db/0002_create_table_c.up.sql': 'CREATE TABLE c (id bigint PRIMARY KEY);\n',
      'db/0002_create_table_d.up.sql': 'CREATE TABLE d (id bigint PRIMARY KEY);\n',
      'db/0003_alter_a_up.sql': 'ALTER TABLE a ADD COLUMN x text;\n',
      'db/0003_alter_a_down.sql': 'ALTER TABLE a DROP COLUMN x;\n',
      'go.mod': 'module example.com/x\n\nrequire github.com/maragudk/migrate v0.4.3\n',
    });
    expect(rules(findings).filter((r) => r.includes('migrations/'))).toEqual([]);
  });

  it('golang-migrate with one shared version still hears that golang-migrate refuses it', async () => {
    const { findings } = await lintJson({ 'db/0001_a.up.sql': 'SELECT 1;\n', 'db/0001_b.up.sql': 'SELECT 1;\n', 'db/0002_c.up.sql': 'SELECT 1;\n' });
    expect(only(findings, 'migrations/duplicate-version').map((f) => f.file)).toEqual(['db/0001_b.up.sql']);
  });

  it('Supabase: 20260312_AddThings.sql beside 20260312090000_add_users.sql is reported by the order check', async () => {
    const { findings } = await lintJson(
      {
        'supabase/migrations/20260312090000_add_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        'supabase/migrations/20260312_AddThings.sql': 'CREATE TABLE things (id bigint PRIMARY KEY);\n',
      },
      ['supabase/migrations'],
    );
    const order = only(findings, 'migrations/version-order');
    expect(order.map((f) => f.file)).toEqual(['supabase/migrations/20260312_AddThings.sql']);
    expect(order[0]!.message).toMatch(/runs after "supabase\/migrations\/20260312090000_add_users\.sql".*full `YYYYMMDDHHMMSS` timestamp/);
  });

  it('Flyway refuses a script mixing CREATE INDEX CONCURRENTLY with other statements unless mixed is set', async () => {
    const files = {
      'db/migration/V1__users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
      'db/migration/V2__email.sql': 'ALTER TABLE users ADD COLUMN name text;\nCREATE INDEX CONCURRENTLY users_email ON users (email);\n',
    };
    const refused = await lintJson(files, ['db/migration']);
    const mixed = only(refused.findings, 'migrations/invalid-migration');
    expect(mixed.map((f) => `${f.file}:${f.line} ${f.severity}`)).toEqual(['db/migration/V2__email.sql:2 error']);
    expect(mixed[0]!.message).toMatch(/Flyway refuses this script.*mixed=true/);
    expect(refused.code).toBe(1);
    const allowed = await lintJson({ ...files, 'flyway.conf': 'flyway.mixed=true\n' }, ['db/migration']);
    expect(only(allowed.findings, 'migrations/invalid-migration')).toEqual([]);
  });
});

describe('--print-config shows the runner each history got', () => {
  it('guessed, with the evidence and the transaction mode; stated through settings.runner', async () => {
    const dir = makeProject(SQLX_FILES);
    const guessed = JSON.parse((await runCli(['--print-config', 'db/20240102120000_add_name.sql'], { cwd: dir })).stdout);
    expect(guessed.history).toMatchObject({ dir: 'db', layout: 'plain', runner: 'unknown', guessed: true, transaction: 'per-migration' });
    expect(guessed.history.evidence[0]).toMatch(/numbered/);
    const stated = makeProject({ ...SQLX_FILES, 'migralint.config.json': JSON.stringify({ overrides: [{ files: ['db/**'], settings: { runner: 'sqlx' } }] }) });
    const run = await runCli(['--print-config', 'db/20240102120000_add_name.sql'], { cwd: stated });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).history).toEqual({ dir: 'db', layout: 'plain', runner: 'sqlx', guessed: false, evidence: ['`settings.runner` says so'], transaction: 'per-migration' });
  });
});

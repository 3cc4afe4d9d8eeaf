// verify on a real PGlite: each history runs in a fresh in-memory database started from the cached
// empty one. What Postgres says is asserted through the findings the reporters get.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgliteCacheFile, verifyProject } from '../src/index.js';
import { findings, fixtureFiles, FIXTURES, messagesOf, TEST_CACHE_DIR, verifyFiles } from './helpers.js';
import { allBuiltinPlugins } from '../../cli/src/rule-packs.js';

const builtinPlugins = await allBuiltinPlugins();

describe('verify on PGlite', () => {
  it('passes a correct up/down pair, and caches the empty database for the next run', async () => {
    const outcome = await verifyFiles({
      'db/migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\nCREATE INDEX users_email_idx ON users (email);\n',
      'db/migrations/001_users.down.sql': 'DROP TABLE users;\n',
      'db/migrations/002_profiles.up.sql':
        'CREATE TABLE profiles (user_id bigint REFERENCES users, bio text);\nALTER TABLE profiles ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON profiles USING (true);\n',
      'db/migrations/002_profiles.down.sql': 'DROP TABLE profiles;\n',
    });
    expect(findings(outcome)).toEqual([]);
    expect(outcome.result.errorCount).toBe(0);
    const [set] = outcome.report.sets;
    expect(set!.layout).toBe('golang-migrate');
    expect(set!.database).toMatch(/^PGlite 0\.5\.16 \(PostgreSQL 18\./);
    expect(set!.migrations.map((m) => m.roundTrip)).toEqual(['restored', 'restored']);
    expect(set!.migrations.every((m) => m.upMs > 0 && m.downMs !== undefined && m.upAgainMs !== undefined)).toBe(true);
    expect(fs.existsSync(pgliteCacheFile(TEST_CACHE_DIR))).toBe(true);
  });

  it('reports a down that forgets a column, with the schema difference', async () => {
    const outcome = await verifyFiles({
      'migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
      'migrations/001_users.down.sql': 'DROP TABLE users;\n',
      'migrations/002_contact.up.sql': 'ALTER TABLE users ADD COLUMN nickname text NOT NULL DEFAULT \'\';\nALTER TABLE users ADD COLUMN phone text;\nCREATE INDEX users_phone_idx ON users (phone);\n',
      'migrations/002_contact.down.sql': 'DROP INDEX users_phone_idx;\nALTER TABLE users DROP COLUMN phone;\n',
    });
    const [down] = messagesOf(outcome, 'verify/down-not-restoring');
    expect(down).toMatchObject({ path: 'migrations/002_contact.down.sql', line: 1, column: 1, severity: 'error' });
    expect(down!.message).toBe('Running the up and then this down does not restore the schema: column public.users.nickname left behind');
    expect(down!.note).toContain("+ column public.users.nickname (text not null default ''::text): left behind by the down");
    const migration = outcome.report.sets[0]!.migrations[1]!;
    expect(migration.roundTrip).toBe('not-restored');
    expect(migration.differences).toEqual([{ change: 'extra', kind: 'column', name: 'public.users.nickname', after: "text not null default ''::text" }]);
    // Explained by the difference, the second up's failure is not reported again.
    expect(messagesOf(outcome, 'verify/up-not-rerunnable')).toEqual([]);
  });

  it('reports a failing statement at its line, pointing at the token Postgres names', async () => {
    const outcome = await verifyFiles({
      'migrations/001_init.up.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n\n-- the typo\nCREATE VIEW account_owners AS\n  SELECT id, owner_id FROM accounts;\nCREATE INDEX accounts_owner_idx ON accounts (owner_id);\n',
    });
    const [failed, index] = messagesOf(outcome, 'verify/statement-failed');
    expect(failed).toMatchObject({ path: 'migrations/001_init.up.sql', line: 5, column: 14, endLine: 5, endColumn: 22, severity: 'error' });
    expect(failed!.message).toBe('PostgreSQL rejects this statement: column "owner_id" does not exist (SQLSTATE 42703)');
    expect(outcome.report.sets[0]!.statements.find((s) => s.outcome === 'failed')).toMatchObject({ line: 4, column: 1, error: { code: '42703', position: 44 } });
    // Without a position from Postgres, the finding spans the statement.
    expect(index).toMatchObject({ line: 6, column: 1, endLine: 6, endColumn: 55 });
  });

  it('counts Postgres positions in characters: an emoji before the error is two UTF-16 units', async () => {
    const outcome = await verifyFiles({ 'migrations/001_x.up.sql': "SELECT '😀 é' AS greeting, nope FROM (SELECT 1) AS t;\n" });
    const [failed] = messagesOf(outcome, 'verify/statement-failed');
    // `nope` is the 28th UTF-16 unit of the line (the emoji takes two), the 27th character.
    expect(failed).toMatchObject({ line: 1, column: 28, endColumn: 32 });
  });

  it('fails CREATE INDEX CONCURRENTLY inside a transactional part, as the runner would make it fail', async () => {
    const outcome = await verifyFiles({
      'migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
      // golang-migrate sends the file as one query: two statements make one implicit transaction.
      'migrations/002_index.up.sql': 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nCOMMENT ON TABLE users IS \'people\';\n',
      // Alone in its file, the same statement runs outside any transaction and succeeds.
      'migrations/003_index.up.sql': 'CREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);\n',
    });
    expect(findings(outcome).filter((f) => !f.includes('access-exclusive'))).toEqual(['migrations/002_index.up.sql:1:1 verify/statement-failed']);
    const [failed] = messagesOf(outcome, 'verify/statement-failed');
    expect(failed!.message).toBe('PostgreSQL rejects this statement: CREATE INDEX CONCURRENTLY cannot run inside a transaction block (SQLSTATE 25001)');
    expect(failed!.note).toContain('one implicit transaction');
    const third = outcome.report.sets[0]!.statements.find((s) => s.file === 'migrations/003_index.up.sql');
    expect(third).toMatchObject({ outcome: 'ok', inTransaction: false });
  });

  it('runs dbmate sections with their transaction modes, and round-trips the down section', async () => {
    const outcome = await verifyFiles({
      'db/migrations/20240101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n\n-- migrate:down\nDROP TABLE users;\n',
      // transaction:false with one statement: one query, outside any block.
      'db/migrations/20240102000000_index.sql': '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n\n-- migrate:down\nDROP INDEX users_email_idx;\n',
      // transaction:false with two: one multi-statement query, which Postgres runs as one implicit block.
      'db/migrations/20240103000000_more.sql': '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_id_email_idx ON users (id, email);\nCOMMENT ON TABLE users IS \'x\';\n\n-- migrate:down\nCOMMENT ON TABLE users IS NULL;\n',
    });
    expect(findings(outcome).filter((f) => !f.includes('access-exclusive'))).toEqual(['db/migrations/20240103000000_more.sql:2:1 verify/statement-failed']);
    expect(outcome.report.sets[0]!.layout).toBe('dbmate');
    expect(outcome.report.sets[0]!.migrations.map((m) => m.roundTrip)).toEqual(['restored', 'restored', 'not-checked']);
  });

  it('honours the file\'s own BEGIN/COMMIT in a part that runs statement by statement (goose NO TRANSACTION)', async () => {
    const outcome = await verifyFiles({
      'migrations/00001_users.sql': '-- +goose Up\nCREATE TABLE users (id bigint PRIMARY KEY, email text);\n-- +goose Down\nDROP TABLE users;\n',
      'migrations/00002_index.sql':
        '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);\nBEGIN;\nCREATE INDEX CONCURRENTLY users_id_idx ON users (id);\nCOMMIT;\n-- +goose Down\nDROP INDEX users_email_idx;\n',
    });
    expect(findings(outcome)).toEqual(['migrations/00002_index.sql:5:1 verify/statement-failed']);
    const statements = outcome.report.sets[0]!.statements.filter((s) => s.file === 'migrations/00002_index.sql');
    expect(statements.map((s) => `${s.line} ${s.outcome} ${s.inTransaction}`)).toEqual(['3 ok false', '4 ok false', '5 failed true', '6 ok true']);
  });

  it('traces the rewrite of ALTER TABLE … ALTER COLUMN … TYPE, and its ACCESS EXCLUSIVE lock', async () => {
    const outcome = await verifyFiles({
      'migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100), age int);\nCREATE INDEX users_email_idx ON users (email);\n',
      'migrations/002_types.up.sql': 'ALTER TABLE users ALTER COLUMN email TYPE text;\nALTER TABLE users ALTER COLUMN age TYPE bigint;\n',
    });
    const statements = outcome.report.sets[0]!.statements.filter((s) => s.file === 'migrations/002_types.up.sql');
    // varchar → text is binary compatible: no new data file, the index kept its data too.
    expect(statements[0]).toMatchObject({ line: 1, outcome: 'ok', inTransaction: true });
    expect(statements[0]!.rewrites).toBeUndefined();
    expect(statements[0]!.locks).toContainEqual({ relation: 'public.users', kind: 'table', mode: 'ACCESS EXCLUSIVE' });
    // int → bigint copies every row and rebuilds every index.
    expect(statements[1]!.rewrites).toEqual(
      expect.arrayContaining([
        { relation: 'public.users', kind: 'table' },
        { relation: 'public.users_pkey', kind: 'index', table: 'public.users' },
      ]),
    );
    const [rewrite] = messagesOf(outcome, 'verify/table-rewrite');
    expect(rewrite).toMatchObject({ path: 'migrations/002_types.up.sql', line: 2, severity: 'error' });
    expect(rewrite!.message).toContain('rewrites table public.users (and its 2 indexes) under an ACCESS EXCLUSIVE lock');
    expect(rewrite!.note).toContain('Predicted by the static rule destructive/no-column-type-change.');
    // The instant type change holds its lock while the rewrite runs, in the same transaction.
    const [lock] = messagesOf(outcome, 'verify/access-exclusive-lock');
    expect(lock).toMatchObject({ line: 1, severity: 'warning' });
    expect(lock!.message).toBe('This statement locks table public.users ACCESS EXCLUSIVE and the lock is held while ALTER TABLE at line 2 runs in the same transaction: no query can read or write it meanwhile');
    expect(outcome.report.sets[0]!.crossChecks).toEqual([{ file: 'migrations/002_types.up.sql', line: 2, observed: expect.arrayContaining(['public.users']), predictedBy: ['destructive/no-column-type-change'], verdict: 'agree' }]);
  });

  it('notes a rewrite no static rule predicted', async () => {
    const outcome = await verifyFiles({
      'migrations/001_t.up.sql': 'CREATE TABLE t (id int);\n',
      'migrations/002_t.up.sql': 'ALTER TABLE t SET UNLOGGED;\n',
    });
    const [rewrite] = messagesOf(outcome, 'verify/table-rewrite');
    expect(rewrite!.note).toContain('No static rule predicted this rewrite');
    expect(outcome.report.sets[0]!.crossChecks[0]!.verdict).toBe('missed-by-static-rules');
  });

  it('reports an up that fails when run again after a down that restored the schema', async () => {
    const outcome = await verifyFiles({
      'migrations/001_settings.up.sql': 'CREATE TABLE settings (key text PRIMARY KEY, value text);\n',
      'migrations/001_settings.down.sql': 'DROP TABLE settings;\n',
      'migrations/002_seed.up.sql': "INSERT INTO settings VALUES ('theme', 'dark');\n",
      'migrations/002_seed.down.sql': "SELECT 'nothing to undo';\n",
    });
    const [again] = messagesOf(outcome, 'verify/up-not-rerunnable');
    expect(again).toMatchObject({ path: 'migrations/002_seed.up.sql', line: 1, severity: 'error' });
    expect(again!.message).toMatch(/^This up fails when applied again after its down: duplicate key value violates unique constraint "settings_pkey" \(SQLSTATE 23505\)/);
    expect(outcome.report.sets[0]!.migrations[1]!.roundTrip).toBe('not-rerunnable');
  });

  it('names an extension PGlite lacks and has no stand-in for, suggests --database-url, and goes on', async () => {
    const outcome = await verifyFiles({
      'migrations/001_ext.up.sql': 'CREATE EXTENSION IF NOT EXISTS postgis;\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE TABLE places (id int, location geometry(Point, 4326), name text);\nCREATE INDEX places_name_trgm ON places USING gin (name gin_trgm_ops);\nCREATE INDEX places_location ON places USING gist (location);\n',
      'migrations/002_next.up.sql': 'CREATE TABLE tags (id int);\nALTER TABLE missing ADD COLUMN x int;\nDO $$ BEGIN PERFORM ST_MakePoint(1, 2); END $$;\n',
    });
    expect(findings(outcome)).toEqual([
      'migrations/001_ext.up.sql:1:1 verify/extension-unavailable',
      'migrations/001_ext.up.sql:3:39 verify/dependent-failure',
      'migrations/001_ext.up.sql:4:1 verify/dependent-failure',
      'migrations/001_ext.up.sql:5:1 verify/dependent-failure',
      'migrations/002_next.up.sql:2:1 verify/statement-failed',
      'migrations/002_next.up.sql:3:1 verify/dependent-failure',
    ]);
    const [ext] = messagesOf(outcome, 'verify/extension-unavailable');
    expect(ext!.message).toContain('Extension "postgis" is not available in PGlite 0.5.16');
    expect(ext!.message).toContain('--database-url');
    const [dependent] = messagesOf(outcome, 'verify/dependent-failure');
    expect(dependent!.message).toContain('a consequence of the missing extension "postgis" (migrations/001_ext.up.sql:1)');
    // The table is missing, from outside the history: one root, with how to provide it.
    const [missing] = messagesOf(outcome, 'verify/statement-failed');
    expect(missing!.message).toBe('PostgreSQL rejects this statement: relation "missing" does not exist (SQLSTATE 42P01)');
    expect(missing!.note).toContain('Nothing in the history creates it');
  });

  it('gives a history that expects a schema from outside one root-cause error with the --setup hint, the rest dependents (hasura-auth-like)', async () => {
    const outcome = await verifyProject({ files: fixtureFiles('hasura-auth-like/migrations'), config: { plugins: [...builtinPlugins] }, cacheDir: TEST_CACHE_DIR, cwd: FIXTURES });
    const failed = messagesOf(outcome, 'verify/statement-failed');
    expect(failed.map((m) => `${m.path}:${m.line}`)).toEqual(['hasura-auth-like/migrations/00001_create-initial-tables.up.sql:2']);
    expect(failed[0]!.message).toBe('PostgreSQL rejects this statement: schema "auth" does not exist (SQLSTATE 3F000)');
    expect(failed[0]!.note).toContain('`migralint verify --setup FILE`');
    const dependents = messagesOf(outcome, 'verify/dependent-failure');
    expect(dependents.length).toBe(10);
    expect(new Set(dependents.map((m) => m.message.replace(/^.*a consequence of /, '')))).toEqual(
      new Set(['the missing schema auth (first at hasura-auth-like/migrations/00001_create-initial-tables.up.sql:2)']),
    );
    // With the schema given by a setup script, the history verifies.
    const fixed = await verifyProject({
      files: fixtureFiles('hasura-auth-like/migrations'),
      config: { plugins: [...builtinPlugins] },
      cacheDir: TEST_CACHE_DIR,
      cwd: FIXTURES,
      setup: [{ name: 'auth-schema.sql', sql: fs.readFileSync(path.join(FIXTURES, 'hasura-auth-like/auth-schema.sql'), 'utf8') }],
    });
    expect(fixed.result.files.flatMap((f) => f.messages).filter((m) => m.severity !== 'info' && !m.ruleId.endsWith('lock') && !m.ruleId.endsWith('scan'))).toEqual([]);
  });

  it('verifies a Supabase AI history on stand-ins: vector(1536), ivfflat and hnsw indexes, <-> in functions, pgmq, pg_net, pg_cron', async () => {
    const outcome = await verifyProject({ files: fixtureFiles('supabase-ai/supabase/migrations'), config: { plugins: [...builtinPlugins] }, cacheDir: TEST_CACHE_DIR, cwd: FIXTURES });
    expect(findings(outcome).map((f) => f.replace(/^supabase-ai\/supabase\/migrations\//, ''))).toEqual([
      '20240101000000_documents.sql:1:1 verify/extension-stand-in',
      '20240102000000_match_documents.sql:1:1 verify/blocking-scan',
      '20240103000000_queues.sql:1:1 verify/extension-stand-in',
      '20240103000000_queues.sql:2:1 verify/extension-stand-in',
      '20240103000000_queues.sql:3:1 verify/extension-stand-in',
    ]);
    const [vector] = messagesOf(outcome, 'verify/extension-stand-in');
    expect(vector!.message).toMatch(/^Extension "vector" is not in PGlite [\d.]+ \(PostgreSQL [\d.]+\): verify created a stand-in with the vector and halfvec types/);
    expect(vector!.severity).toBe('info');
    const statements = outcome.report.sets[0]!.statements;
    expect(statements.filter((s) => s.outcome !== 'ok')).toEqual([]);
    // The seed's 1536-dimension row went in, and match_documents ran <-> on it.
    expect(statements.filter((s) => s.file.endsWith('20240104000000_seed.sql')).map((s) => s.outcome)).toEqual(['ok', 'ok', 'ok']);
  });

  it('checks pgvector\'s index options and vector dimensions on the stand-in', async () => {
    const outcome = await verifyFiles({
      'migrations/001_v.up.sql': [
        'CREATE EXTENSION vector;',
        'CREATE TABLE items (id int, embedding vector(3));',
        'CREATE INDEX items_ivf ON items USING ivfflat (embedding vector_l2_ops) WITH (lists = 0);',
        'CREATE INDEX items_hnsw ON items USING hnsw (embedding vector_ip_ops) WITH (probes = 3);',
        "INSERT INTO items VALUES (1, '[1,2]');",
        "SELECT embedding <=> '[1,2,3]' FROM items;",
        '',
      ].join('\n'),
    });
    const failed = messagesOf(outcome, 'verify/statement-failed').map((m) => `${m.line} ${m.message}`);
    expect(failed).toEqual([
      '3 PostgreSQL rejects this statement: value 0 out of bounds for option "lists" (SQLSTATE 22023)',
      '4 PostgreSQL rejects this statement: unrecognized parameter "probes" (SQLSTATE 22023)',
      '5 PostgreSQL rejects this statement: expected 3 dimensions, not 2 (SQLSTATE 22000)',
    ]);
  });

  it('reports locks that last: a scan under ACCESS EXCLUSIVE, a lock held through more work, a scan that blocks writes; not an instant catalog change', async () => {
    const outcome = await verifyFiles({
      'migrations/001_t.up.sql': 'CREATE TABLE t (id int, name text, parent int);\nCREATE TABLE p (id int PRIMARY KEY);\n',
      'migrations/002_instant.up.sql': 'ALTER TABLE t ADD COLUMN note text;\nCOMMENT ON TABLE t IS NULL;\nALTER TABLE t RENAME COLUMN note TO remark;\nALTER TABLE t ADD CONSTRAINT t_id_check CHECK (id > 0) NOT VALID;\n',
      'migrations/003_scan.up.sql': 'ALTER TABLE t ALTER COLUMN name SET NOT NULL;\n',
      'migrations/004_held.up.sql': 'ALTER TABLE t ADD COLUMN flag boolean;\nUPDATE t SET flag = true;\n',
      'migrations/005_index.up.sql': 'CREATE INDEX t_name_idx ON t (name);\n',
      'migrations/006_fk.up.sql': 'ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent) REFERENCES p (id);\n',
    });
    expect(findings(outcome).filter((f) => !f.includes('down'))).toEqual([
      'migrations/003_scan.up.sql:1:1 verify/access-exclusive-lock',
      'migrations/004_held.up.sql:1:1 verify/access-exclusive-lock',
      'migrations/005_index.up.sql:1:1 verify/blocking-scan',
      'migrations/006_fk.up.sql:1:1 verify/blocking-scan',
    ]);
    const [scan, held] = messagesOf(outcome, 'verify/access-exclusive-lock');
    expect(scan!.message).toBe('This statement reads every row of table public.t under an ACCESS EXCLUSIVE lock: no query can read or write it until the scan ends');
    expect(scan!.note).toContain('The static rule locking/set-not-null reports this statement too.');
    expect(held!.message).toContain('the lock is held while UPDATE at line 2 runs in the same transaction');
    const [index] = messagesOf(outcome, 'verify/blocking-scan');
    expect(index!.message).toBe('This statement reads every row of table public.t while holding a SHARE lock: every write to it waits until the scan ends');
    expect(index!.note).toContain('concurrently/require-concurrent-index-creation');
  });

  it('runs the Supabase stubs first for a Supabase project', async () => {
    const outcome = await verifyFiles({
      'supabase/migrations/20240101000000_profiles.sql': [
        'CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE, name text, key uuid DEFAULT extensions.uuid_generate_v4());',
        'ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;',
        'CREATE POLICY "own profile" ON public.profiles FOR ALL TO authenticated USING ((SELECT auth.uid()) = id);',
        'GRANT SELECT ON public.profiles TO anon, service_role;',
        "INSERT INTO storage.buckets (id, name) VALUES ('avatars', 'avatars');",
        '',
      ].join('\n'),
    });
    expect(findings(outcome)).toEqual([]);
    expect(outcome.report.sets[0]!.setup).toEqual(['supabase']);
  });

  it('takes its severities and directives from the config and the files', async () => {
    const outcome = await verifyFiles(
      {
        'migrations/001_t.up.sql': 'CREATE TABLE t (id int, v int);\n',
        'migrations/002_t.up.sql': '-- migralint-disable-next-statement verify/table-rewrite -- t has ten rows, ticket OPS-1\nALTER TABLE t ALTER COLUMN v TYPE bigint;\nALTER TABLE t ADD COLUMN w int;\n',
      },
      { config: { rules: { 'verify/access-exclusive-lock': 'off' } } },
    );
    expect(findings(outcome)).toEqual([]);
    const [suppressed] = messagesOf(outcome, 'verify/table-rewrite');
    expect(suppressed!.suppressed).toMatchObject({ kind: 'directive', reason: 't has ten rows, ticket OPS-1' });
  });

  it('creates the runner\'s bookkeeping table first, as the runner does', async () => {
    const outcome = await verifyFiles({
      'migrations/001_grants.up.sql': 'CREATE ROLE reader;\nGRANT SELECT ON schema_migrations TO reader;\n',
      'migrations/001_grants.down.sql': 'REVOKE SELECT ON schema_migrations FROM reader;\nDROP ROLE reader;\n',
    });
    expect(findings(outcome)).toEqual([]);
    expect(outcome.report.sets[0]!.setup).toEqual([]);
  });

  it('caches the database after the setup scripts: the next run with the same setup starts from it; a failed setup is not cached', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-template-'));
    fs.copyFileSync(pgliteCacheFile(TEST_CACHE_DIR), pgliteCacheFile(cacheDir));
    const files = { 'migrations/001_a.up.sql': 'CREATE TABLE app.a (id int);\n' };
    const setup = [{ name: 'app.sql', sql: "CREATE SCHEMA app; SET search_path = app, public;" }];
    const first = await verifyFiles(files, { setup, cacheDir });
    const templates = fs.readdirSync(cacheDir).filter((f) => f.includes('-setup-'));
    expect(templates.sort()).toEqual([expect.stringMatching(/-setup-\w+\.tgz$/), expect.stringMatching(/-setup-\w+\.tgz\.json$/)]);
    const second = await verifyFiles(files, { setup, cacheDir });
    expect(first.report.sets[0]!.setupCached).toBeUndefined();
    expect(second.report.sets[0]!.setupCached).toBe(true);
    expect(findings(second)).toEqual(findings(first));
    expect(findings(second)).toEqual([]);
    // The SET of the setup is still where every part starts (kept beside the template).
    expect(JSON.parse(fs.readFileSync(path.join(cacheDir, templates.find((f) => f.endsWith('.json'))!), 'utf8')).value).toContainEqual({ name: 'search_path', setting: 'app, public' });
    const broken = await verifyFiles(files, { setup: [{ name: 'broken.sql', sql: 'CREATE SCHEMA app; SELEC 1;' }], cacheDir });
    expect(broken.result.notifications.map((n) => n.message)).toContainEqual(expect.stringMatching(/^setup script broken\.sql failed/));
    expect(fs.readdirSync(cacheDir).filter((f) => f.includes('-setup-')).length).toBe(2);
  });

  it('does not send COPY to or from a server file or program (PGlite has no server files); the statements after it run', async () => {
    const outcome = await verifyFiles({
      'migrations/001_a.up.sql': "CREATE TABLE t (id int);\nCOPY t TO PROGRAM 'cat > /tmp/x';\nCOPY t TO '/tmp/migralint-copy-probe';\nCREATE TABLE u (id int);\n",
    });
    expect(findings(outcome)).toEqual(['migrations/001_a.up.sql:2:1 verify/not-run', 'migrations/001_a.up.sql:3:1 verify/not-run']);
    expect(outcome.report.sets[0]!.statements.map((s) => s.outcome)).toEqual(['ok', 'skipped', 'skipped', 'ok']);
  });

  it('runs setup scripts given as SQL, and reports one that fails as a run problem', async () => {
    const outcome = await verifyFiles(
      { 'migrations/001_t.up.sql': 'INSERT INTO platform.accounts VALUES (1);\n' },
      { setup: [{ name: 'platform.sql', sql: 'CREATE SCHEMA platform;\nCREATE TABLE platform.accounts (id int);\n' }, { name: 'broken.sql', sql: 'SELECT 1;\nSELECT * FROM nowhere;\n' }] },
    );
    expect(findings(outcome)).toEqual([]);
    expect(outcome.result.failed).toBe(true);
    expect(outcome.result.notifications).toContainEqual({ level: 'error', message: 'setup script broken.sql failed at line 2: relation "nowhere" does not exist; the history ran without it' });
  });

  it('reports only the named files while running the whole history', async () => {
    const outcome = await verifyFiles(
      {
        'migrations/001_a.up.sql': 'CREATE TABLE a (id int);\nSELECT * FROM nope;\n',
        'migrations/002_b.up.sql': 'ALTER TABLE a ALTER COLUMN id TYPE bigint;\n',
      },
      { reportPaths: ['migrations/002_b.up.sql'] },
    );
    expect(findings(outcome)).toEqual(['migrations/002_b.up.sql:1:1 verify/table-rewrite']);
  });
});

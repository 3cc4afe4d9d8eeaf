// The runner decision: the setting, then manifests, then markers only one runner writes, then a
// guess from the whole folder, said once per history. No single odd file decides.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ancestorDirs } from '../../src/layouts/migration-directory.js';
import { runnerOf } from '../../src/layouts/runner-set.js';
import { RUNNER_NAMES } from '../../src/layouts/runners.js';
import { analyze, model, outline, project, type Project } from './layout-helpers.js';

const runner = (a: ReturnType<typeof analyze>, i = 0) => runnerOf(a.sets[i]!);
const guessed = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.ruleId === 'migrations/guessed-runner');
const withAux = (p: Project, aux: Record<string, string>): Project => ({ files: p.files, aux: new Map([...p.aux, ...Object.entries(aux)]) });

describe('runner decision', () => {
  it('guesses an unknown runner for numbered files, once per history, and runs each file in a transaction', async () => {
    const p = await project({ 'db/1_a.sql': 'CREATE TABLE a (id int);', 'db/2_b.sql': 'CREATE INDEX i ON a (id);', 'other/1_x.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(runner(a)).toMatchObject({ name: 'unknown', guessed: true, transaction: 'per-migration' });
    expect(guessed(a).map((f) => f.file)).toEqual(['db/1_a.sql', 'other/1_x.sql']);
    expect(guessed(a)[0]!.descriptor.data).toMatchObject({ dir: 'db', runner: 'an unknown runner', transaction: 'each migration runs in its own transaction' });
    expect(String(guessed(a)[0]!.descriptor.data!.evidence)).toMatch(/sqlx and postgres-migrations/);
    expect(a.sets[0]!.migrations[1]!.up[0]!.transaction).toBe('transaction');
  });

  it('takes the runner from the nearest manifest that names one of the layout, and then says nothing', async () => {
    const p = await project({ 'crates/store/migrations/20240101000000_a.sql': 'SELECT 1;', 'web/migrations/1_a.sql': 'SELECT 1;' });
    const a = analyze(withAux(p, { 'crates/store/Cargo.toml': '[dependencies]\nsqlx = { version = "0.8" }\n', 'web/package.json': '{"dependencies":{"postgres-migrations":"5.3.0"}}' }));
    expect(a.sets.map((s) => `${s.dir} ${runnerOf(s)!.name} ${runnerOf(s)!.guessed}`)).toEqual(['crates/store/migrations sqlx false', 'web/migrations postgres-migrations false']);
    expect(runner(a)!.evidence).toEqual(['crates/store/Cargo.toml names sqlx']);
    expect(guessed(a)).toEqual([]);
  });

  it('states the runner through settings.runner, which also implies its layout', async () => {
    const p = await project({ 'db/1_a.sql': 'CREATE TABLE a (id int);\nCREATE INDEX i ON a (id);' });
    const a = analyze(p, { runner: 'psql' });
    expect(runner(a)).toMatchObject({ name: 'psql', guessed: false, transaction: 'per-statement' });
    expect(a.sets[0]!.migrations[0]!.up[0]!.transaction).toBe('none');
    expect(guessed(a)).toEqual([]);
    const forced = analyze(await project({ 'db/1_a.up.sql': 'SELECT 1;' }), { runner: 'ory-popx' });
    expect(`${forced.sets[0]!.layout} ${runner(forced)!.name}`).toBe('golang-migrate ory-popx');
    // A runner that does not read the detected layout imposes its own: psql runs a Supabase folder's files as plain files.
    const psqlSupabase = analyze(await project({ 'supabase/migrations/20240101000000_a.sql': 'CREATE TABLE a (id int);\nCREATE INDEX i ON a (id);' }), { runner: 'psql' });
    expect(`${psqlSupabase.sets[0]!.layout} ${runner(psqlSupabase)!.name} ${psqlSupabase.sets[0]!.migrations[0]!.up[0]!.transaction}`).toBe('plain psql none');
  });

  it('does not let one *.postgres.up.sql file turn a golang-migrate folder into Ory popx', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 12; i++) {
      files[`m/${String(i).padStart(3, '0')}_step.up.sql`] = 'SELECT 1;';
      files[`m/${String(i).padStart(3, '0')}_step.down.sql`] = 'SELECT 1;';
    }
    files['m/013_extra.postgres.up.sql'] = 'SELECT 1;';
    const a = analyze(await project(files));
    expect(runner(a)!.name).toBe('golang-migrate');
    // No "popx refuses an up without a down" for the twelve paired migrations, nor for the odd one.
    expect(a.findings.filter((f) => f.descriptor.messageId === 'popxNoDown')).toEqual([]);
    // popx when a fair share of the folder carries the suffix.
    const popx = analyze(await project({ 'p/1_a.postgres.up.sql': 'SELECT 1;', 'p/1_a.postgres.down.sql': 'SELECT 1;', 'p/2_b.up.sql': 'SELECT 1;', 'p/2_b.down.sql': 'SELECT 1;' }));
    expect(runner(popx)).toMatchObject({ name: 'ory-popx', guessed: false });
  });

  it('does not let one .up.sql file turn a folder of numbered .sql files into golang-migrate', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 6; i++) files[`m/${String(i).padStart(3, '0')}_step.sql`] = 'CREATE TABLE {{ .Schema }}.t (id int);';
    files['m/007_extra.postgres.up.sql'] = 'SELECT 1;';
    const a = analyze(await project(files));
    expect(a.sets[0]!.layout).toBe('plain');
    expect(a.sets[0]!.migrations).toHaveLength(6);
    expect(a.findings.filter((f) => f.ruleId !== 'migrations/guessed-runner').map((f) => `${f.ruleId} ${f.file}`)).toEqual(['migrations/mixed-layout m/007_extra.postgres.up.sql']);
  });

  it("reads harness' history as maragudk/migrate: whole-name versions, `_up.sql` files, each in a transaction", async () => {
    const p = await project({
      'pg/0001_create_table_a.up.sql': 'CREATE TABLE a (id int);',
      'pg/0001_create_table_b.up.sql': 'CREATE TABLE b (id int);',
      'pg/0002_index_a.up.sql': 'CREATE INDEX ia ON a (id);',
      'pg/0002_index_b.up.sql': 'CREATE INDEX ib ON b (id);',
      'pg/0003_alter_a_up.sql': 'ALTER TABLE a ADD x int;',
      'pg/0003_alter_a_down.sql': 'ALTER TABLE a DROP x;',
      'pg/0157.up.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(runner(a)).toMatchObject({ name: 'maragudk-migrate', guessed: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 0001_create_table_a 0001_create_table_a up:[0001_create_table_a.up.sql] down:[]',
      '1 0001_create_table_b 0001_create_table_b up:[0001_create_table_b.up.sql] down:[]',
      '2 0002_index_a 0002_index_a up:[0002_index_a.up.sql] down:[]',
      '3 0002_index_b 0002_index_b up:[0002_index_b.up.sql] down:[]',
      '4 0003_alter_a 0003_alter_a up:[0003_alter_a_up.sql] down:[0003_alter_a_down.sql]',
      '5 0157 0157 up:[0157.up.sql] down:[]',
    ]);
    expect(a.findings.filter((f) => f.ruleId !== 'migrations/guessed-runner')).toEqual([]);
    expect(a.sets[0]!.migrations[2]!.up[0]!.transaction).toBe('transaction');
    // With go.mod naming it, it is no guess.
    const stated = analyze(withAux(p, { 'go.mod': 'module x\nrequire github.com/maragudk/migrate v0.4.3\n' }));
    expect(runner(stated)).toMatchObject({ name: 'maragudk-migrate', guessed: false });
    // An indirect dependency is a library's choice, not the project's.
    const indirect = analyze(withAux(p, { 'go.mod': 'module x\nrequire github.com/golang-migrate/migrate/v4 v4.17.0 // indirect\n' }));
    expect(runner(indirect)).toMatchObject({ name: 'maragudk-migrate', guessed: true });
  });

  it('keeps reporting a single duplicate version as golang-migrate would', async () => {
    const a = analyze(await project({ 'm/001_a.up.sql': 'SELECT 1;', 'm/001_b.up.sql': 'SELECT 1;', 'm/002_c.up.sql': 'SELECT 1;' }));
    expect(runner(a)!.name).toBe('golang-migrate');
    expect(a.findings.map((f) => f.ruleId)).toContain('migrations/duplicate-version');
  });

  it('reads Flyway-like V0001.Name.up.sql pairs by their number, each in a transaction', async () => {
    const p = await project({
      'db/V0002.Add_email.up.sql': 'ALTER TABLE users ADD email text;',
      'db/V0002.Add_email.down.sql': 'ALTER TABLE users DROP email;',
      'db/V0001.Create_users.up.sql': 'CREATE TABLE users (id int);\nCREATE INDEX i ON users (id);',
      'db/V0010.Index.up.sql': 'CREATE INDEX j ON users (email);',
    });
    const a = analyze(p);
    expect(a.sets[0]!.layout).toBe('golang-migrate');
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 0001 Create_users up:[V0001.Create_users.up.sql] down:[]',
      '1 0002 Add_email up:[V0002.Add_email.up.sql] down:[V0002.Add_email.down.sql]',
      '2 0010 Index up:[V0010.Index.up.sql] down:[]',
    ]);
    expect(runner(a)).toMatchObject({ name: 'unknown', guessed: true });
    expect(a.sets[0]!.migrations[2]!.up[0]!.transaction).toBe('transaction');
    expect(a.findings.filter((f) => f.ruleId === 'migrations/unknown-layout')).toEqual([]);
  });

  it("recognises Synapse's deltas, memos' version folders and psql scripts by the folder's shape", async () => {
    const synapse = analyze(await project({ 'synapse/storage/schema/main/delta/43/a.sql': 'SELECT 1;', 'synapse/storage/schema/main/delta/44/b.sql': 'SELECT 1;' }));
    expect(`${synapse.sets[0]!.dir} ${runner(synapse)!.name} ${runner(synapse)!.transaction}`).toBe('synapse/storage/schema/main/delta synapse all-pending');
    const memos = analyze(await project({ 'store/migration/postgres/0.22/00__a.sql': 'SELECT 1;', 'store/migration/postgres/LATEST.sql': 'SELECT 1;' }));
    expect(runner(memos)!.name).toBe('memos');
    const psql = analyze(await project({ 'upgrade/1_a.sql': '\\set ON_ERROR_STOP on\nCREATE TABLE a (id int);\nCREATE INDEX i ON a (id);' }));
    expect(runner(psql)).toMatchObject({ name: 'psql', guessed: true, transaction: 'per-statement' });
    expect(psql.sets[0]!.migrations[0]!.up[0]!.transaction).toBe('none');
    // Files that open their own transactions were written for a runner that does not.
    const own = analyze(await project({ 'x/1_a.sql': 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;', 'x/2_b.sql': 'BEGIN;\nCREATE INDEX i ON a (id);\nCOMMIT;', 'x/3_c.sql': 'SELECT 1;' }));
    expect(runner(own)).toMatchObject({ name: 'psql', guessed: true, evidence: ['2 of 3 files open their own transaction, so the runner does not'] });
    // So were files that run CREATE INDEX CONCURRENTLY among other statements.
    const concurrent = analyze(await project({ 'y/1_a.sql': 'CREATE TABLE a (id int);', 'y/2_b.sql': 'ALTER TABLE a ADD b int;\nCREATE INDEX CONCURRENTLY i ON a (b);' }));
    expect(runner(concurrent)).toMatchObject({ name: 'psql', guessed: true });
    expect(concurrent.sets[0]!.migrations[1]!.up[0]!.transaction).toBe('none');
  });

  it('reads versioned schema folders (versioned/vX.Y/*.sql) as one history, said once', async () => {
    const a = analyze(
      await project({
        'db/versioned/v1.10/001_c.sql': 'SELECT 1;',
        'db/versioned/v1.2/001_a.sql': 'SELECT 1;',
        'db/versioned/v1.2/002_b.sql': 'SELECT 1;',
        'db/versioned/v1.9/001_b.sql': 'SELECT 1;',
      }),
    );
    expect(a.sets.map((s) => `${s.layout} ${s.dir}`)).toEqual(['plain db/versioned']);
    expect(a.sets[0]!.migrations.map((m) => m.up[0]!.file.slice('db/versioned/'.length))).toEqual(['v1.2/001_a.sql', 'v1.2/002_b.sql', 'v1.9/001_b.sql', 'v1.10/001_c.sql']);
    expect(a.findings.map((f) => f.ruleId)).toEqual(['migrations/guessed-runner']);
  });

  it('gives the layouts that name their runner no guess', async () => {
    const a = analyze(await project({ 'supabase/migrations/20240101000000_a.sql': 'SELECT 1;', 'g/1_a.sql': '-- +goose Up\nSELECT 1;' }));
    expect(a.sets.map((s) => `${runnerOf(s)!.name} ${runnerOf(s)!.guessed}`)).toEqual(['goose false', 'supabase-cli false']);
    expect(guessed(a)).toEqual([]);
  });

  it('exposes the runner on the model the rules read', async () => {
    const m = model(await project({ 'db/1_a.sql': 'SELECT 1;' }));
    expect(runnerOf(m.sets[0]!)).toMatchObject({ name: 'unknown', guessed: true });
  });

  it('looks for manifests up to the repository root, and a few levels above the working directory', () => {
    const none = () => undefined;
    expect(ancestorDirs('a/b', none)).toEqual(['a/b', 'a', '.', '..', '../..', '../../..', '../../../..']);
    expect(ancestorDirs('/srv/app/db', none)).toEqual(['/srv/app/db', '/srv/app', '/srv', '/']);
    expect(ancestorDirs('repo/x/db', (p) => (p === 'repo/.git/HEAD' ? 'ref: refs/heads/main' : undefined))).toEqual(['repo/x/db', 'repo/x', 'repo']);
  });

  it('lists the same runner names as the config schema', () => {
    const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../config/schema/migralint.schema.json', import.meta.url)), 'utf8'));
    expect(schema.definitions.settings.properties.runner.enum).toEqual(RUNNER_NAMES);
  });
});

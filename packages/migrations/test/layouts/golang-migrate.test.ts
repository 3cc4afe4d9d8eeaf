import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, partStatements, project } from './layout-helpers.js';

describe('golang-migrate layout', () => {
  it('pairs .up.sql and .down.sql by version, in numeric order', async () => {
    const a = analyze(await fixture('golang-migrate'));
    expect(a.sets).toHaveLength(1);
    expect(a.sets[0]).toMatchObject({ layout: 'golang-migrate', dir: 'db/migrations', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 000001 create_users up:[000001_create_users.up.sql] down:[000001_create_users.down.sql]',
      '1 000002 index_users_created up:[000002_index_users_created.up.sql] down:[000002_index_users_created.down.sql]',
      '2 000003 add_last_login up:[000003_add_last_login.up.sql] down:[]',
      '3 000010 index_last_login up:[000010_index_last_login.up.sql] down:[000010_index_last_login.down.sql]',
    ]);
    expect(findingLines(a)).toEqual([]);
  });

  it('gives each part the multi-statement rule: one implicit transaction for several statements, none for one', async () => {
    const p = await fixture('golang-migrate');
    // The fixture carries sqlx's `-- no-transaction` marker, which alone would name sqlx: state golang-migrate.
    const [first, second, third, fourth] = analyze(p, { runner: 'golang-migrate' }).sets[0]!.migrations;
    expect(first!.up[0]).toMatchObject({ transaction: 'transaction' });
    expect(first!.up[0]!.transactionReason).toMatch(/one multi-statement query.*implicit transaction/);
    expect(second!.up[0]).toMatchObject({ transaction: 'none' });
    expect(third!.up[0]).toMatchObject({ transaction: 'transaction' });
    // sqlx's `-- no-transaction` on the first line; one statement, so truly outside a transaction.
    expect(fourth!.up[0]).toMatchObject({ transaction: 'none' });
    expect(fourth!.up[0]!.transactionReason).toMatch(/sqlx/);
    expect(partStatements(p, first!.up[0]!)).toEqual(['CREATE TABLE users (', 'CREATE UNIQUE INDEX users_email_key ON users (email)']);
  });

  it('sqlx `-- no-transaction` with several statements still shares an implicit transaction', async () => {
    const p = await project({ 'm/1_a.up.sql': '-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);\nCREATE INDEX CONCURRENTLY j ON t (b);' });
    expect(analyze(p).sets[0]!.migrations[0]!.up[0]).toMatchObject({ transaction: 'transaction' });
  });

  it('reports skipped names, duplicate versions, orphan downs and pairs whose names differ', async () => {
    const p = await project({
      'm/001_create_a.up.sql': 'CREATE TABLE a ();',
      'm/001_create_b.up.sql': 'CREATE TABLE b ();',
      'm/001_create_b.down.sql': 'DROP TABLE b;',
      'm/002_add_x.up.sql': 'ALTER TABLE a ADD x int;',
      'm/002_drop_x.down.sql': 'ALTER TABLE a DROP x;',
      'm/003_gone.down.sql': 'DROP TABLE gone;',
      'm/init.up.sql': 'SELECT 1;',
      'm/004.up.sql': 'SELECT 1;',
      'm/005_notes.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 001 create_a up:[001_create_a.up.sql] down:[]',
      '1 001 create_b up:[001_create_b.up.sql] down:[001_create_b.down.sql]',
      '2 002 add_x up:[002_add_x.up.sql] down:[002_drop_x.down.sql]',
      '3 003 gone up:[] down:[003_gone.down.sql]',
    ]);
    expect(findingLines(a)).toEqual([
      'skipped-file versionedName 004.up.sql',
      'skipped-file versionedName 005_notes.sql',
      'skipped-file versionedName init.up.sql',
      'duplicate-version duplicate 001_create_b.up.sql',
      'pair-name-mismatch mismatch 002_add_x.up.sql',
      'orphan-down orphan 003_gone.down.sql',
    ]);
  });

  it('orders versions as numbers, not names', async () => {
    const p = await project({ 'm/9_a.up.sql': 'SELECT 1;', 'm/10_b.up.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['9', '10']);
    expect(findingLines(a)).toEqual([]);
  });
});

describe('Ory popx (golang-migrate names with a dialect and .autocommit.)', () => {
  it('runs the .postgres. file of a version, keeps the neutral one as a variant and ignores other databases', async () => {
    const p = await fixture('popx');
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101000000000000 identities up:[20240101000000000000_identities.postgres.up.sql] down:[20240101000000000000_identities.down.sql]',
      '1 20240102000000000000 identities_created_at_idx up:[20240102000000000000_identities_created_at_idx.postgres.autocommit.up.sql] down:[20240102000000000000_identities_created_at_idx.down.sql]',
    ]);
    expect(a.companions.map((c) => `${c.role} ${c.file.slice(c.file.lastIndexOf('/') + 1)} ${c.migration?.version ?? '-'}`)).toEqual([
      'other-dialect 20240101000000000000_identities.mysql.up.sql -',
      'variant 20240101000000000000_identities.up.sql 20240101000000000000',
    ]);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs a migration in a transaction, an .autocommit. one without', async () => {
    const [first, second] = analyze(await fixture('popx')).sets[0]!.migrations;
    expect(first!.up[0]).toMatchObject({ transaction: 'transaction' });
    expect(second!.up[0]).toMatchObject({ transaction: 'none' });
    expect(second!.up[0]!.transactionReason).toMatch(/autocommit/);
    expect(second!.down[0]).toMatchObject({ transaction: 'transaction' });
  });

  it('joins the steps of one change (same timestamp, whatever their names): ups in step order, downs in the reverse order popx rolls back', async () => {
    const p = await project({
      'm/20240101000000000000_a.postgres.up.sql': 'CREATE TABLE a (id int);',
      'm/20240101000000000000_a.postgres.down.sql': '',
      'm/20240101000000000001_a.postgres.up.sql': 'CREATE INDEX a_id ON a (id);',
      'm/20240101000000000001_a.postgres.down.sql': 'DROP TABLE a;',
      'm/20240101000000000002_b.postgres.up.sql': 'SELECT 1;',
      'm/20240101000000000002_b.postgres.down.sql': 'SELECT 1;',
      'm/20240102000000000000_a.postgres.up.sql': 'SELECT 1;',
      'm/20240102000000000000_a.postgres.down.sql': 'SELECT 1;',
    });
    const a = analyze(p, { runner: 'ory-popx' });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101000000000000 a up:[20240101000000000000_a.postgres.up.sql,20240101000000000001_a.postgres.up.sql,20240101000000000002_b.postgres.up.sql] down:[20240101000000000002_b.postgres.down.sql,20240101000000000001_a.postgres.down.sql,20240101000000000000_a.postgres.down.sql]',
      '1 20240102000000000000 a up:[20240102000000000000_a.postgres.up.sql] down:[20240102000000000000_a.postgres.down.sql]',
    ]);
    expect(findingLines(a)).toEqual([]);
  });

  it('reports an up without a down, which popx refuses', async () => {
    const p = await project({ 'm/1_a.postgres.up.sql': 'SELECT 1;' });
    expect(findingLines(analyze(p))).toEqual(['invalid-migration popxNoDown 1_a.postgres.up.sql']);
  });

  it('places statements and answers per statement through the model', async () => {
    const p = await fixture('popx');
    const m = model(p);
    const file = p.files.find((f) => f.path.endsWith('identities.postgres.up.sql'))!;
    const place = m.placeOf(file.path, file.statements[1]!);
    expect(place?.migration.version).toBe('20240101000000000000');
    expect(place?.part.direction).toBe('up');
    expect(place?.inTransaction).toBe(true);
    const variant = p.files.find((f) => f.path.endsWith('identities.up.sql'))!;
    expect(m.placeOf(variant.path, variant.statements[0]!)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { MigrationSet } from '@migralint/core';
import { replaySchema } from '../../src/schema/replay-schema.js';
import { parseFiles, pub, q, replay } from './replay-helpers.js';

describe('replaySchema: snapshots and createdIn', () => {
  it('before(i) is the catalog without migration i; after(i) with it; before(0) is empty', async () => {
    const { model } = await replay([`CREATE TABLE a (id int);`, `CREATE TABLE b (id int);`, `DROP TABLE a;`]);
    const names = (s: ReturnType<typeof model.atEnd>) => s.tables().map((t) => t.name.name);
    expect(names(model.before(0))).toEqual([]);
    expect(names(model.after(0))).toEqual(['a']);
    expect(names(model.before(1))).toEqual(['a']);
    expect(names(model.after(1))).toEqual(['a', 'b']);
    expect(names(model.after(2))).toEqual(['b']);
    expect(names(model.atEnd())).toEqual(['b']);
    expect(model.before(1)).toBe(model.after(0));
    // Out-of-range indexes are clamped rather than thrown.
    expect(names(model.before(-5))).toEqual([]);
    expect(names(model.after(99))).toEqual(['b']);
  });

  it('createdIn answers per migration and kind, and a rename inside the creating migration still counts', async () => {
    const { model } = await replay([`CREATE TABLE draft (id int); ALTER TABLE draft RENAME TO final; CREATE INDEX ON final (id);`, `CREATE TABLE other (id int);`]);
    expect(model.createdIn(0, 'table', pub('final'))).toBe(true);
    expect(model.createdIn(0, 'table', pub('draft'))).toBe(true);
    expect(model.createdIn(1, 'table', pub('final'))).toBe(false);
    expect(model.createdIn(0, 'table', pub('other'))).toBe(false);
    expect(model.createdIn(1, 'table', pub('other'))).toBe(true);
    expect(model.createdIn(0, 'index', pub('final_id_idx'))).toBe(true);
    expect(model.createdIn(0, 'view', pub('final'))).toBe(false);
  });

  it('a table dropped later exists before the drop and not after; recreated later it is a new creation', async () => {
    const { model } = await replay([`CREATE TABLE t (a int);`, `DROP TABLE t;`, `CREATE TABLE t (b text);`]);
    expect(model.before(1).table(pub('t'))!.columns[0]!.name).toBe('a');
    expect(model.after(1).table(pub('t'))).toBeUndefined();
    expect(model.after(2).table(pub('t'))).toMatchObject({ createdIn: 2, columns: [{ name: 'b' }] });
    expect(model.createdIn(2, 'table', pub('t'))).toBe(true);
  });

  it('replays only the up parts, each only over its range (dbmate-style sections)', async () => {
    const sql = `-- migrate:up\nCREATE TABLE kept (id int);\n-- migrate:down\nDROP TABLE kept;\n`;
    const files = await parseFiles([{ path: 'db/001_x.sql', sql }]);
    const file = files.get('db/001_x.sql')!;
    const split = sql.indexOf('-- migrate:down');
    const set: MigrationSet = {
      layout: 'dbmate',
      dir: 'db',
      supportsDown: true,
      migrations: [
        {
          index: 0,
          version: '001',
          name: 'x',
          up: [{ file: file.path, direction: 'up', range: { start: 0, end: split }, transaction: 'transaction', transactionReason: 'test' }],
          down: [{ file: file.path, direction: 'down', range: { start: split, end: sql.length }, transaction: 'transaction', transactionReason: 'test' }],
        },
      ],
    };
    const model = replaySchema({ set, files, settings: { postgresVersion: 17 } });
    expect(model.atEnd().table(pub('kept'))).toBeDefined();
  });

  it('a part whose file was not parsed is noted, not thrown', async () => {
    const set: MigrationSet = {
      layout: 'plain',
      dir: '.',
      supportsDown: false,
      migrations: [{ index: 0, version: '1', name: 'gone', up: [{ file: 'gone.sql', direction: 'up', range: { start: 0, end: 10 }, transaction: 'none', transactionReason: 'test' }], down: [] }],
    };
    const model = replaySchema({ set, files: new Map(), settings: { postgresVersion: 17 } });
    expect(model.skipped).toEqual([{ file: 'gone.sql', offset: 0, kind: 'File', reason: 'the file of this part was not parsed' }]);
    expect(model.atEnd().tables()).toEqual([]);
  });
});

describe('replaySchema: search_path and resolve()', () => {
  it('SET search_path changes where unqualified names go for the rest of the part only', async () => {
    const { model, files } = await replay([
      `CREATE SCHEMA app; SET search_path = app, public; CREATE TABLE users (id int); CREATE TABLE public.plain (id int);`,
      `CREATE TABLE after_reset (id int);`,
    ]);
    const end = model.atEnd();
    expect(end.table(q('app', 'users'))).toBeDefined();
    expect(end.table(pub('users'))).toBeUndefined();
    expect(end.table(pub('plain'))).toBeDefined();
    expect(end.table(pub('after_reset'))).toBeDefined();
    const text = files[0]!.text;
    expect(model.resolve({ name: 'users' }, { file: files[0]!.path, offset: text.indexOf('CREATE TABLE users') })).toEqual(q('app', 'users'));
    // Before the SET, the default path applies.
    expect(model.resolve({ name: 'users' }, { file: files[0]!.path, offset: 0 })).toEqual(pub('users'));
    // A name that exists only in the second schema of the path resolves there.
    expect(model.resolve({ name: 'plain' }, { file: files[0]!.path, offset: text.length })).toEqual(pub('plain'));
    expect(model.resolve({ schema: 'x', name: 'y' })).toEqual(q('x', 'y'));
    expect(model.resolve({ name: 'after_reset' }, { file: files[1]!.path, offset: 0 })).toEqual(pub('after_reset'));
  });

  it('resolve() at a DROP finds the dropped table in the second schema of the path', async () => {
    const { model, files } = await replay([`CREATE SCHEMA app; CREATE TABLE users (id int);`, `SET search_path = app, public; DROP TABLE users;`]);
    const file = files[1]!;
    const at = { file: file.path, offset: file.text.indexOf('DROP') };
    expect(model.resolve({ name: 'users' }, at)).toEqual(pub('users'));
    expect(model.before(1).table(model.resolve({ name: 'users' }, at))).toBeDefined();
    expect(model.atEnd().tables()).toEqual([]);
    // A name found nowhere resolves to where a CREATE would put it.
    expect(model.resolve({ name: 'nothing' }, at)).toEqual(q('app', 'nothing'));
  });

  it('temporary tables live in pg_temp and are found first', async () => {
    const { model, files } = await replay([`CREATE TABLE scratch (a int); CREATE TEMP TABLE scratch (b int); ALTER TABLE scratch ADD COLUMN c int;`]);
    expect(model.atEnd().table(q('pg_temp', 'scratch'))!.columns.map((c) => c.name)).toEqual(['b', 'c']);
    expect(model.atEnd().table(pub('scratch'))!.columns.map((c) => c.name)).toEqual(['a']);
    expect(model.resolve({ name: 'scratch' }, { file: files[0]!.path, offset: files[0]!.text.indexOf('ALTER') })).toEqual(q('pg_temp', 'scratch'));
    expect(model.createdIn(0, 'table', q('pg_temp', 'scratch'))).toBe(true);
  });

  it('a temporary table the history only changed (never created) is still found first, and a plain path needs no lookup', async () => {
    const { model, files } = await replay([`CREATE TABLE plain (a int);`, `ALTER TABLE pg_temp.scratch ADD COLUMN a int;`]);
    expect(model.resolve({ name: 'scratch' }, { file: files[1]!.path, offset: 0 })).toEqual(q('pg_temp', 'scratch'));
    expect(model.resolve({ name: 'plain' }, { file: files[0]!.path, offset: 0 })).toEqual(pub('plain'));
    const { model: noTemp, files: noTempFiles } = await replay([`CREATE TABLE plain (a int);`]);
    expect(noTemp.resolve({ name: 'scratch' }, { file: noTempFiles[0]!.path, offset: 0 })).toEqual(pub('scratch'));
  });

  it('lookups go through the path: ALTER TABLE finds the table in the second schema', async () => {
    const { model } = await replay([`CREATE SCHEMA app; CREATE TABLE base (id int);`, `SET search_path TO app, public; ALTER TABLE base ADD COLUMN x int; RESET search_path; ALTER TABLE base ADD COLUMN y int;`]);
    expect(model.atEnd().table(pub('base'))!.columns.map((c) => c.name)).toEqual(['id', 'x', 'y']);
    expect(model.atEnd().table(q('app', 'base'))).toBeUndefined();
  });

  it("pg_dump's set_config('search_path', '', false) and \"$user\" are understood", async () => {
    const { model } = await replay([
      `SELECT pg_catalog.set_config('search_path', 'tenant', false); CREATE SCHEMA tenant; CREATE TABLE inside (id int);`,
      `SET search_path = "$user", public; CREATE TABLE t (id int);`,
    ]);
    expect(model.atEnd().table(q('tenant', 'inside'))).toBeDefined();
    expect(model.atEnd().table(pub('t'))).toBeDefined();
  });
});

describe('replaySchema: external objects', () => {
  it('objects the history references but never creates are external, and rules can tell them apart', async () => {
    const { model } = await replay([
      `CREATE TABLE profiles (id uuid REFERENCES auth.users (id));
       CREATE TRIGGER on_signup AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();
       GRANT SELECT ON vault.secrets TO service_role;`,
    ]);
    const end = model.atEnd();
    expect(end.isExternal('table', q('auth', 'users'))).toBe(true);
    expect(end.isExternal('function', pub('handle_new_user'))).toBe(true);
    expect(end.isExternal('table', q('vault', 'secrets'))).toBe(true);
    // Objects in a schema the history never created are external too.
    expect(end.isExternal('table', q('auth', 'sessions'))).toBe(true);
    expect(end.isExternal('table', pub('profiles'))).toBe(false);
    expect(end.isExternal('table', pub('nobody_mentions_this'))).toBe(false);
    // Referenced only: no stub appears in the catalog.
    expect(end.table(q('auth', 'users'))).toBeUndefined();
  });

  it('settings.externalObjects declares objects that exist from before(0)', async () => {
    const { model } = await replay([`ALTER TABLE auth.users ADD COLUMN nickname text;`, `CREATE VIEW me AS SELECT * FROM auth.users;`], {
      externalObjects: { schemas: ['storage'], tables: ['auth.users', '"Billing"."Invoices"'], views: ['extensions.pg_stat_statements'], functions: ['auth.uid'], types: ['extensions.vector'] },
    });
    const start = model.before(0);
    expect(start.table(q('auth', 'users'))).toEqual({ name: q('auth', 'users'), columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind: 'table' });
    expect(start.table(q('Billing', 'Invoices'))).toBeDefined();
    expect(start.view(q('extensions', 'pg_stat_statements'))).toBeDefined();
    expect(start.schemas()).toEqual(expect.arrayContaining(['storage', 'auth', 'Billing', 'extensions']));
    expect(start.isExternal('function', q('auth', 'uid'))).toBe(true);
    expect(start.isExternal('type', q('extensions', 'vector'))).toBe(true);
    expect(start.isExternal('schema', q('storage', 'storage'))).toBe(true);
    expect(start.isExternal('table', q('storage', 'buckets'))).toBe(true);
    expect(model.after(0).table(q('auth', 'users'))!.columns).toEqual([{ name: 'nickname', type: 'text', notNull: false }]);
    expect(model.createdIn(0, 'table', q('auth', 'users'))).toBe(false);
    expect(model.atEnd().view(pub('me'))!.reads).toEqual([q('auth', 'users')]);
  });

  it('an object the history creates is never external', async () => {
    const { model } = await replay([`CREATE SCHEMA auth; CREATE TABLE auth.users (id uuid);`, `CREATE TABLE p (u uuid REFERENCES auth.users);`]);
    expect(model.atEnd().isExternal('table', q('auth', 'users'))).toBe(false);
    expect(model.atEnd().isExternal('schema', q('auth', 'auth'))).toBe(false);
    expect(model.atEnd().isExternal('table', q('auth', 'other'))).toBe(false);
  });
});

describe('replaySchema: what it does not interpret is skipped, never thrown', () => {
  it('DO blocks, CREATE RULE, CALL, parse errors and unknown column references are noted with their place', async () => {
    const { model, files } = await replay([
      `CREATE TABLE t (a int);
DO $$ BEGIN EXECUTE 'ALTER TABLE t ADD COLUMN b int'; END $$;
CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING;
CALL refresh_everything();
ALTER TABLE t ALTER COLUMN nope SET NOT NULL;
CREATE AGGREGATE my_sum (int) (sfunc = int4pl, stype = int);
COMMENT ON TABLE t IS 'ignored quietly';
INSERT INTO t VALUES (1);
GRANT SELECT ON t TO anon;
SELEC broken;`,
    ]);
    const text = files[0]!.text;
    expect(model.skipped).toEqual([
      { file: 'm/001.sql', offset: text.indexOf('CREATE RULE'), kind: 'RuleStmt', reason: 'rules are not modelled' },
      { file: 'm/001.sql', offset: text.indexOf('CALL'), kind: 'CallStmt', reason: 'CALL: the procedure body is opaque to the replay' },
      { file: 'm/001.sql', offset: text.indexOf('ALTER TABLE t ALTER'), kind: 'AlterTableStmt', reason: 'AT_SetNotNull: column nope of public.t is not in the catalog' },
      { file: 'm/001.sql', offset: text.indexOf('CREATE AGGREGATE'), kind: 'DefineStmt', reason: 'CREATE AGGREGATE is not modelled' },
      { file: 'm/001.sql', offset: text.indexOf('SELEC broken'), kind: 'ParseError', reason: 'the statement did not parse' },
    ]);
    // The DO block's constant EXECUTE is run (issue #15).
    expect(model.atEnd().table(pub('t'))!.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('expression text is cut at the right place in files with non-ASCII text', async () => {
    const { model } = await replay([`-- Ünïcödé 🎉 comment\nCREATE TABLE café (naïve text DEFAULT 'é' NOT NULL CHECK (naïve <> '🎉'));\nCREATE POLICY "voilà" ON café USING (naïve = 'ü');`]);
    const table = model.atEnd().table(pub('café'))!;
    expect(table.columns[0]).toEqual({ name: 'naïve', type: 'text', notNull: true, default: "'é'" });
    expect(table.constraints[0]).toMatchObject({ name: 'café_naïve_check', expression: "naïve <> '🎉'" });
    expect(table.policies[0]).toMatchObject({ name: 'voilà', using: "naïve = 'ü'" });
  });
});

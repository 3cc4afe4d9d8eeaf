import { describe, expect, it } from 'vitest';
import { pub, q, replay } from './replay-helpers.js';

describe('replaySchema: views', () => {
  it('tracks security_invoker from WITH (…) and ALTER VIEW … SET / RESET, and what a view reads', async () => {
    const { model } = await replay([
      `CREATE TABLE t (a int); CREATE SCHEMA api;
       CREATE VIEW api.v WITH (security_invoker = true) AS WITH recent AS (SELECT * FROM t) SELECT * FROM recent JOIN auth.users u ON true;
       CREATE VIEW plain AS SELECT 1;`,
      `ALTER VIEW plain SET (security_invoker = on);`,
      `ALTER VIEW api.v RESET (security_invoker);`,
    ]);
    expect(model.after(0).view(q('api', 'v'))).toEqual({ name: q('api', 'v'), materialized: false, securityInvoker: true, reads: [pub('t'), q('auth', 'users')] });
    expect(model.after(0).view(pub('plain'))!.securityInvoker).toBe(false);
    expect(model.after(1).view(pub('plain'))!.securityInvoker).toBe(true);
    expect(model.after(2).view(q('api', 'v'))!.securityInvoker).toBe(false);
    expect(model.atEnd().isExternal('table', q('auth', 'users'))).toBe(true);
  });

  it('CREATE OR REPLACE VIEW replaces (options included) without counting as a creation; RENAME and DROP apply', async () => {
    const { model } = await replay([
      `CREATE VIEW v WITH (security_invoker) AS SELECT 1 AS x;`,
      `CREATE OR REPLACE VIEW v AS SELECT 1 AS x;`,
      `ALTER VIEW v RENAME TO w;`,
      `DROP VIEW w;`,
    ]);
    expect(model.after(0).view(pub('v'))!.securityInvoker).toBe(true);
    expect(model.after(1).view(pub('v'))!.securityInvoker).toBe(false);
    expect(model.createdIn(0, 'view', pub('v'))).toBe(true);
    expect(model.createdIn(1, 'view', pub('v'))).toBe(false);
    expect(model.after(2).view(pub('w'))).toBeDefined();
    expect(model.after(2).view(pub('v'))).toBeUndefined();
    expect(model.after(3).views()).toEqual([]);
  });

  it('materialized views', async () => {
    const { model } = await replay([`CREATE TABLE t (a int); CREATE MATERIALIZED VIEW IF NOT EXISTS stats AS SELECT count(*) FROM t WITH NO DATA;`]);
    expect(model.atEnd().view(pub('stats'))).toEqual({ name: pub('stats'), materialized: true, securityInvoker: false, reads: [pub('t')] });
  });
});

describe('replaySchema: functions', () => {
  it('keeps args, SECURITY DEFINER, a fixed search_path and the language; overloads are separate', async () => {
    const { model } = await replay([
      `CREATE FUNCTION public.handle_new_user() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$ BEGIN RETURN NEW; END $$;
       CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT a + b';
       CREATE FUNCTION add(a numeric, b numeric, OUT r numeric) LANGUAGE sql AS 'SELECT a + b';
       CREATE FUNCTION f(VARIADIC xs text[] DEFAULT NULL) RETURNS int LANGUAGE sql SET search_path = public, pg_temp RETURN 1;`,
    ]);
    const end = model.atEnd();
    expect(end.functions(pub('handle_new_user'))).toEqual([{ name: pub('handle_new_user'), args: [], securityDefiner: true, searchPath: "''", language: 'plpgsql' }]);
    expect(end.functions(pub('add')).map((f) => f.args)).toEqual([['int4', 'int4'], ['numeric', 'numeric']]);
    expect(end.functions(pub('f'))[0]).toEqual({ name: pub('f'), args: ['text[]'], securityDefiner: false, searchPath: 'public, pg_temp', language: 'sql' });
    expect(end.functions()).toHaveLength(4);
  });

  it('CREATE OR REPLACE replaces the same signature; ALTER FUNCTION changes it; DROP FUNCTION by signature', async () => {
    const { model } = await replay([
      `CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql AS 'SELECT x'; CREATE FUNCTION g(x text) RETURNS text LANGUAGE sql AS 'SELECT x';`,
      `CREATE OR REPLACE FUNCTION g(x int) RETURNS int LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN RETURN x; END $$;`,
      `ALTER FUNCTION g(int) SET search_path = pg_catalog; ALTER FUNCTION g(integer) SECURITY INVOKER;`,
      `ALTER FUNCTION g(int) RESET search_path;`,
      `DROP FUNCTION g(text);`,
      `DROP FUNCTION IF EXISTS g;`,
    ]);
    const g = (i: number) => model.after(i).functions(pub('g'));
    expect(g(1).find((f) => f.args[0] === 'int4')).toEqual({ name: pub('g'), args: ['int4'], securityDefiner: true, language: 'plpgsql' });
    expect(model.createdIn(1, 'function', pub('g'))).toBe(false);
    expect(model.createdIn(0, 'function', pub('g'))).toBe(true);
    expect(g(2).find((f) => f.args[0] === 'int4')).toMatchObject({ securityDefiner: false, searchPath: 'pg_catalog' });
    expect(g(3).find((f) => f.args[0] === 'int4')!.searchPath).toBeUndefined();
    expect(g(4).map((f) => f.args)).toEqual([['int4']]);
    expect(g(5)).toEqual([]);
    expect(model.skipped).toEqual([]);
  });

  it('procedures are functions too; renaming and moving keep the definition', async () => {
    const { model } = await replay([`CREATE SCHEMA util; CREATE PROCEDURE p(n int) LANGUAGE sql AS 'SELECT 1';`, `ALTER PROCEDURE p(int) RENAME TO q; ALTER FUNCTION q(int) SET SCHEMA util;`]);
    expect(model.atEnd().functions(pub('p'))).toEqual([]);
    expect(model.atEnd().functions(q('util', 'q'))).toEqual([{ name: q('util', 'q'), args: ['int4'], securityDefiner: false, language: 'sql' }]);
  });
});

describe('replaySchema: types, sequences, extensions, schemas', () => {
  it('enums: ADD VALUE (BEFORE / AFTER / IF NOT EXISTS), RENAME VALUE, rename of the type follows into columns', async () => {
    const { model } = await replay([
      `CREATE TYPE status AS ENUM ('draft', 'published'); CREATE TABLE posts (s status NOT NULL, history status[]);`,
      `ALTER TYPE status ADD VALUE 'archived'; ALTER TYPE status ADD VALUE IF NOT EXISTS 'draft'; ALTER TYPE status ADD VALUE 'review' BEFORE 'published'; ALTER TYPE status ADD VALUE 'first' BEFORE 'draft';`,
      `ALTER TYPE status RENAME VALUE 'archived' TO 'gone';`,
      `ALTER TYPE status RENAME TO post_status;`,
    ]);
    expect(model.after(0).type(pub('status'))).toEqual({ name: pub('status'), kind: 'enum', values: ['draft', 'published'] });
    expect(model.after(1).type(pub('status'))!.values).toEqual(['first', 'draft', 'review', 'published', 'archived']);
    expect(model.after(2).type(pub('status'))!.values).toEqual(['first', 'draft', 'review', 'published', 'gone']);
    expect(model.after(3).type(pub('status'))).toBeUndefined();
    expect(model.after(3).table(pub('posts'))!.columns.map((c) => c.type)).toEqual(['public.post_status', 'public.post_status[]']);
    expect(model.skipped).toEqual([]);
  });

  it('composite, domain and range types; DROP TYPE … CASCADE drops the columns of that type', async () => {
    const { model } = await replay([
      `CREATE TYPE pair AS (a int, b int); CREATE DOMAIN email AS text CHECK (VALUE ~ '@'); CREATE TYPE span AS RANGE (subtype = int4);
       CREATE TABLE contacts (id int, address email);`,
      `DROP TYPE pair; DROP DOMAIN email CASCADE;`,
    ]);
    expect(model.after(0).types().map((t) => `${t.name.name}:${t.kind}`)).toEqual(['pair:composite', 'email:domain', 'span:range']);
    expect(model.after(0).table(pub('contacts'))!.columns[1]!.type).toBe('public.email');
    expect(model.atEnd().types().map((t) => t.name.name)).toEqual(['span']);
    expect(model.atEnd().table(pub('contacts'))!.columns.map((c) => c.name)).toEqual(['id']);
  });

  it('sequences: CREATE with OWNED BY, ALTER … OWNED BY, RENAME, DROP', async () => {
    const { model } = await replay([
      `CREATE TABLE t (id int); CREATE SEQUENCE IF NOT EXISTS t_seq OWNED BY t.id; CREATE SEQUENCE free_seq;`,
      `ALTER SEQUENCE free_seq OWNED BY t.id; ALTER SEQUENCE t_seq OWNED BY NONE;`,
      `ALTER SEQUENCE t_seq RENAME TO t_seq2; DROP SEQUENCE free_seq;`,
    ]);
    expect(model.after(0).sequence(pub('t_seq'))).toEqual({ name: pub('t_seq'), ownedBy: { table: pub('t'), column: 'id' } });
    expect(model.after(0).sequence(pub('free_seq'))).toEqual({ name: pub('free_seq') });
    expect(model.after(1).sequence(pub('free_seq'))!.ownedBy).toEqual({ table: pub('t'), column: 'id' });
    expect(model.after(1).sequence(pub('t_seq'))).toEqual({ name: pub('t_seq') });
    expect(model.after(2).sequence(pub('t_seq2'))).toBeDefined();
    expect(model.after(2).sequence(pub('free_seq'))).toBeUndefined();
  });

  it('extensions and schemas (AUTHORIZATION, elements, DROP SCHEMA CASCADE, RENAME)', async () => {
    const { model } = await replay([
      `CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions; CREATE EXTENSION pgcrypto;`,
      `CREATE SCHEMA AUTHORIZATION alice; CREATE SCHEMA app CREATE TABLE things (id int) CREATE VIEW thing_ids AS SELECT id FROM things;`,
      `DROP EXTENSION pgcrypto; ALTER SCHEMA app RENAME TO core;`,
      `DROP SCHEMA core CASCADE;`,
    ]);
    expect(model.after(0).extensions()).toEqual(['uuid-ossp', 'pgcrypto']);
    expect(model.after(0).isExternal('schema', q('extensions', 'extensions'))).toBe(true);
    expect(model.after(1).schemas()).toEqual(expect.arrayContaining(['alice', 'app']));
    expect(model.after(1).table(q('app', 'things'))).toBeDefined();
    expect(model.after(1).view(q('app', 'thing_ids'))!.reads).toEqual([q('app', 'things')]);
    expect(model.createdIn(1, 'schema', q('app', 'app'))).toBe(true);
    expect(model.after(2).extensions()).toEqual(['uuid-ossp']);
    expect(model.after(2).table(q('core', 'things'))).toBeDefined();
    expect(model.after(2).schemas()).not.toContain('app');
    expect(model.atEnd().tables()).toEqual([]);
    expect(model.atEnd().views()).toEqual([]);
    expect(model.atEnd().schemas()).not.toContain('core');
  });

  it('public exists from the start, and can be dropped and created again (pg_dump --clean)', async () => {
    const { model } = await replay([`CREATE TABLE t (a int);`, `DROP SCHEMA public CASCADE; CREATE SCHEMA public;`, `CREATE SCHEMA IF NOT EXISTS public; CREATE SCHEMA public;`]);
    expect(model.before(0).schemas()).toEqual(['public']);
    expect(model.after(1).tables()).toEqual([]);
    expect(model.after(1).schemas()).toEqual(['public']);
    expect(model.createdIn(1, 'schema', q('public', 'public'))).toBe(true);
    expect(model.skipped.map((s) => `${s.file} ${s.reason}`)).toEqual(['m/003.sql schema public already exists']);
  });
});

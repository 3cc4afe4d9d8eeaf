import { describe, expect, it } from 'vitest';
import { loadParser, type SchemaSnapshot } from '@migralint/core';
import { describeChanges, describeObject, diffSnapshots, normaliseExpression, objectState, type DiffOptions } from '../../src/schema/diff-snapshots.js';
import { loadDeparser } from '../../src/schema/compare-expressions.js';
import { pub, replay } from './replay-helpers.js';

/** The differences migration `i` (the last one by default) makes, as `change object: properties` lines. */
async function changesOf(migrations: string[], options: DiffOptions = {}): Promise<string[]> {
  const { model } = await replay(migrations);
  const last = migrations.length - 1;
  return lines(model.before(last), model.after(last), options);
}

function lines(before: SchemaSnapshot, after: SchemaSnapshot, options: DiffOptions = {}): string[] {
  return diffSnapshots(before, after, options).map((d) => {
    const head = `${d.change} ${describeObject(d.object)}`;
    if (d.change === 'renamed') return `${head} from ${describeObject(d.from!)}`;
    return d.properties.length ? `${head}: ${describeChanges(d.properties)}` : head;
  });
}

describe('diffSnapshots', () => {
  it('finds nothing between a snapshot and itself, or two equal ones', async () => {
    const { model } = await replay(['CREATE TABLE t (id int PRIMARY KEY, a text DEFAULT now());', 'CREATE TABLE u (id int); DROP TABLE u;']);
    expect(diffSnapshots(model.after(0), model.after(0))).toEqual([]);
    expect(diffSnapshots(model.before(1), model.after(1))).toEqual([]);
  });

  it('names tables and columns added, removed and changed', async () => {
    expect(
      await changesOf([
        'CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, age int, nick text);',
        `CREATE TABLE orders (id int);
         ALTER TABLE users ADD COLUMN coupon text, DROP COLUMN nick, ALTER COLUMN age TYPE bigint,
           ALTER COLUMN email DROP NOT NULL, ALTER COLUMN email SET DEFAULT 'x';`,
      ]),
    ).toEqual([
      'added table "orders"',
      'removed column "users.nick"',
      'added column "users.coupon"',
      `changed column "users.email": nullability nullable (was NOT NULL), default 'x' (was none)`,
      'changed column "users.age": type int8 (was int4)',
    ]);
  });

  it('reports the indexes and sequences of an added or removed table with the table, not apart', async () => {
    expect(await changesOf(['CREATE TABLE a (id serial PRIMARY KEY, x int UNIQUE); CREATE INDEX a_x ON a (x);', 'DROP TABLE a;'])).toEqual(['removed table "a"']);
  });

  it('recognises the renames it is told of, and compares what follows them through the rename', async () => {
    const history = [
      'CREATE TABLE users (id int PRIMARY KEY, mail text UNIQUE); CREATE TABLE posts (id int, author int REFERENCES users (id)); CREATE INDEX users_mail_idx ON users (mail);',
      'ALTER TABLE users RENAME COLUMN mail TO email; ALTER TABLE users RENAME TO people; ALTER TABLE people RENAME TO members; ALTER INDEX users_mail_idx RENAME TO members_email_idx;',
    ];
    const renames: DiffOptions['renames'] = [
      { kind: 'column', from: 'mail', to: 'email' },
      { kind: 'table', from: 'users', to: 'people' },
      { kind: 'table', from: 'people', to: 'members' },
      { kind: 'index', from: 'users_mail_idx', to: 'members_email_idx' },
    ];
    expect(await changesOf(history, { renames })).toEqual([
      'renamed table "members" from table "users"',
      'renamed column "members.email" from column "users.mail"',
      'renamed index "members_email_idx" from index "users_mail_idx"',
    ]);
    // Without being told, a rename is what the snapshots show: one object gone, another there.
    expect(await changesOf(history)).toEqual([
      'removed table "users"',
      'added table "members"',
      'changed constraint "posts_author_fkey" on "posts": references members(id) (was users(id))',
    ]);
    const columns = ['CREATE TABLE t (a int, b int UNIQUE);', 'ALTER TABLE t RENAME COLUMN b TO c;'];
    expect(await changesOf(columns, { renames: [{ kind: 'column', from: 'b', to: 'c' }] })).toEqual(['renamed column "t.c" from column "t.b"']);
    // Renamed and changed: both are said.
    expect(await changesOf(['CREATE TABLE t (b int);', 'ALTER TABLE t RENAME COLUMN b TO c; ALTER TABLE t ALTER COLUMN c TYPE text;'], { renames: [{ kind: 'column', from: 'b', to: 'c' }] })).toEqual([
      'renamed column "t.c" from column "t.b"',
      'changed column "t.c": type text (was int4)',
    ]);
  });

  it('compares constraints, policies and row-level security', async () => {
    expect(
      await changesOf([
        `CREATE TABLE p (id int PRIMARY KEY);
         CREATE TABLE c (id int, p_id int CONSTRAINT c_p_fk REFERENCES p (id), n int CONSTRAINT c_n_check CHECK (n > 0));
         CREATE POLICY mine ON c FOR SELECT TO authenticated USING (p_id = 1);`,
        `ALTER TABLE c DROP CONSTRAINT c_p_fk, ADD CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID;
         ALTER TABLE c DROP CONSTRAINT c_n_check, ADD CONSTRAINT c_n_check CHECK ( N>0 );
         ALTER TABLE c ENABLE ROW LEVEL SECURITY;
         ALTER POLICY mine ON c TO anon USING (p_id = 2);
         CREATE POLICY theirs ON c FOR INSERT WITH CHECK (true);`,
      ]),
    ).toEqual([
      'changed table "c": row level security enabled (was disabled)',
      'changed constraint "c_p_fk" on "c": validation NOT VALID (was validated)',
      'changed policy "mine" on "c": roles anon (was authenticated), USING p_id = 2 (was p_id = 1)',
      'added policy "theirs" on "c"',
    ]);
  });

  it('compares types, views, functions by signature, schemas and extensions', async () => {
    expect(
      await changesOf([
        `CREATE SCHEMA old; CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (id int);
         CREATE VIEW v AS SELECT * FROM t; CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select 1';`,
        `DROP SCHEMA old; CREATE EXTENSION citext; ALTER TYPE mood ADD VALUE 'b';
         ALTER VIEW v SET (security_invoker = on); CREATE FUNCTION f(text) RETURNS int LANGUAGE sql AS 'select 1';
         ALTER FUNCTION f(int) SECURITY DEFINER;`,
      ]),
    ).toEqual([
      'removed schema "old"',
      'added extension "citext"',
      `changed type "mood": labels 'a', 'b' (was 'a')`,
      'changed view "v": security_invoker on (was off)',
      'changed function "f(int4)": security DEFINER (was INVOKER)',
      'added function "f(text)"',
    ]);
  });

  it('compares expressions as Postgres reads them (parsed and deparsed), not as text', async () => {
    await Promise.all([loadParser(), loadDeparser()]);
    const same = (a: string, b: string) => normaliseExpression(a) === normaliseExpression(b);
    expect(same('NOW( )', 'now()')).toBe(true);
    expect(same('((a > 0))', 'a>0')).toBe(true);
    expect(same('a AND  b', 'A and B')).toBe(true);
    // Where the old text normaliser was wrong: redundant inner parentheses, two spellings of one
    // cast, and string constants that differ only in case.
    expect(same('(a) + (b)', 'a + b')).toBe(true);
    expect(same("interval '1 day'", "'1 day'::interval")).toBe(true);
    expect(same('CAST(x AS int)', 'x::int')).toBe(true);
    expect(same("'Active'", "'active'")).toBe(false);
    // pg_dump's parentheses around each AND / OR operand group nothing.
    expect(same('((a = 1) AND ((b IS NULL) AND (c IS NULL))) OR ((d) OR (e))', 'a = 1 AND b IS NULL AND c IS NULL OR d OR e')).toBe(true);
    expect(same('a AND (b OR c)', 'a AND b OR c')).toBe(false);
    expect(same('NOT (a AND b)', 'NOT a AND b')).toBe(false);
    expect(same('a > 0', 'a >= 0')).toBe(false);
    // Not one expression: compared as written, spacing collapsed.
    expect(normaliseExpression('a  +')).toBe('a +');
    expect(normaliseExpression('a, b')).toBe('a, b');
    expect(normaliseExpression(undefined)).toBe('none');
    expect(normaliseExpression('  ')).toBe('none');
  });

  it('objectState is equal exactly when the object is held alike', async () => {
    const { model } = await replay(['CREATE TABLE t (a int);', 'ALTER TABLE t ADD COLUMN b int;', 'ALTER TABLE t ALTER COLUMN b TYPE text;']);
    const column = { kind: 'column' as const, name: pub('t'), member: 'b' };
    expect(objectState(model.after(0), column)).toBeUndefined();
    expect(objectState(model.after(1), column)).toBeDefined();
    expect(objectState(model.after(1), column)).not.toBe(objectState(model.after(2), column));
    expect(objectState(model.after(1), { kind: 'table', name: pub('t') })).toBe(objectState(model.after(2), { kind: 'table', name: pub('t') }));
  });

  it('describes objects as messages name them', () => {
    expect(describeObject({ kind: 'column', name: pub('orders'), member: 'coupon' })).toBe('column "orders.coupon"');
    expect(describeObject({ kind: 'index', name: { schema: 'app', name: 'i' } })).toBe('index "app.i"');
    expect(describeObject({ kind: 'policy', name: pub('t'), member: 'p' })).toBe('policy "p" on "t"');
    expect(describeObject({ kind: 'function', name: pub('f'), args: ['int4', 'text'] })).toBe('function "f(int4, text)"');
    expect(describeObject({ kind: 'extension', name: { schema: 'pgcrypto', name: 'pgcrypto' } })).toBe('extension "pgcrypto"');
  });

  it('compares sequences only when both snapshots list them', async () => {
    const { model } = await replay(['CREATE SEQUENCE s;', 'DROP SEQUENCE s;']);
    expect(diffSnapshots(model.before(1), model.after(1))).toEqual([]);
    const listed = (s: SchemaSnapshot, names: string[]) => Object.assign(Object.create(s), { sequences: () => names.map((n) => ({ name: pub(n) })) });
    expect(lines(listed(model.before(1), ['s']), listed(model.after(1), []))).toEqual(['removed sequence "s"']);
  });

  it('finds the same differences between two states of one replay as between whole snapshots', async () => {
    // diffSnapshots narrows two snapshots of one catalog to what changed between them; a wrapper
    // that is not a Snapshot gets the whole comparison. Both must agree on every pair of states.
    const { model } = await replay([
      'CREATE SCHEMA app; CREATE TYPE mood AS ENUM (\'a\'); CREATE TABLE users (id serial PRIMARY KEY, mail text UNIQUE, age int); CREATE INDEX users_age ON users (age);',
      'CREATE TABLE posts (id int, author int REFERENCES users (id)); CREATE VIEW v AS SELECT * FROM posts; CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS \'select 1\';',
      'ALTER TABLE users RENAME COLUMN mail TO email; ALTER TABLE users ALTER COLUMN age TYPE bigint; DROP INDEX users_age; ALTER TYPE mood ADD VALUE \'b\';',
      'DROP VIEW v; ALTER TABLE posts RENAME TO articles; CREATE INDEX articles_author ON articles (author); DROP FUNCTION f(int);',
      'DROP TABLE articles; ALTER TABLE users ADD COLUMN nick text NOT NULL DEFAULT \'x\'; DROP SCHEMA app;',
    ]);
    const whole = (s: SchemaSnapshot): SchemaSnapshot => Object.create(s) as SchemaSnapshot;
    const renames: DiffOptions['renames'] = [
      { kind: 'column', from: 'mail', to: 'email' },
      { kind: 'table', from: 'posts', to: 'articles' },
    ];
    const states = [model.before(0), ...[0, 1, 2, 3, 4].map((i) => model.after(i))];
    let differences = 0;
    for (const a of states) {
      for (const b of states) {
        const narrowed = lines(a, b, { renames });
        expect(narrowed).toEqual(lines(whole(a), whole(b), { renames }));
        differences += narrowed.length;
      }
    }
    expect(differences).toBeGreaterThan(50);
  });
});

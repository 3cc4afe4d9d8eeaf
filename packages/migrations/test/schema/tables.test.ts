import { describe, expect, it } from 'vitest';
import { pub, q, replay } from './replay-helpers.js';

describe('replaySchema: tables and columns', () => {
  it('creates a table with normalised column types, nullability, defaults, identity and generated columns', async () => {
    const { model } = await replay([
      `CREATE TYPE mood AS ENUM ('happy', 'sad');
       CREATE TABLE users (
         id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
         n integer NOT NULL DEFAULT 0,
         email character varying(255) NOT NULL,
         tags text[] DEFAULT '{}'::text[],
         price numeric(10, 2),
         created_at timestamp with time zone DEFAULT now() NOT NULL,
         flag boolean DEFAULT (true AND false),
         feeling mood,
         lower_email text GENERATED ALWAYS AS (lower(email)) STORED,
         code char(3),
         ratio double precision,
         wait interval day to second
       );`,
    ]);
    const users = model.atEnd().table(pub('users'))!;
    expect(users.kind).toBe('table');
    expect(users.createdIn).toBe(0);
    const col = (name: string) => users.columns.find((c) => c.name === name)!;
    expect(users.columns.map((c) => c.name)).toEqual(['id', 'n', 'email', 'tags', 'price', 'created_at', 'flag', 'feeling', 'lower_email', 'code', 'ratio', 'wait']);
    expect(col('id')).toEqual({ name: 'id', type: 'int8', notNull: true, identity: 'always' });
    expect(col('n')).toEqual({ name: 'n', type: 'int4', notNull: true, default: '0' });
    expect(col('email').type).toBe('varchar(255)');
    expect(col('tags')).toEqual({ name: 'tags', type: 'text[]', notNull: false, default: "'{}'::text[]" });
    expect(col('price').type).toBe('numeric(10,2)');
    expect(col('created_at')).toEqual({ name: 'created_at', type: 'timestamptz', notNull: true, default: 'now()' });
    expect(col('flag').default).toBe('(true AND false)');
    expect(col('feeling').type).toBe('public.mood');
    expect(col('lower_email').generated).toBe('stored');
    expect(col('code').type).toBe('bpchar(3)');
    expect(col('ratio').type).toBe('float8');
    expect(col('wait').type).toBe('interval');
    // The identity column's sequence, named as Postgres names it.
    expect(model.atEnd().sequence(pub('users_id_seq'))?.ownedBy).toEqual({ table: pub('users'), column: 'id' });
  });

  it('serial columns become int4/int8 NOT NULL with a nextval default and an owned sequence', async () => {
    const { model } = await replay([`CREATE TABLE app_items (id serial, big bigserial); CREATE SCHEMA s; CREATE TABLE s.t (id smallserial);`]);
    const table = model.atEnd().table(pub('app_items'))!;
    expect(table.columns).toEqual([
      { name: 'id', type: 'int4', notNull: true, default: "nextval('app_items_id_seq'::regclass)" },
      { name: 'big', type: 'int8', notNull: true, default: "nextval('app_items_big_seq'::regclass)" },
    ]);
    expect(model.atEnd().table(q('s', 't'))!.columns[0]).toEqual({ name: 'id', type: 'int2', notNull: true, default: "nextval('s.t_id_seq'::regclass)" });
    expect(model.atEnd().sequence(pub('app_items_big_seq'))?.ownedBy?.column).toBe('big');
    expect(model.createdIn(0, 'sequence', pub('app_items_id_seq'))).toBe(true);
  });

  it('reads a default or check as written whether it is the first expression of its statement or a later one', async () => {
    // The first expression read in a statement is scanned from its own place on (expression-source.ts):
    // multi-byte text before it, a comment inside it and a CONSTRAINT name before it read as in the whole statement.
    const { model } = await replay([
      `CREATE TABLE "café" ("naïve" text, d text DEFAULT lower('Ü') /* kept out */ || 'x' NOT NULL);
       CREATE TABLE t2 (ü text, n int CONSTRAINT n_positive CHECK (n > 0 /* c */), m int CONSTRAINT m_default DEFAULT 7, k int DEFAULT (1 + 2));
       ALTER TABLE t2 ADD COLUMN é text CONSTRAINT é_default DEFAULT 'é' -- trailing
       ;
       CREATE TABLE t3 (CHECK (a <> 'ü'), a text DEFAULT 'ä', b int DEFAULT 2);`,
    ]);
    const cafe = model.atEnd().table(pub('café'))!;
    expect(cafe.columns[1]).toEqual({ name: 'd', type: 'text', notNull: true, default: "lower('Ü') || 'x'" });
    const t2 = model.atEnd().table(pub('t2'))!;
    expect(t2.constraints).toEqual([{ name: 'n_positive', kind: 'check', columns: ['n'], notValid: false, expression: 'n > 0' }]);
    expect(t2.columns.map((c) => c.default)).toEqual([undefined, undefined, '7', '(1 + 2)', "'é'"]);
    // Read after the columns' defaults, the table's CHECK comes before them in the text.
    const t3 = model.atEnd().table(pub('t3'))!;
    expect(t3.columns.map((c) => c.default)).toEqual(["'ä'", '2']);
    expect(t3.constraints.map((c) => c.expression)).toEqual(["a <> 'ü'"]);
  });

  it('ALTER TABLE ADD / ALTER / DROP COLUMN round trip across migrations', async () => {
    const { model } = await replay([
      `CREATE TABLE t (a int);`,
      `ALTER TABLE t ADD COLUMN b text NOT NULL DEFAULT 'x', ADD COLUMN c int;`,
      `ALTER TABLE t ALTER COLUMN a TYPE bigint USING a::bigint, ALTER COLUMN a SET NOT NULL, ALTER COLUMN c SET DEFAULT 42 + 1, ALTER COLUMN b DROP DEFAULT;`,
      `ALTER TABLE t ALTER COLUMN b DROP NOT NULL, DROP COLUMN c;`,
      `ALTER TABLE t ALTER COLUMN a ADD GENERATED BY DEFAULT AS IDENTITY;`,
      `ALTER TABLE t ALTER COLUMN a SET GENERATED ALWAYS;`,
      `ALTER TABLE t ALTER COLUMN a DROP IDENTITY;`,
    ]);
    expect(model.after(0).table(pub('t'))!.columns).toEqual([{ name: 'a', type: 'int4', notNull: false }]);
    expect(model.after(1).table(pub('t'))!.columns).toEqual([
      { name: 'a', type: 'int4', notNull: false },
      { name: 'b', type: 'text', notNull: true, default: "'x'" },
      { name: 'c', type: 'int4', notNull: false },
    ]);
    expect(model.after(2).table(pub('t'))!.columns).toEqual([
      { name: 'a', type: 'int8', notNull: true },
      { name: 'b', type: 'text', notNull: true },
      { name: 'c', type: 'int4', notNull: false, default: '42 + 1' },
    ]);
    expect(model.after(3).table(pub('t'))!.columns).toEqual([
      { name: 'a', type: 'int8', notNull: true },
      { name: 'b', type: 'text', notNull: false },
    ]);
    expect(model.after(4).table(pub('t'))!.columns[0]!.identity).toBe('by default');
    expect(model.after(4).sequence(pub('t_a_seq'))).toBeDefined();
    expect(model.after(5).table(pub('t'))!.columns[0]!.identity).toBe('always');
    expect(model.after(6).table(pub('t'))!.columns[0]!.identity).toBeUndefined();
    expect(model.after(6).sequence(pub('t_a_seq'))).toBeUndefined();
    // Earlier snapshots are untouched by later migrations (copy-on-write).
    expect(model.before(1).table(pub('t'))!.columns).toHaveLength(1);
  });

  it('ADD COLUMN IF NOT EXISTS on an existing column is a no-op; DROP COLUMN IF EXISTS on a missing one too', async () => {
    const { model } = await replay([`CREATE TABLE t (a int NOT NULL);`, `ALTER TABLE t ADD COLUMN IF NOT EXISTS a text; ALTER TABLE t DROP COLUMN IF EXISTS zzz;`]);
    expect(model.atEnd().table(pub('t'))!.columns).toEqual([{ name: 'a', type: 'int4', notNull: true }]);
    expect(model.skipped).toEqual([]);
  });

  it('CREATE TABLE IF NOT EXISTS on an existing table is a no-op, and not a creation', async () => {
    const { model } = await replay([`CREATE TABLE t (a int);`, `CREATE TABLE IF NOT EXISTS t (b text, c text);`]);
    expect(model.atEnd().table(pub('t'))!.columns.map((c) => c.name)).toEqual(['a']);
    expect(model.createdIn(0, 'table', pub('t'))).toBe(true);
    expect(model.createdIn(1, 'table', pub('t'))).toBe(false);
    expect(model.after(1).table(pub('t'))).toBe(model.after(0).table(pub('t')));
  });

  it('creating a table that exists (without IF NOT EXISTS) keeps the first and notes the statement', async () => {
    const { model } = await replay([`CREATE TABLE t (a int);`, `CREATE TABLE t (b int);`]);
    expect(model.atEnd().table(pub('t'))!.columns.map((c) => c.name)).toEqual(['a']);
    expect(model.skipped).toEqual([{ file: 'm/002.sql', offset: 0, kind: 'CreateStmt', reason: 'relation public.t already exists' }]);
  });

  it('renames keep the table, its columns, indexes, policies and the references to it', async () => {
    const { model } = await replay([
      `CREATE TABLE users (id int PRIMARY KEY, name text);
       CREATE INDEX users_name_idx ON users (name);
       CREATE TABLE posts (id int, author int REFERENCES users (id));
       CREATE VIEW v AS SELECT * FROM users;`,
      `ALTER TABLE users ENABLE ROW LEVEL SECURITY; CREATE POLICY p ON users USING (true);`,
      `ALTER TABLE users RENAME TO accounts;`,
      `ALTER TABLE accounts RENAME COLUMN id TO account_id;`,
    ]);
    const end = model.atEnd();
    expect(end.table(pub('users'))).toBeUndefined();
    const accounts = end.table(pub('accounts'))!;
    expect(accounts.columns.map((c) => c.name)).toEqual(['account_id', 'name']);
    expect(accounts.createdIn).toBe(0);
    expect(accounts.rlsEnabled).toBe(true);
    expect(accounts.policies.map((p) => p.name)).toEqual(['p']);
    expect(accounts.constraints).toEqual([{ name: 'users_pkey', kind: 'primary key', columns: ['account_id'], notValid: false }]);
    expect(end.index(pub('users_name_idx'))!.table).toEqual(pub('accounts'));
    expect(end.index(pub('users_pkey'))).toMatchObject({ table: pub('accounts'), columns: ['account_id'], unique: true });
    expect(end.table(pub('posts'))!.constraints[0]!.references).toEqual({ table: pub('accounts'), columns: ['account_id'] });
    expect(end.view(pub('v'))!.reads).toEqual([pub('accounts')]);
    // The rename migration did not create the table.
    expect(model.createdIn(2, 'table', pub('accounts'))).toBe(false);
    expect(model.before(2).table(pub('users'))!.columns.map((c) => c.name)).toEqual(['id', 'name']);
  });

  it('ALTER TABLE … SET SCHEMA moves the table with its indexes', async () => {
    const { model } = await replay([`CREATE SCHEMA archive; CREATE TABLE logs (id int PRIMARY KEY, at timestamptz); CREATE INDEX ON logs (at);`, `ALTER TABLE logs SET SCHEMA archive;`]);
    const end = model.atEnd();
    expect(end.table(pub('logs'))).toBeUndefined();
    expect(end.table(q('archive', 'logs'))!.columns).toHaveLength(2);
    expect(end.indexes(q('archive', 'logs')).map((i) => `${i.name.schema}.${i.name.name}`).sort()).toEqual(['archive.logs_at_idx', 'archive.logs_pkey']);
    expect(end.indexes(pub('logs'))).toEqual([]);
  });

  it('DROP TABLE removes it with its indexes and owned sequences; CASCADE also removes foreign keys and views on it', async () => {
    const { model } = await replay([
      `CREATE TABLE a (id serial PRIMARY KEY); CREATE TABLE b (a_id int REFERENCES a); CREATE VIEW va AS SELECT id FROM a; CREATE VIEW vva AS SELECT * FROM va;`,
      `DROP TABLE a CASCADE;`,
      `DROP TABLE IF EXISTS nothing_here; DROP TABLE b;`,
    ]);
    expect(model.after(0).table(pub('a'))).toBeDefined();
    expect(model.after(0).table(pub('b'))!.constraints).toEqual([
      { name: 'b_a_id_fkey', kind: 'foreign key', columns: ['a_id'], references: { table: pub('a'), columns: ['id'] }, notValid: false },
    ]);
    const after = model.after(1);
    expect(after.table(pub('a'))).toBeUndefined();
    expect(after.index(pub('a_pkey'))).toBeUndefined();
    expect(after.sequence(pub('a_id_seq'))).toBeUndefined();
    expect(after.table(pub('b'))!.constraints).toEqual([]);
    expect(after.views()).toEqual([]);
    expect(model.atEnd().tables()).toEqual([]);
    expect(model.skipped).toEqual([]);
  });

  it('DROP COLUMN removes the indexes and constraints over it (CASCADE: foreign keys pointing at it too)', async () => {
    const { model } = await replay([
      `CREATE TABLE t (id int PRIMARY KEY, a int UNIQUE, b int CHECK (b > 0), c int, d int);
       CREATE INDEX t_c_idx ON t (c);
       CREATE INDEX t_expr ON t (lower(d::text));
       CREATE INDEX t_partial ON t (id) WHERE c > 0;
       CREATE TABLE r (x int REFERENCES t (a));`,
      `ALTER TABLE t DROP COLUMN a CASCADE, DROP COLUMN b, DROP COLUMN c, DROP COLUMN d;`,
    ]);
    const before = model.before(1);
    expect(before.table(pub('t'))!.constraints.map((c) => `${c.kind}:${c.name}`)).toEqual(['primary key:t_pkey', 'unique:t_a_key', 'check:t_b_check']);
    expect(before.indexes(pub('t')).map((i) => i.name.name).sort()).toEqual(['t_a_key', 't_c_idx', 't_expr', 't_partial', 't_pkey']);
    expect(before.index(pub('t_expr'))).toMatchObject({ columns: [], expression: true, partial: false });
    expect(before.index(pub('t_partial'))).toMatchObject({ columns: ['id'], expression: false, partial: true });
    const after = model.after(1);
    expect(after.table(pub('t'))!.columns.map((c) => c.name)).toEqual(['id']);
    expect(after.table(pub('t'))!.constraints.map((c) => c.name)).toEqual(['t_pkey']);
    expect(after.indexes(pub('t')).map((i) => i.name.name)).toEqual(['t_pkey']);
    expect(after.table(pub('r'))!.constraints).toEqual([]);
  });

  it('partitioned tables, PARTITION OF, LIKE, INHERITS, unlogged and temporary tables', async () => {
    const { model } = await replay([
      `CREATE TABLE events (id bigint NOT NULL, at timestamptz NOT NULL DEFAULT now(), CHECK (id > 0)) PARTITION BY RANGE (at);
       CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
       CREATE TABLE events_copy (LIKE events INCLUDING DEFAULTS, extra text);
       CREATE TABLE events_all (LIKE events INCLUDING ALL);
       CREATE UNLOGGED TABLE cache (k text);
       CREATE TEMP TABLE scratch (k text);`,
    ]);
    const end = model.atEnd();
    expect(end.table(pub('events'))!.kind).toBe('partitioned');
    const partition = end.table(pub('events_2024'))!;
    expect(partition.kind).toBe('table');
    expect(partition.columns.map((c) => `${c.name}:${c.type}:${c.notNull}:${c.default ?? ''}`)).toEqual(['id:int8:true:', 'at:timestamptz:true:now()']);
    expect(end.table(pub('events_copy'))!.columns).toEqual([
      { name: 'id', type: 'int8', notNull: true },
      { name: 'at', type: 'timestamptz', notNull: true, default: 'now()' },
      { name: 'extra', type: 'text', notNull: false },
    ]);
    expect(end.table(pub('events_copy'))!.constraints).toEqual([]);
    expect(end.table(pub('events_all'))!.constraints.map((c) => c.kind)).toEqual(['check']);
    expect(end.table(pub('cache'))!.kind).toBe('unlogged');
    expect(end.table(q('pg_temp', 'scratch'))!.kind).toBe('temporary');
  });

  it('CREATE TABLE AS and SELECT INTO create tables with the selected columns', async () => {
    const { model } = await replay([`CREATE TABLE src (id int, name text); CREATE TABLE copy AS SELECT id, name AS label, 1 AS one FROM src; SELECT * INTO copy2 FROM src;`]);
    expect(model.atEnd().table(pub('copy'))!.columns).toEqual([
      { name: 'id', type: 'int4', notNull: false },
      { name: 'label', type: 'text', notNull: false },
      { name: 'one', type: 'unknown', notNull: false },
    ]);
    expect(model.atEnd().table(pub('copy2'))!.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(model.createdIn(0, 'table', pub('copy2'))).toBe(true);
  });

  it('ALTER TABLE IF EXISTS on a missing table changes nothing and invents nothing', async () => {
    const { model } = await replay([`ALTER TABLE IF EXISTS ghost ADD COLUMN a int;`]);
    expect(model.atEnd().tables()).toEqual([]);
    expect(model.atEnd().isExternal('table', pub('ghost'))).toBe(false);
  });

  it('ALTER TABLE ONLY applies like ALTER TABLE', async () => {
    const { model } = await replay([`CREATE TABLE t (a int);`, `ALTER TABLE ONLY public.t ALTER COLUMN a SET NOT NULL;`]);
    expect(model.atEnd().table(pub('t'))!.columns[0]!.notNull).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { pub, q, replay } from './replay-helpers.js';

describe('replaySchema: constraints', () => {
  it('cuts expression texts along Postgres\' scanner: whitespace after a parenthesis, comments, dollar quotes', async () => {
    // The hand lexer this replaced lost the checks (it counted a `)` again for the blank after it,
    // stopped one `)` early and kept "…"), so `char_length(b) <= 255` and `LENGTH(b) <= 255` compared equal.
    const { model } = await replay([
      `CREATE TABLE t (
         a int DEFAULT ( 1 ) + 2 NOT NULL,
         b text DEFAULT $x$it's$x$ /* note */ || 'y',
         CONSTRAINT len CHECK ((LENGTH(b) <= 255)),
         CONSTRAINT pos CHECK (((a > 0) -- positive
           AND (a < 10)))
       );
       ALTER TABLE t ALTER COLUMN a SET DEFAULT ( 3 ), ALTER COLUMN b SET DEFAULT 'z';`,
    ]);
    const t = model.atEnd().table(pub('t'))!;
    expect(t.columns.map((c) => c.default)).toEqual(['( 3 )', "'z'"]);
    expect(t.constraints.map((c) => c.expression)).toEqual(['(LENGTH(b) <= 255)', '((a > 0) AND (a < 10))']);
    const first = (await replay([
      `CREATE TABLE t (a int DEFAULT ( 1 ) + 2 NOT NULL, b text DEFAULT $x$it's$x$ /* note */ || 'y');`,
    ])).model.atEnd().table(pub('t'))!;
    expect(first.columns.map((c) => c.default)).toEqual(['( 1 ) + 2', "$x$it's$x$ || 'y'"]);
  });

  it('names constraints as Postgres does and keeps kinds, columns, targets and check text', async () => {
    const { model } = await replay([
      `CREATE TABLE orgs (id uuid PRIMARY KEY, slug text);
       CREATE TABLE members (
         org_id uuid NOT NULL REFERENCES orgs ON DELETE CASCADE,
         user_id uuid NOT NULL,
         role text CHECK (role IN ('owner', 'member')),
         lo int, hi int,
         PRIMARY KEY (org_id, user_id),
         UNIQUE (user_id, role),
         CONSTRAINT range_ok CHECK (lo <= hi),
         CHECK (lo > 0)
       );`,
    ]);
    const members = model.atEnd().table(pub('members'))!;
    expect(members.constraints).toEqual([
      { name: 'members_org_id_fkey', kind: 'foreign key', columns: ['org_id'], references: { table: pub('orgs'), columns: ['id'] }, notValid: false },
      { name: 'members_role_check', kind: 'check', columns: ['role'], notValid: false, expression: "role IN ('owner', 'member')" },
      { name: 'members_pkey', kind: 'primary key', columns: ['org_id', 'user_id'], notValid: false },
      { name: 'members_user_id_role_key', kind: 'unique', columns: ['user_id', 'role'], notValid: false },
      { name: 'range_ok', kind: 'check', columns: ['lo', 'hi'], notValid: false, expression: 'lo <= hi' },
      { name: 'members_lo_check', kind: 'check', columns: ['lo'], notValid: false, expression: 'lo > 0' },
    ]);
    expect(model.atEnd().index(pub('members_user_id_role_key'))).toEqual({ name: pub('members_user_id_role_key'), table: pub('members'), columns: ['user_id', 'role'], unique: true, partial: false, expression: false });
  });

  it('NOT VALID foreign keys and checks stay not valid until VALIDATE CONSTRAINT', async () => {
    const { model } = await replay([
      `CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (a_id int, n int);`,
      `ALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a_id) REFERENCES a (id) NOT VALID;
       ALTER TABLE b ADD CONSTRAINT n_pos CHECK (n > 0) NOT VALID;`,
      `ALTER TABLE b VALIDATE CONSTRAINT b_a_fk;`,
    ]);
    const at = (i: number) => Object.fromEntries(model.after(i).table(pub('b'))!.constraints.map((c) => [c.name, c.notValid]));
    expect(at(1)).toEqual({ b_a_fk: true, n_pos: true });
    expect(at(2)).toEqual({ b_a_fk: false, n_pos: true });
  });

  it('DROP CONSTRAINT removes the constraint and its index; IF EXISTS on a missing one is quiet', async () => {
    const { model } = await replay([
      `CREATE TABLE t (id int, email text, CONSTRAINT t_email_key UNIQUE (email));`,
      `ALTER TABLE t DROP CONSTRAINT t_email_key; ALTER TABLE t DROP CONSTRAINT IF EXISTS nope;`,
      `ALTER TABLE t DROP CONSTRAINT still_nope;`,
    ]);
    expect(model.after(0).index(pub('t_email_key'))).toBeDefined();
    expect(model.after(1).table(pub('t'))!.constraints).toEqual([]);
    expect(model.after(1).index(pub('t_email_key'))).toBeUndefined();
    expect(model.skipped.map((s) => s.reason)).toEqual(['DROP CONSTRAINT: constraint still_nope of public.t is not in the catalog']);
  });

  it('ADD PRIMARY KEY USING INDEX turns the index into the constraint', async () => {
    const { model } = await replay([`CREATE TABLE t (id int NOT NULL); CREATE UNIQUE INDEX CONCURRENTLY t_id_idx ON t (id);`, `ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx;`]);
    const end = model.atEnd();
    expect(end.index(pub('t_id_idx'))).toBeUndefined();
    expect(end.index(pub('t_pkey'))).toMatchObject({ columns: ['id'], unique: true });
    expect(end.table(pub('t'))!.constraints).toEqual([{ name: 't_pkey', kind: 'primary key', columns: ['id'], notValid: false }]);
  });

  it('RENAME CONSTRAINT renames the index of a unique constraint too', async () => {
    const { model } = await replay([`CREATE TABLE t (a int UNIQUE);`, `ALTER TABLE t RENAME CONSTRAINT t_a_key TO t_a_unique;`]);
    expect(model.atEnd().table(pub('t'))!.constraints[0]!.name).toBe('t_a_unique');
    expect(model.atEnd().index(pub('t_a_unique'))).toBeDefined();
    expect(model.atEnd().index(pub('t_a_key'))).toBeUndefined();
  });

  it('an exclusion constraint is kept with its index', async () => {
    const { model } = await replay([`CREATE TABLE booking (room int, during tstzrange, EXCLUDE USING gist (room WITH =, during WITH &&));`]);
    expect(model.atEnd().table(pub('booking'))!.constraints).toEqual([{ name: 'booking_room_during_excl', kind: 'exclusion', columns: ['room', 'during'], notValid: false }]);
    expect(model.atEnd().index(pub('booking_room_during_excl'))?.unique).toBe(false);
  });

  it('a foreign key without columns targets the primary key; to an unknown table it marks the table external', async () => {
    const { model } = await replay([`CREATE TABLE profiles (id uuid PRIMARY KEY REFERENCES auth.users ON DELETE CASCADE, org int REFERENCES orgs);`]);
    const fks = model.atEnd().table(pub('profiles'))!.constraints.filter((c) => c.kind === 'foreign key');
    expect(fks.map((c) => c.references)).toEqual([
      { table: q('auth', 'users'), columns: [] },
      { table: pub('orgs'), columns: [] },
    ]);
    expect(model.atEnd().isExternal('table', q('auth', 'users'))).toBe(true);
    expect(model.atEnd().isExternal('schema', q('auth', 'auth'))).toBe(true);
    expect(model.atEnd().isExternal('table', pub('profiles'))).toBe(false);
  });

  it('a self-referencing foreign key resolves to the table being created', async () => {
    const { model } = await replay([`CREATE TABLE nodes (id int PRIMARY KEY, parent int REFERENCES nodes);`]);
    expect(model.atEnd().table(pub('nodes'))!.constraints[1]).toMatchObject({ kind: 'foreign key', references: { table: pub('nodes'), columns: ['id'] } });
    expect(model.atEnd().isExternal('table', pub('nodes'))).toBe(false);
  });
});

describe('replaySchema: indexes', () => {
  it('keeps unique, partial and expression indexes and defaults names like Postgres', async () => {
    const { model } = await replay([
      `CREATE TABLE users (id int, email text, org int, deleted_at timestamptz, data jsonb);
       CREATE UNIQUE INDEX ON users (lower(email)) WHERE deleted_at IS NULL;
       CREATE INDEX ON users (org, id) INCLUDE (email);
       CREATE INDEX ON users ((data->>'kind'));
       CREATE INDEX ON users (org);
       CREATE INDEX named ON users USING btree (email DESC);`,
    ]);
    const end = model.atEnd();
    expect(end.indexes(pub('users')).map((i) => i.name.name)).toEqual(['users_lower_idx', 'users_org_id_email_idx', 'users_expr_idx', 'users_org_idx', 'named']);
    expect(end.index(pub('users_lower_idx'))).toEqual({ name: pub('users_lower_idx'), table: pub('users'), columns: [], unique: true, partial: true, expression: true });
    expect(end.index(pub('users_org_id_email_idx'))!.columns).toEqual(['org', 'id']);
    expect(end.index(pub('named'))).toMatchObject({ columns: ['email'], unique: false, partial: false, expression: false });
  });

  it('a second unnamed index over the same columns gets a numbered name', async () => {
    const { model } = await replay([`CREATE TABLE t (a int); CREATE INDEX ON t (a); CREATE INDEX ON t (a);`]);
    expect(model.atEnd().indexes(pub('t')).map((i) => i.name.name)).toEqual(['t_a_idx', 't_a_idx1']);
  });

  it('long default names are truncated to 63 bytes the way Postgres does', async () => {
    const table = 'a_really_long_table_name_that_goes_on_and_on_forever';
    const column = 'and_an_equally_long_column_name_for_good_measure';
    const { model } = await replay([`CREATE TABLE ${table} (${column} int); CREATE INDEX ON ${table} (${column});`]);
    const [index] = model.atEnd().indexes(pub(table));
    // makeObjectName: shorten the longer part first until name1_name2_idx fits 63 bytes.
    expect(index!.name.name).toBe('a_really_long_table_name_that_and_an_equally_long_column_na_idx');
    expect(index!.name.name.length).toBe(63);
  });

  it('CREATE INDEX IF NOT EXISTS on an existing index is a no-op; ALTER INDEX RENAME and DROP INDEX apply', async () => {
    const { model } = await replay([
      `CREATE TABLE t (a int, b int); CREATE INDEX t_a ON t (a);`,
      `CREATE INDEX IF NOT EXISTS t_a ON t (b);`,
      `ALTER INDEX t_a RENAME TO t_a_renamed;`,
      `DROP INDEX CONCURRENTLY IF EXISTS t_a_renamed;`,
    ]);
    expect(model.after(1).index(pub('t_a'))!.columns).toEqual(['a']);
    expect(model.createdIn(1, 'index', pub('t_a'))).toBe(false);
    expect(model.createdIn(0, 'index', pub('t_a'))).toBe(true);
    expect(model.after(2).index(pub('t_a'))).toBeUndefined();
    expect(model.after(2).index(pub('t_a_renamed'))!.columns).toEqual(['a']);
    expect(model.after(3).indexes()).toEqual([]);
  });

  it('renaming a primary key index renames the constraint', async () => {
    const { model } = await replay([`CREATE TABLE t (id int PRIMARY KEY);`, `ALTER INDEX t_pkey RENAME TO t_primary;`]);
    expect(model.atEnd().table(pub('t'))!.constraints[0]!.name).toBe('t_primary');
  });

  it('RENAME COLUMN follows into index columns, constraints and foreign keys elsewhere', async () => {
    const { model } = await replay([
      `CREATE TABLE a (id int PRIMARY KEY, code text); CREATE INDEX a_code ON a (code); CREATE TABLE b (a_id int REFERENCES a (id));`,
      `ALTER TABLE a RENAME COLUMN id TO a_id; ALTER TABLE a RENAME code TO slug;`,
    ]);
    const end = model.atEnd();
    expect(end.index(pub('a_code'))!.columns).toEqual(['slug']);
    expect(end.index(pub('a_pkey'))!.columns).toEqual(['a_id']);
    expect(end.table(pub('b'))!.constraints[0]!.references).toEqual({ table: pub('a'), columns: ['a_id'] });
    expect(model.before(1).index(pub('a_code'))!.columns).toEqual(['code']);
  });

  it('indexes on a materialized view belong to it and go with it', async () => {
    const { model } = await replay([`CREATE TABLE t (a int); CREATE MATERIALIZED VIEW mv AS SELECT a FROM t; CREATE UNIQUE INDEX mv_a ON mv (a);`, `DROP MATERIALIZED VIEW mv;`]);
    expect(model.after(0).index(pub('mv_a'))!.table).toEqual(pub('mv'));
    expect(model.atEnd().index(pub('mv_a'))).toBeUndefined();
    expect(model.atEnd().isExternal('table', pub('mv'))).toBe(false);
  });
});

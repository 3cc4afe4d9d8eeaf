import { describe, expect, it } from 'vitest';
import type { QualifiedName } from '@migralint/core';
import { OwnerIndex } from '../../src/schema/owner-index.js';
import { pub, q, replay } from './replay-helpers.js';

interface Owned {
  key: string;
  owner?: QualifiedName;
}

/** A Map and its OwnerIndex changed together, as VersionedMap changes them. */
function indexed() {
  const current = new Map<string, Owned>();
  const owners = new OwnerIndex<Owned>((v) => v.owner);
  owners.attach(current);
  const set = (key: string, owner?: QualifiedName) => {
    const value = { key, owner };
    owners.change(key, current.get(key), value);
    current.set(key, value);
  };
  const remove = (key: string) => {
    owners.change(key, current.get(key), undefined);
    current.delete(key);
  };
  // An index built only now, from the map as it is: the first questions read the map, then it is built.
  const late = (owner: QualifiedName) => {
    const fresh = new OwnerIndex<Owned>((v) => v.owner);
    fresh.attach(current);
    const answers = Array.from({ length: 12 }, () => fresh.valuesOf(owner).map((v) => v.key));
    expect(new Set(answers.map((a) => a.join()))).toHaveLength(1);
    return answers[0]!;
  };
  // What the replay did before the index: every value, filtered, in the map's order.
  const scanned = (owner: QualifiedName) => [...current.values()].filter((v) => v.owner?.schema === owner.schema && v.owner.name === owner.name).map((v) => v.key);
  const grouped = (owner: QualifiedName) => owners.valuesOf(owner).map((v) => v.key);
  return { set, remove, scanned, grouped, late };
}

describe('OwnerIndex', () => {
  it('lists what a table owns in the map’s order through adds, deletes, re-adds and owner changes', () => {
    const m = indexed();
    const t = pub('t');
    const u = pub('u');
    // Asked often enough to be built here, empty; kept up to date from now on.
    for (let i = 0; i < 12; i++) expect(m.grouped(t)).toEqual([]);
    m.set('a', t);
    m.set('free');
    m.set('b', u);
    m.set('c', t);
    expect(m.grouped(t)).toEqual(['a', 'c']);
    m.remove('a');
    m.set('a', t); // back at the end of the map
    expect(m.grouped(t)).toEqual(['c', 'a']);
    m.set('c', t); // a new value, same owner: same place
    expect(m.grouped(t)).toEqual(['c', 'a']);
    // `free` keeps its place in the map (before `b`, `c`, `a`) when it gets an owner.
    m.set('free', t);
    m.set('b', t);
    for (const owner of [t, u, q('app', 'none')]) {
      expect(m.grouped(owner)).toEqual(m.scanned(owner));
      expect(m.late(owner)).toEqual(m.scanned(owner));
    }
    expect(m.grouped(t)).toEqual(['free', 'b', 'c', 'a']);
    m.remove('free');
    m.remove('b');
    m.remove('c');
    m.remove('a');
    expect(m.grouped(t)).toEqual([]);
    m.set('d', t);
    expect(m.grouped(t)).toEqual(['d']);
  });

  it('drops and renames take a table’s indexes and owned sequences along (8,000 drops no longer read the whole schema each)', async () => {
    const { model } = await replay([
      `CREATE SEQUENCE spare; CREATE TABLE t (id serial PRIMARY KEY, name text, code int);
       CREATE INDEX t_name_idx ON t (name); CREATE INDEX t_code_idx ON t (code); ALTER SEQUENCE spare OWNED BY t.code;
       CREATE TABLE other (id serial);`,
      `ALTER TABLE t DROP COLUMN code;`,
      `ALTER TABLE t RENAME TO t2; CREATE SCHEMA app; ALTER TABLE t2 SET SCHEMA app;`,
      `DROP TABLE app.t2;`,
    ]);
    expect(model.after(0).indexes(pub('t')).map((i) => i.name.name)).toEqual(['t_pkey', 't_name_idx', 't_code_idx']);
    expect(model.after(0).sequence(pub('spare'))?.ownedBy).toEqual({ table: pub('t'), column: 'code' });
    // DROP COLUMN: its index and the sequence it owns go.
    expect(model.after(1).indexes(pub('t')).map((i) => i.name.name)).toEqual(['t_pkey', 't_name_idx']);
    expect(model.after(1).sequence(pub('spare'))).toBeUndefined();
    // The move takes the indexes and the serial's sequence into app.
    expect(model.after(2).indexes(q('app', 't2')).map((i) => i.name.name)).toEqual(['t_pkey', 't_name_idx']);
    expect(model.after(2).sequence(q('app', 't_id_seq'))?.ownedBy).toEqual({ table: q('app', 't2'), column: 'id' });
    expect(model.after(2).sequence(pub('t_id_seq'))).toBeUndefined();
    // DROP TABLE: everything of t2 goes, other's stay.
    expect(model.after(3).indexes().map((i) => i.name.name)).toEqual([]);
    expect(model.after(3).sequence(q('app', 't_id_seq'))).toBeUndefined();
    expect(model.after(3).sequence(pub('other_id_seq'))?.ownedBy).toEqual({ table: pub('other'), column: 'id' });
  });

  it('renames and CASCADE drops reach the foreign keys and views that refer to a table, and only those', async () => {
    const { model } = await replay([
      `CREATE TABLE a (id int PRIMARY KEY, code int UNIQUE); CREATE TABLE b (a_id int REFERENCES a, a_code int REFERENCES a (code));
       CREATE TABLE c (id int); CREATE VIEW va AS SELECT * FROM a; CREATE VIEW vva AS SELECT * FROM va; CREATE VIEW vc AS SELECT * FROM c;`,
      `ALTER TABLE a RENAME COLUMN code TO code2; ALTER TABLE a RENAME TO a2; ALTER TABLE c ADD COLUMN a_id int REFERENCES a2;`,
      `DROP TABLE a2 CASCADE;`,
    ]);
    const fks = (n: number, table: string) => model.after(n).table(pub(table))!.constraints.filter((c) => c.kind === 'foreign key').map((c) => `${c.columns}->${c.references!.table.name}(${c.references!.columns})`);
    expect(fks(1, 'b')).toEqual(['a_id->a2(id)', 'a_code->a2(code2)']);
    expect(fks(1, 'c')).toEqual(['a_id->a2(id)']);
    expect(model.after(1).view(pub('va'))!.reads).toEqual([pub('a2')]);
    expect(fks(2, 'b')).toEqual([]);
    expect(fks(2, 'c')).toEqual([]);
    expect(model.after(2).views().map((v) => v.name.name)).toEqual(['vc']);
  });
});

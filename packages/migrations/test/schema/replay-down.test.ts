import { describe, expect, it } from 'vitest';
import type { MigrationPart, MigrationSet, SchemaModel, SourceFile } from '@migralint/core';
import { diffSnapshots, describeObject } from '../../src/schema/diff-snapshots.js';
import { replayDown } from '../../src/schema/replay-down.js';
import { replaySchema } from '../../src/schema/replay-schema.js';
import { parseFiles, pub, q } from './replay-helpers.js';

/** A history of migrations with an up and (optionally) a down each, replayed like buildModel would. */
async function history(migrations: ReadonlyArray<{ up: string; down?: string }>, settings: Record<string, unknown> = {}) {
  const inputs = migrations.flatMap((m, i) => {
    const v = String(i + 1).padStart(3, '0');
    return [{ path: `m/${v}.up.sql`, sql: m.up }, ...(m.down === undefined ? [] : [{ path: `m/${v}.down.sql`, sql: m.down }])];
  });
  const files = await parseFiles(inputs);
  const part = (path: string, direction: 'up' | 'down'): MigrationPart => ({
    file: path,
    direction,
    range: { start: 0, end: files.get(path)!.text.length },
    transaction: 'transaction',
    transactionReason: 'test',
  });
  const set: MigrationSet = {
    layout: 'golang-migrate',
    dir: 'm',
    supportsDown: true,
    migrations: migrations.map((m, index) => {
      const v = String(index + 1).padStart(3, '0');
      return { index, version: v, name: `m${v}`, up: [part(`m/${v}.up.sql`, 'up')], down: m.down === undefined ? [] : [part(`m/${v}.down.sql`, 'down')] };
    }),
  };
  const model = replaySchema({ set, files, settings: { postgresVersion: 17, ...settings } });
  const roundTrip = (index: number) => replayDown({ model, set, index, files })!;
  const differences = (index: number) => {
    const trip = roundTrip(index);
    return diffSnapshots(trip.before, trip.afterDown).map((d) => `${d.change} ${describeObject(d.object)}`);
  };
  return { model, set, files, roundTrip, differences };
}

const VARIED_UP = `
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TYPE app.mood AS ENUM ('sad', 'happy');
CREATE TABLE app.users (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, mood app.mood DEFAULT 'happy');
CREATE TABLE app.posts (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author bigint REFERENCES app.users (id), body text CHECK (length(body) > 0));
CREATE INDEX posts_author_idx ON app.posts (author) WHERE body IS NOT NULL;
ALTER TABLE app.posts ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_own ON app.posts FOR SELECT TO authenticated USING (author = 1);
CREATE VIEW app.recent WITH (security_invoker = true) AS SELECT * FROM app.posts;
CREATE FUNCTION app.touch(int) RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = '' AS 'select 1';
`;

const VARIED_DOWN = `
DROP FUNCTION app.touch(int);
DROP VIEW app.recent;
DROP TABLE app.posts;
DROP TABLE app.users;
DROP TYPE app.mood;
DROP EXTENSION pgcrypto;
DROP SCHEMA app;
`;

describe('replayDown', () => {
  it('replays the up to exactly the model’s after(i), and a complete down back to before(i)', async () => {
    const h = await history([{ up: 'CREATE TABLE keep (id int);' }, { up: VARIED_UP, down: VARIED_DOWN }]);
    const trip = h.roundTrip(1);
    expect(diffSnapshots(h.model.after(1), trip.afterUp)).toEqual([]);
    expect(diffSnapshots(h.model.before(1), trip.before)).toEqual([]);
    expect(trip.afterUp.tables().map((t) => t.name)).toEqual(h.model.after(1).tables().map((t) => t.name));
    expect(trip.afterUp.sequences().map((s) => s.name.name).sort()).toEqual(['posts_id_seq', 'users_id_seq']);
    expect(trip.skipped).toEqual([]);
    expect(diffSnapshots(trip.before, trip.afterDown)).toEqual([]);
    expect(trip.afterDown.tables().map((t) => t.name)).toEqual([pub('keep')]);
  });

  it('gives every statement of the up and then the down a snapshot of its own', async () => {
    const h = await history([{ up: 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);', down: 'DROP TABLE b;\nDROP TABLE a;' }]);
    const trip = h.roundTrip(0);
    expect(trip.up.map((s) => s.statement.text)).toEqual(['CREATE TABLE a (id int)', 'CREATE TABLE b (id int)']);
    expect(trip.up.map((s) => s.after.tables().length)).toEqual([1, 2]);
    expect(trip.down.map((s) => [s.part.direction, s.after.tables().length])).toEqual([
      ['down', 1],
      ['down', 0],
    ]);
    expect(trip.afterUp).toBe(trip.up[1]!.after);
    expect(trip.afterDown).toBe(trip.down[1]!.after);
  });

  it('never changes the model: its snapshots are the same before and after a replay', async () => {
    const h = await history([
      { up: 'CREATE TABLE t (a int, b text);', down: 'DROP TABLE t;' },
      { up: 'ALTER TABLE t ADD COLUMN c int;', down: 'ALTER TABLE t DROP COLUMN c, DROP COLUMN a; ALTER TABLE t ALTER COLUMN b TYPE varchar(5);' },
    ]);
    const before = JSON.stringify([h.model.before(1).tables(), h.model.after(1).tables(), h.model.atEnd().tables()]);
    const trip = h.roundTrip(1);
    expect(trip.afterDown.table(pub('t'))!.columns.map((c) => `${c.name} ${c.type}`)).toEqual(['b varchar(5)']);
    expect(JSON.stringify([h.model.before(1).tables(), h.model.after(1).tables(), h.model.atEnd().tables()])).toBe(before);
    expect(h.model.createdIn(1, 'table', pub('t'))).toBe(false);
  });

  it('names what a partial down leaves behind', async () => {
    const h = await history([
      { up: 'CREATE TABLE users (id int PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);', down: 'DROP TABLE users;' },
      { up: 'CREATE TABLE orders (id int);\nALTER TABLE users ADD COLUMN coupon text;\nDROP INDEX users_email_idx;', down: 'DROP TABLE orders;' },
    ]);
    expect(h.differences(0)).toEqual([]);
    expect(h.differences(1)).toEqual(['added column "users.coupon"', 'removed index "users_email_idx"']);
  });

  it('follows the down’s search_path and the statements it does not understand', async () => {
    const h = await history([
      { up: 'CREATE SCHEMA app; CREATE TABLE app.t (id int);', down: 'SET search_path = app;\nDROP TABLE t;\nDROP SCHEMA app;' },
      { up: 'CREATE TABLE u (id int);', down: "DO $$ BEGIN EXECUTE 'DROP TABLE u'; END $$;" },
    ]);
    expect(h.differences(0)).toEqual([]);
    const trip = h.roundTrip(1);
    // The down's DO block runs its constant EXECUTE (issue #15): nothing is skipped, u is gone.
    expect(trip.skipped).toEqual([]);
    expect(trip.afterDown.table(pub('u'))).toBeUndefined();
    expect(h.model.skipped).toEqual([]);
  });

  it('keeps objects found on the way (external stubs) on both sides, and leaves the model’s registry alone', async () => {
    const h = await history([
      { up: 'CREATE TABLE a (id int);', down: 'DROP TABLE a;' },
      { up: 'ALTER TABLE legacy ADD COLUMN note text;', down: 'ALTER TABLE legacy DROP COLUMN note;\nCREATE TABLE b (id int); DROP TABLE b;' },
      { up: 'CREATE INDEX ON storage_objects (id);', down: 'DROP INDEX storage_objects_id_idx;\nALTER TABLE other_external ADD COLUMN x int;' },
    ]);
    expect(h.differences(1)).toEqual([]);
    expect(h.roundTrip(1).before.table(pub('legacy'))).toMatchObject({ columns: [] });
    // The down of 003 touches a table nobody created: a stub on both sides of the comparison.
    expect(h.differences(2)).toEqual(['added column "other_external.x"']);
    expect(h.model.atEnd().isExternal('table', pub('other_external'))).toBe(false);
    expect(h.model.atEnd().table(pub('other_external'))).toBeUndefined();
  });

  it('answers undefined for a model it cannot start from, and for an index outside the history', async () => {
    const h = await history([{ up: 'CREATE TABLE a (id int);', down: 'DROP TABLE a;' }]);
    const m = h.model;
    const fake: SchemaModel = { before: (i) => m.before(i), after: (i) => m.after(i), atEnd: () => m.atEnd(), createdIn: (...a) => m.createdIn(...a), resolve: (...a) => m.resolve(...a), identify: (...a) => m.identify(...a), identifyColumn: (...a) => m.identifyColumn(...a), skipped: [] };
    expect(replayDown({ model: fake, set: h.set, index: 0, files: h.files })).toBeUndefined();
    expect(replayDown({ model: h.model, set: h.set, index: 5, files: h.files })).toBeUndefined();
  });

  it('notes a part whose file was not parsed', async () => {
    const h = await history([{ up: 'CREATE TABLE a (id int);', down: 'DROP TABLE a;' }]);
    const files = new Map<string, SourceFile>([...h.files].filter(([path]) => !path.endsWith('.down.sql')));
    const trip = replayDown({ model: h.model, set: h.set, index: 0, files })!;
    expect(trip.skipped).toMatchObject([{ file: 'm/001.down.sql', kind: 'File' }]);
    expect(trip.afterDown).toBe(trip.afterUp);
  });

  it('starts a temporary table lookup from the model’s state', async () => {
    const h = await history([
      { up: 'CREATE TEMP TABLE scratch (id int); CREATE TABLE scratch (id int);', down: 'DROP TABLE pg_temp.scratch; DROP TABLE public.scratch;' },
      { up: 'ALTER TABLE scratch ADD COLUMN x int;', down: 'ALTER TABLE scratch DROP COLUMN x;' },
    ]);
    expect(h.differences(0)).toEqual([]);
    expect(h.differences(1)).toEqual([]);
    expect(h.roundTrip(1).afterUp.table(q('pg_temp', 'scratch'))!.columns.map((c) => c.name)).toEqual(['id', 'x']);
  });
});

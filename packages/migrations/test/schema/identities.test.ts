// Object identity in the replay: a create makes an identity, a rename moves the name to it, and
// what a name stands for is asked at a statement, not at the end of its migration.
import { describe, expect, it } from 'vitest';
import { pub, replay } from './replay-helpers.js';

/** The place of the statement that starts with `text` in migration file `file`. */
function at(files: Array<{ path: string; text: string }>, index: number, text: string) {
  const file = files[index]!;
  const offset = file.text.indexOf(text);
  if (offset === -1) throw new Error(`${text} is not in ${file.path}`);
  return { file: file.path, offset };
}

describe('object identity in the replay', () => {
  it('a renamed table keeps its identity; its old name is known for the migration that renamed it', async () => {
    const { model, files } = await replay(['CREATE TABLE t (a int);', 'SELECT 1;\nALTER TABLE t RENAME TO u;\nSELECT 2;']);
    const original = model.before(1).table(pub('t'))!;
    const afterRename = model.identify(1, at(files, 1, 'SELECT 2'), 'table', pub('u'));
    expect(afterRename).toEqual({ id: original.id, createdIn: 0, nameBefore: pub('t') });
    expect(model.after(1).table(pub('u'))!.id).toBe(original.id);
    // Before the rename statement the name `u` stands for nothing and `t` for the original.
    expect(model.identify(1, at(files, 1, 'SELECT 1'), 'table', pub('u'))).toBeUndefined();
    expect(model.identify(1, at(files, 1, 'ALTER TABLE'), 'table', pub('t'))).toMatchObject({ id: original.id, nameBefore: pub('t') });
  });

  it('a dropped and re-created table is a new object from its CREATE on', async () => {
    const { model, files } = await replay(['CREATE TABLE t (a int);', 'DROP TABLE t;\nCREATE TABLE t (b text);\nSELECT 1;']);
    const old = model.identify(1, at(files, 1, 'DROP'), 'table', pub('t'))!;
    const made = model.identify(1, at(files, 1, 'SELECT 1'), 'table', pub('t'))!;
    expect(old.createdIn).toBe(0);
    expect(made.createdIn).toBe(1);
    expect(made.id).not.toBe(old.id);
    expect(model.identify(1, at(files, 1, 'CREATE'), 'table', pub('t'))).toBeUndefined();
  });

  it('the table swap: the dropped `t` is the old one, the renamed `t_new` is new', async () => {
    const { model, files } = await replay(['CREATE TABLE t (a int);', 'CREATE TABLE t_new (a bigint);\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;\nSELECT 1;']);
    expect(model.identify(1, at(files, 1, 'DROP'), 'table', pub('t'))).toMatchObject({ createdIn: 0 });
    expect(model.identify(1, at(files, 1, 'SELECT 1'), 'table', pub('t'))).toMatchObject({ createdIn: 1 });
    expect(model.identify(1, at(files, 1, 'SELECT 1'), 'table', pub('t'))!.nameBefore).toBeUndefined();
  });

  it('columns: a rename keeps the column and its type; ADD COLUMN makes a new one; a table rename does not disturb them', async () => {
    const { model, files } = await replay([
      'CREATE TABLE t (a varchar(50));',
      'ALTER TABLE t RENAME COLUMN a TO b;\nALTER TABLE t RENAME TO u;\nALTER TABLE u ADD COLUMN c int;\nSELECT 1;',
    ]);
    const place = at(files, 1, 'SELECT 1');
    const b = model.identifyColumn(1, place, pub('u'), 'b')!;
    expect(b).toMatchObject({ createdIn: 0, before: { name: 'a', type: 'varchar(50)' } });
    expect(b.id).toBe(model.before(1).table(pub('t'))!.columns[0]!.id);
    expect(model.identifyColumn(1, place, pub('u'), 'c')).toEqual({ id: expect.any(Number), createdIn: 1 });
    expect(model.identifyColumn(1, place, pub('u'), 'a')).toBeUndefined();
    // Before the rename, `a` is the column and `b` nothing.
    expect(model.identifyColumn(1, at(files, 1, 'ALTER TABLE t RENAME COLUMN'), pub('t'), 'a')).toMatchObject({ id: b.id });
    expect(model.identifyColumn(1, at(files, 1, 'ALTER TABLE t RENAME COLUMN'), pub('t'), 'b')).toBeUndefined();
  });

  it('indexes and types keep their identity across renames too', async () => {
    const { model, files } = await replay([
      "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCREATE TYPE mood AS ENUM ('ok');",
      'ALTER INDEX t_a RENAME TO t_a_idx;\nALTER TYPE mood RENAME TO feeling;\nSELECT 1;',
    ]);
    const place = at(files, 1, 'SELECT 1');
    expect(model.identify(1, place, 'index', pub('t_a_idx'))).toMatchObject({ id: model.before(1).index(pub('t_a'))!.id, nameBefore: pub('t_a') });
    expect(model.identify(1, place, 'type', pub('feeling'))).toMatchObject({ id: model.before(1).type(pub('mood'))!.id, nameBefore: pub('mood') });
  });
});

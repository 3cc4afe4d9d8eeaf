// empty-down on a migration whose up and down are each split over several files (Ory popx runs the
// steps of one change, `<ts><step>_<name>.postgres.{up,down}.sql`, as one migration: its downs are
// shifted, so one step's down may be empty while another's does the rollback). The model is the
// real one built from golang-migrate-style files, with the steps of one change joined into one
// migration the way a layout that knows such changes reports them.
import { describe, expect, it } from 'vitest';
import { runEngine, type BuildModelInput, type ProjectModel } from '@migralint/core';
import { buildModel, sectionBreaks } from '@migralint/migrations';
import rollback from '../src/index.js';

/** The real model, with migrations 1 and 2 (the steps of one change) joined: ups in step order, downs reversed. */
function joinedSteps(input: BuildModelInput): ProjectModel {
  const model = buildModel(input);
  for (const set of model.sets) {
    const [first, ...rest] = set.migrations.slice(1, 3);
    if (!first || rest.length === 0) continue;
    const change = { ...first, up: [first.up, ...rest.map((m) => m.up)].flat(), down: [...rest.map((m) => m.down).reverse(), first.down].flat() };
    set.migrations = [set.migrations[0]!, change, ...set.migrations.slice(3)].map((m, index) => ({ ...m, index }));
  }
  return model;
}

async function emptyDowns(files: Record<string, string>): Promise<string[]> {
  const result = await runEngine(
    { files: Object.entries(files).map(([path, code]) => ({ path, content: code })), config: { plugins: [rollback], rules: { 'rollback/empty-down': 'error' }, settings: {} as never } },
    { buildModel: joinedSteps, sectionBreaks },
  );
  return result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === 'rollback/empty-down').map((m) => `${f.path}:${m.line}`));
}

const D = 'db/migrations';
const USERS = { [`${D}/001_users.up.sql`]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n', [`${D}/001_users.down.sql`]: 'DROP TABLE users;\n' };

/** A change in two steps: the first creates the table, the second indexes it; their downs as given. */
const steps = (firstDown: string, secondDown: string) => ({
  ...USERS,
  [`${D}/002_tuples.up.sql`]: 'CREATE TABLE tuples (id bigint PRIMARY KEY);\n',
  [`${D}/002_tuples.down.sql`]: firstDown,
  [`${D}/003_tuples.up.sql`]: 'CREATE INDEX tuples_id ON tuples (id);\n',
  [`${D}/003_tuples.down.sql`]: secondDown,
});

describe('rollback/empty-down on a down split over several files', () => {
  it('one step’s down is empty while another’s drops the table: the change’s down is not empty', async () => {
    expect(await emptyDowns(steps('', 'DROP TABLE tuples;\n'))).toEqual([]);
  });

  it('every down step empty: reported once, at the first down part', async () => {
    expect(await emptyDowns(steps('', '-- nothing\n'))).toEqual([`${D}/003_tuples.down.sql:1`]);
  });
});

// Object identity across renames, as a user meets it: multi-file histories through the real
// binary. The replay follows objects, not names, so a renamed column that is then dropped is the
// column that held data, a table swapped in by rename does not hide the drop of the old one, and a
// column's type survives its rename.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const INIT = 'supabase/migrations/20260101000000_init.sql';
const NEXT = 'supabase/migrations/20260102000000_change.sql';

/** `file:line ruleId` of every finding of these rules, linting the whole project. */
async function findings(files: Record<string, string>, rules: string[]): Promise<string[]> {
  const dir = makeProject({
    'migralint.config.json': JSON.stringify({ rules: Object.fromEntries(rules.map((r) => [r, 'error'])) }),
    ...files,
  });
  const run = await runCli(['--format', 'json', 'supabase/migrations'], { cwd: dir });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string; line: number }> }> };
  return report.files.flatMap((f) => f.messages.filter((m) => rules.includes(m.ruleId)).map((m) => `${f.path}:${m.line} ${m.ruleId}`));
}

describe('object identity in the replay (CLI, multi-file histories)', () => {
  it('reports dropping a pre-existing column renamed earlier in the same migration', async () => {
    const result = await findings(
      {
        [INIT]: 'CREATE TABLE users (id bigint PRIMARY KEY, legacy text);\n',
        [NEXT]: 'ALTER TABLE users RENAME COLUMN legacy TO legacy_old;\nALTER TABLE users DROP COLUMN legacy_old;\n',
      },
      ['destructive/no-drop-column'],
    );
    expect(result).toEqual([`${NEXT}:2 destructive/no-drop-column`]);
  });

  it('reports the drop in a table swap (DROP TABLE t; ALTER TABLE t_new RENAME TO t)', async () => {
    const result = await findings(
      {
        [INIT]: 'CREATE TABLE t (id bigint PRIMARY KEY, v text);\n',
        [NEXT]: 'CREATE TABLE t_new (id bigint PRIMARY KEY, v text NOT NULL);\nINSERT INTO t_new SELECT id, coalesce(v, \'\') FROM t;\nDROP TABLE t;\nALTER TABLE t_new RENAME TO t;\n',
      },
      ['destructive/no-drop-table', 'destructive/no-rename-table'],
    );
    // The old `t` holds the data; `t_new` is new, so renaming it is fine.
    expect(result).toEqual([`${NEXT}:3 destructive/no-drop-table`]);
  });

  it('does not call a widening varchar change rewriting when the column was renamed first', async () => {
    const rules = ['destructive/no-column-type-change'];
    const init = 'CREATE TABLE users (id bigint PRIMARY KEY, name varchar(50));\n';
    // Renamed in the same migration, and in an earlier one: the type follows the column.
    expect(await findings({ [INIT]: init, [NEXT]: 'ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE users ALTER COLUMN full_name TYPE varchar(200);\n' }, rules)).toEqual([]);
    expect(
      await findings(
        {
          [INIT]: init + 'ALTER TABLE users RENAME COLUMN name TO full_name;\n',
          [NEXT]: 'ALTER TABLE users ALTER COLUMN full_name TYPE varchar(200);\n',
        },
        rules,
      ),
    ).toEqual([]);
    // Narrowing is still a rewrite (and may fail): the type was known, so the rule can say so.
    expect(await findings({ [INIT]: init, [NEXT]: 'ALTER TABLE users RENAME COLUMN name TO full_name;\nALTER TABLE users ALTER COLUMN full_name TYPE int USING 0;\n' }, rules)).toEqual([
      `${NEXT}:2 destructive/no-column-type-change`,
    ]);
  });

  it('stays quiet on renaming and dropping what the same migration created', async () => {
    const result = await findings(
      {
        [INIT]: 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        [NEXT]: [
          'CREATE TABLE staging (id bigint, a text);',
          'ALTER TABLE staging RENAME COLUMN a TO b;',
          'ALTER TABLE staging DROP COLUMN b;',
          'ALTER TABLE users ADD COLUMN tmp text;',
          'ALTER TABLE users RENAME COLUMN tmp TO tmp2;',
          'ALTER TABLE users DROP COLUMN tmp2;',
          'ALTER TABLE staging RENAME TO staging_old;',
          'DROP TABLE staging_old;',
          '',
        ].join('\n'),
      },
      ['destructive/no-drop-column', 'destructive/no-drop-table', 'destructive/no-rename-column', 'destructive/no-rename-table'],
    );
    expect(result).toEqual([]);
  });
});

import { RuleTester } from '@migralint/rule-tester';
import { hashText } from '@migralint/migrations';
import history from '../src/index.js';
import rule from '../src/rules/edited-migration.js';
import { lockOf, runHistoryCases } from './history-cases.js';

const DIR = 'supabase/migrations';
const LOCKFILE = `${DIR}/migralint.lock`;
const USERS = `${DIR}/20240101000000_create_users.sql`;
const EMAIL = `${DIR}/20240102000000_add_email.sql`;
const INDEX = `${DIR}/20240103000000_add_index.sql`;

const HISTORY = [
  { path: USERS, code: '-- 👤 users\nCREATE TABLE public.users (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  "résumé" text\n);\n' },
  { path: EMAIL, code: 'ALTER TABLE public.users ADD COLUMN email text;\n' },
  { path: INDEX, code: 'CREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);\n' },
];
const LOCK = await lockOf(HISTORY);
const withCode = (path: string, code: string) => HISTORY.map((f) => (f.path === path ? { path, code } : f));
const without = (path: string) => HISTORY.filter((f) => f.path !== path);
const AT_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const SINCE_LOCK = `since it was locked in ${LOCKFILE}`;
const short = (sha: string) => `${sha.slice(0, 12)}…`;

// Sqitch: the plan, not file names, gives the order, so the same files can be reordered.
const SQITCH = [
  { path: 'db/deploy/users.sql', code: 'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n' },
  { path: 'db/deploy/teams.sql', code: 'BEGIN;\nCREATE TABLE teams (id bigint);\nCOMMIT;\n' },
  { path: 'db/deploy/members.sql', code: 'BEGIN;\nCREATE TABLE members (id bigint);\nCOMMIT;\n' },
];
const plan = (...changes: string[]) => `%syntax-version=1.0.0\n%project=app\n\n${changes.map((c) => `${c} 2024-01-01T00:00:00Z Ann <ann@example.com> # ${c}`).join('\n')}\n`;
const SQITCH_LOCK = await lockOf(SQITCH, { 'db/sqitch.plan': plan('users', 'teams', 'members') });

// Two branches each added a migration after 20240103; the conflict was resolved by keeping both lines.
const OURS = [...HISTORY, { path: `${DIR}/20240104000000_ours.sql`, code: 'ALTER TABLE public.users ADD COLUMN a int;\n' }];
const THEIRS = [...HISTORY, { path: `${DIR}/20240105000000_theirs.sql`, code: 'ALTER TABLE public.users ADD COLUMN b int;\n' }];
const oursLock = (await lockOf(OURS))[LOCKFILE]!;
const theirsLast = (await lockOf(THEIRS))[LOCKFILE]!.split('\n').find((l) => l.includes('_theirs.sql'))!;
const HAND_MERGED = oursLock.replace(/\}\n {2}\]/, `},\n${theirsLast}\n  ]`);

new RuleTester({ plugins: [history] }).run('history/edited-migration', rule, {
  valid: [
    { name: 'no lockfile and no git scope: nothing to compare with, nothing reported', files: withCode(EMAIL, 'ALTER TABLE public.users ADD COLUMN email citext;\n') },
    { name: 'a file outside any migration set', files: [{ path: 'scratch.sql', code: 'SELECT 1;' }] },
    { name: 'golang-migrate pairs, no lockfile', files: [{ path: 'db/migrations/001_a.up.sql', code: 'CREATE TABLE a (id int);' }, { path: 'db/migrations/001_a.down.sql', code: 'DROP TABLE a;' }] },
  ],
  invalid: [],
  invalidOptions: [{ checkDown: false }],
});

runHistoryCases('history/edited-migration', rule, {
  valid: [
    { name: 'the files are what the lockfile says', files: HISTORY, aux: LOCK },
    {
      name: 'a new migration after the last locked one (the lockfile is only out of date)',
      files: [...HISTORY, { path: `${DIR}/20240104000000_add_name.sql`, code: 'ALTER TABLE public.users ADD COLUMN name text;\n' }],
      aux: LOCK,
    },
    { name: 'CRLF line ends and a BOM are no edit', files: withCode(EMAIL, '\uFEFFALTER TABLE public.users ADD COLUMN email text;\r\n'), aux: LOCK },
    {
      name: 'a Flyway repeatable migration may change: it is not locked',
      files: [
        { path: 'sql/V1__init.sql', code: 'CREATE TABLE t (id int);' },
        { path: 'sql/R__views.sql', code: 'CREATE OR REPLACE VIEW v AS SELECT id, 2 AS two FROM t;' },
      ],
      aux: await lockOf([
        { path: 'sql/V1__init.sql', code: 'CREATE TABLE t (id int);' },
        { path: 'sql/R__views.sql', code: 'CREATE OR REPLACE VIEW v AS SELECT id FROM t;' },
      ]),
    },
    { name: 'git: only new migrations since REF', files: [...HISTORY, { path: `${DIR}/20240104000000_x.sql`, code: 'SELECT 1;\n' }], git: { added: [`${DIR}/20240104000000_x.sql`] } },
    {
      name: 'git: only the line ends changed since REF',
      files: withCode(EMAIL, 'ALTER TABLE public.users ADD COLUMN email text;\r\n'),
      git: { modified: [EMAIL], atRef: { [EMAIL]: HISTORY[1]!.code } },
    },
    { name: 'git: a deleted file that is not in a migration set', files: HISTORY, git: { deleted: ['docs/notes.sql', `${DIR}/README.md`] } },
  ],
  invalid: [
    {
      name: 'an edit, with only the lockfile: the hash changed',
      files: withCode(EMAIL, 'ALTER TABLE public.users ADD COLUMN email citext;\n'),
      aux: LOCK,
      errors: [
        {
          file: EMAIL,
          messageId: 'edited',
          ...AT_START,
          data: {
            file: EMAIL,
            since: SINCE_LOCK,
            change: `its SHA-256 is now ${short(hashText('ALTER TABLE public.users ADD COLUMN email citext;\n'))}, the lockfile has ${short(hashText(HISTORY[1]!.code))}`,
          },
        },
      ],
    },
    {
      name: 'an edit, with the lockfile and git: the first changed line, at that line (CRLF, non-ASCII)',
      files: withCode(USERS, '-- 👤 users\r\nCREATE TABLE public.users (\r\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\r\n  "résumé" jsonb\r\n);\r\n'),
      aux: LOCK,
      git: { modified: [USERS], atRef: { [USERS]: HISTORY[0]!.code } },
      errors: [
        {
          file: USERS,
          messageId: 'edited',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 17,
          data: { file: USERS, since: SINCE_LOCK, change: 'line 4 changed from `"résumé" text` to `"résumé" jsonb`' },
        },
      ],
    },
    {
      name: 'a removed migration is reported on the file that now runs in its place',
      files: without(EMAIL),
      aux: LOCK,
      errors: [{ file: INDEX, messageId: 'removed', ...AT_START, data: { missing: EMAIL, since: SINCE_LOCK } }],
    },
    {
      name: 'the last migration removed: reported on the new last one',
      files: without(INDEX),
      aux: LOCK,
      errors: [{ file: EMAIL, messageId: 'removed', data: { missing: INDEX, since: SINCE_LOCK } }],
    },
    {
      name: 'a rename (new timestamp, same content)',
      files: [HISTORY[0]!, { path: `${DIR}/20240102120000_add_email.sql`, code: HISTORY[1]!.code }, HISTORY[2]!],
      aux: LOCK,
      errors: [{ file: `${DIR}/20240102120000_add_email.sql`, messageId: 'renamed', data: { missing: EMAIL, file: `${DIR}/20240102120000_add_email.sql`, since: SINCE_LOCK } }],
    },
    {
      name: 'a new migration inserted before the last locked one',
      files: [...HISTORY, { path: `${DIR}/20240102090000_late.sql`, code: 'ALTER TABLE public.users ADD COLUMN late int;\n' }],
      aux: LOCK,
      errors: [{ file: `${DIR}/20240102090000_late.sql`, messageId: 'inserted', ...AT_START, data: { file: `${DIR}/20240102090000_late.sql`, before: INDEX, lockfile: LOCKFILE } }],
    },
    {
      name: 'sqitch: the plan reordered two applied changes',
      files: SQITCH,
      aux: { ...SQITCH_LOCK, 'db/sqitch.plan': plan('users', 'members', 'teams') },
      errors: [{ file: 'db/deploy/teams.sql', messageId: 'reordered', data: { file: 'db/deploy/teams.sql', now: 'after "db/deploy/members.sql"', was: 'after "db/deploy/users.sql"', lockfile: 'db/migralint.lock' } }],
    },
    {
      name: 'a merge conflict resolved by hand, keeping both lines: the chain breaks',
      files: [...OURS, THEIRS[3]!],
      aux: { [LOCKFILE]: HAND_MERGED },
      errors: [{ file: `${DIR}/20240105000000_theirs.sql`, messageId: 'brokenChain', data: { file: `${DIR}/20240105000000_theirs.sql`, lockfile: LOCKFILE } }],
    },
    {
      name: 'an unresolved merge conflict in the lockfile',
      files: HISTORY,
      aux: { [LOCKFILE]: `${oursLock.slice(0, -40)}\n<<<<<<< HEAD\n=======\n>>>>>>> theirs\n` },
      errors: [{ file: USERS, messageId: 'badLockfile', ...AT_START }],
    },
    {
      name: 'git, no lockfile: an old migration edited since REF, at the first changed line',
      files: withCode(INDEX, '-- 🔎 by email\nCREATE INDEX CONCURRENTLY users_email_idx ON public.users (lower(email));\n'),
      git: { ref: 'origin/main', modified: [INDEX], atRef: { [INDEX]: HISTORY[2]!.code } },
      errors: [
        {
          file: INDEX,
          messageId: 'edited',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 15,
          data: { file: INDEX, since: 'since origin/main', change: 'line 1 changed from `CREATE INDEX CONCURRENTLY users_email_idx ON public.users (…` to `-- 🔎 by email`' },
        },
      ],
    },
    {
      name: 'git, no lockfile: a deleted migration, reported on a changed file of the set',
      files: [...without(EMAIL), { path: `${DIR}/20240104000000_x.sql`, code: 'SELECT 1;\n' }],
      git: { added: [`${DIR}/20240104000000_x.sql`], deleted: [EMAIL], atRef: { [EMAIL]: HISTORY[1]!.code } },
      errors: [{ file: `${DIR}/20240104000000_x.sql`, messageId: 'removed', data: { missing: EMAIL, since: 'since main' } }],
    },
    {
      name: 'git, no lockfile: a rename is a deletion plus a file with the same content',
      files: [HISTORY[0]!, HISTORY[2]!, { path: `${DIR}/20240104000000_add_email.sql`, code: HISTORY[1]!.code }],
      git: { added: [`${DIR}/20240104000000_add_email.sql`], deleted: [EMAIL], atRef: { [EMAIL]: HISTORY[1]!.code } },
      errors: [{ file: `${DIR}/20240104000000_add_email.sql`, messageId: 'renamed', data: { missing: EMAIL, file: `${DIR}/20240104000000_add_email.sql`, since: 'since main' } }],
    },
  ],
});

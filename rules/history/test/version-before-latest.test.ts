import { RuleTester } from '@migralint/rule-tester';
import history from '../src/index.js';
import rule from '../src/rules/version-before-latest.js';
import { lockOf, runHistoryCases } from './history-cases.js';

const DIR = 'supabase/migrations';
const LOCKFILE = `${DIR}/migralint.lock`;
const HISTORY = [
  { path: `${DIR}/20240101000000_create_users.sql`, code: '-- 👤\nCREATE TABLE public.users (id bigint PRIMARY KEY, "résumé" text);\n' },
  { path: `${DIR}/20240301000000_add_email.sql`, code: 'ALTER TABLE public.users ADD COLUMN email text;\n' },
];
const LOCK = await lockOf(HISTORY);
const LATE = { path: `${DIR}/20240201000000_add_name.sql`, code: 'ALTER TABLE public.users ADD COLUMN name text;\n' };
const NEXT = { path: `${DIR}/20240401000000_add_phone.sql`, code: 'ALTER TABLE public.users ADD COLUMN phone text;\n' };
const AT_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

const GO = [
  { path: 'db/migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint);' },
  { path: 'db/migrations/001_users.down.sql', code: 'DROP TABLE users;' },
  { path: 'db/migrations/003_teams.up.sql', code: 'CREATE TABLE teams (id bigint);' },
  { path: 'db/migrations/003_teams.down.sql', code: 'DROP TABLE teams;' },
];
const GO_LATE = [
  { path: 'db/migrations/002_members.up.sql', code: 'CREATE TABLE members (id bigint);' },
  { path: 'db/migrations/002_members.down.sql', code: 'DROP TABLE members;' },
];

new RuleTester({ plugins: [history] }).run('history/version-before-latest', rule, {
  valid: [
    { name: 'no lockfile and no git scope: nothing is known to be new', files: [...HISTORY, LATE] },
    { name: 'one migration', files: [HISTORY[0]!] },
    { name: 'golang-migrate pairs out of order on disk, but nothing is known to be new', files: [...GO, ...GO_LATE] },
  ],
  invalid: [],
  invalidOptions: [{ allow: ['2024*'] }],
});

runHistoryCases('history/version-before-latest', rule, {
  valid: [
    { name: 'lockfile: a new migration after the newest locked one', files: [...HISTORY, NEXT], aux: LOCK },
    { name: 'lockfile: nothing new', files: HISTORY, aux: LOCK },
    { name: 'git: a new migration after the newest one at REF', files: [...HISTORY, NEXT], git: { added: [NEXT.path] } },
    { name: 'git: every migration is new (a new project)', files: [...HISTORY, LATE], git: { added: [...HISTORY, LATE].map((f) => f.path) } },
    {
      name: 'git: a down file added to an old migration does not make it new',
      files: GO,
      git: { added: ['db/migrations/001_users.down.sql'] },
    },
    {
      name: 'a Flyway repeatable migration has no version to compare',
      files: [
        { path: 'sql/V1__init.sql', code: 'CREATE TABLE t (id int);' },
        { path: 'sql/V2__more.sql', code: 'ALTER TABLE t ADD COLUMN a int;' },
        { path: 'sql/R__views.sql', code: 'CREATE OR REPLACE VIEW v AS SELECT id FROM t;' },
      ],
      git: { added: ['sql/R__views.sql'] },
    },
  ],
  invalid: [
    {
      name: 'lockfile: a new Supabase migration older than the newest locked one',
      files: [...HISTORY, LATE],
      aux: LOCK,
      errors: [
        {
          file: LATE.path,
          messageId: 'beforeLatest',
          ...AT_START,
          data: {
            file: LATE.path,
            version: '20240201000000',
            latest: HISTORY[1]!.path,
            latestVersion: '20240301000000',
            where: `in ${LOCKFILE}`,
            consequence: '`supabase db push` refuses to run it without --include-all, which runs it out of order',
          },
        },
      ],
    },
    {
      name: 'git: golang-migrate never applies a version below the current one',
      files: [...GO, ...GO_LATE],
      git: { ref: 'origin/main', added: GO_LATE.map((f) => f.path) },
      errors: [
        {
          file: 'db/migrations/002_members.up.sql',
          messageId: 'beforeLatest',
          data: {
            file: 'db/migrations/002_members.up.sql',
            version: '002',
            latest: 'db/migrations/003_teams.up.sql',
            latestVersion: '003',
            where: 'at origin/main',
            consequence: "golang-migrate only applies versions above the database's current one, so it never runs",
          },
        },
      ],
    },
    {
      name: 'lockfile and git: only the new ones before the newest existing one, each reported',
      files: [...HISTORY, LATE, NEXT, { path: `${DIR}/20240115000000_early.sql`, code: 'SELECT 1;\n' }],
      aux: LOCK,
      git: { added: [LATE.path, NEXT.path, `${DIR}/20240115000000_early.sql`] },
      errors: [
        { file: LATE.path, messageId: 'beforeLatest' },
        { file: `${DIR}/20240115000000_early.sql`, messageId: 'beforeLatest' },
      ],
    },
    {
      name: 'lockfile updated on the branch too: git still knows the migration is new',
      files: [...HISTORY, LATE],
      aux: await lockOf([...HISTORY, LATE]),
      git: { added: [LATE.path] },
      errors: [
        {
          file: LATE.path,
          messageId: 'beforeLatest',
          message:
            `New migration "${LATE.path}" (version 20240201000000) sorts before "${HISTORY[1]!.path}" (version 20240301000000), which exists in ${LOCKFILE}: ` +
            `on databases that ran "${HISTORY[1]!.path}", \`supabase db push\` refuses to run it without --include-all, which runs it out of order; rename it with a version after 20240301000000`,
        },
      ],
    },
    {
      name: 'plain layout: the generic consequence',
      files: [
        { path: 'sql/20240101_a.sql', code: 'SELECT 1;' },
        { path: 'sql/20240103_c.sql', code: 'SELECT 3;' },
        { path: 'sql/20240102_b.sql', code: 'SELECT 2;' },
      ],
      git: { added: ['sql/20240102_b.sql'] },
      errors: [{ file: 'sql/20240102_b.sql', messageId: 'beforeLatest' }],
    },
  ],
});

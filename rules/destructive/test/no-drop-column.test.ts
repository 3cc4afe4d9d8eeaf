import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-column.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-column', rule, {
  valid: [
    {
      name: 'a column of a table the migration drops later: the table drop is the finding (migration model)',
      files: [
        { path: 'migrations/001_limits.up.sql', code: 'CREATE TABLE rate_limits (id bigint PRIMARY KEY, tokens_per_hour int);' },
        { path: 'migrations/002_redo.up.sql', code: 'ALTER TABLE rate_limits DROP COLUMN tokens_per_hour;\nDROP TABLE rate_limits;\nCREATE TABLE rate_limits (id bigint PRIMARY KEY);' },
      ],
    },
    'CREATE TABLE t (a int, b int);\nALTER TABLE t DROP COLUMN b;',
    { name: 'column added earlier in the same file', code: 'ALTER TABLE t ADD COLUMN tmp int;\nALTER TABLE t DROP COLUMN tmp;' },
    { name: 'ALTER TYPE … DROP ATTRIBUTE is not a table', code: 'ALTER TYPE address DROP ATTRIBUTE zip;' },
    'ALTER TABLE t DROP CONSTRAINT t_check, ALTER COLUMN a DROP DEFAULT, ALTER COLUMN a DROP NOT NULL;',
    'ALTER TABLE t ALTER COLUMN a DROP IDENTITY IF EXISTS, ALTER COLUMN b DROP EXPRESSION;',
    { code: 'ALTER TABLE staging.events DROP COLUMN payload;', options: { allowTables: ['staging.*'] } },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-column -- unused since v3, ticket OPS-42\nALTER TABLE users DROP COLUMN legacy_flag;',
    },
    {
      name: 'a down that drops the column its up added (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_nick.up.sql', code: 'ALTER TABLE users ADD COLUMN nick text;' },
        { path: 'migrations/002_nick.down.sql', code: 'ALTER TABLE users DROP COLUMN nick;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'ALTER TABLE users DROP COLUMN email;',
      errors: [{ messageId: 'dropColumn', line: 1, column: 31, endLine: 1, endColumn: 36, data: { column: 'email', table: 'users' } }],
    },
    {
      name: 'several subcommands, a comma in a default, a non-ASCII quoted column, CASCADE',
      code: 'ALTER TABLE ONLY s.t DROP COLUMN IF EXISTS c, ADD x text DEFAULT \',\', DROP "résumé" CASCADE;',
      errors: [
        { messageId: 'dropColumn', line: 1, column: 44, endLine: 1, endColumn: 45, data: { column: 'c', table: 's.t' } },
        { messageId: 'dropColumnCascade', line: 1, column: 76, endLine: 1, endColumn: 84, data: { column: 'résumé', table: 's.t' } },
      ],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- 😀 tidy up\r\nALTER TABLE accounts\r\n  DROP COLUMN legacy_flag,\r\n  DROP COLUMN IF EXISTS "Notes";\r\n',
      errors: [
        { messageId: 'dropColumn', line: 3, column: 15, endLine: 3, endColumn: 26, data: { column: 'legacy_flag', table: 'accounts' } },
        { messageId: 'dropColumn', line: 4, column: 25, endLine: 4, endColumn: 32, data: { column: 'Notes', table: 'accounts' } },
      ],
    },
    {
      name: 'without the COLUMN keyword, no semicolon',
      code: 'ALTER TABLE t DROP c',
      errors: [{ messageId: 'dropColumn', line: 1, column: 20, endLine: 1, endColumn: 21 }],
    },
    {
      name: 'a quoted reserved word as the column name',
      code: 'ALTER TABLE IF EXISTS app.users DROP COLUMN IF EXISTS "column";',
      errors: [{ messageId: 'dropColumn', line: 1, column: 55, endLine: 1, endColumn: 63, data: { column: 'column', table: 'app.users' } }],
    },
    {
      name: 'ADD COLUMN IF NOT EXISTS may have added nothing',
      code: 'ALTER TABLE t ADD COLUMN IF NOT EXISTS c int;\nALTER TABLE t DROP COLUMN c;',
      errors: [{ messageId: 'dropColumn', line: 2, column: 27, endColumn: 28 }],
    },
    {
      name: 'the column was added to another table',
      code: 'ALTER TABLE a ADD COLUMN c int;\nALTER TABLE b DROP COLUMN c;',
      errors: [{ messageId: 'dropColumn', line: 2, column: 27 }],
    },
    {
      name: 'a dollar-quoted default holding a comma',
      code: 'ALTER TABLE t ADD COLUMN c text DEFAULT $$a,b$$, DROP COLUMN d;\nALTER TABLE t DROP COLUMN c;',
      errors: [{ messageId: 'dropColumn', line: 1, column: 62, endLine: 1, endColumn: 63, data: { column: 'd', table: 't' } }],
    },
    {
      name: 'squawk ban_drop_column::err#1 (same verdict)',
      code: '\nALTER TABLE "bar_tbl" DROP COLUMN "foo_col" CASCADE;\n        ',
      errors: [{ messageId: 'dropColumnCascade', line: 2, column: 35, endLine: 2, endColumn: 44, data: { column: 'foo_col', table: 'bar_tbl' } }],
    },
    {
      name: 'a column an earlier migration added (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_nick.up.sql', code: 'ALTER TABLE users ADD COLUMN nick text;' },
        { path: 'migrations/003_drop.up.sql', code: 'ALTER TABLE users DROP COLUMN nick;' },
      ],
      errors: [{ file: 'migrations/003_drop.up.sql', messageId: 'dropColumn', line: 1, column: 31, endLine: 1, endColumn: 35 }],
    },
  ],
  invalidOptions: [{ allowTables: 'staging.*' }, { allowTables: [null] }, { allowColumns: ['x'] }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-default.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-default', rule, {
  valid: [
    { name: 'the Django pattern: add with a default to fill the rows, then drop it', code: 'ALTER TABLE users ADD COLUMN plan text DEFAULT \'free\' NOT NULL;\nALTER TABLE users ALTER COLUMN plan DROP DEFAULT;' },
    'CREATE TABLE t (a int DEFAULT 0);\nALTER TABLE t ALTER COLUMN a DROP DEFAULT;',
    'ALTER TABLE users ALTER COLUMN plan SET DEFAULT \'pro\';',
    'ALTER TABLE users ALTER COLUMN id DROP IDENTITY IF EXISTS;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-default -- every writer sets plan since v7\nALTER TABLE users ALTER COLUMN plan DROP DEFAULT;',
    },
    {
      name: 'a column without a default (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, plan text NOT NULL);' },
        { path: 'migrations/002_plan.up.sql', code: 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;' },
      ],
    },
    {
      name: 'serial → identity: the default is dropped, then ADD GENERATED ALWAYS AS IDENTITY gives the column values again',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (user_id serial PRIMARY KEY);' },
        { path: 'migrations/002_identity.up.sql', code: 'ALTER TABLE users ALTER user_id DROP DEFAULT;\nDROP SEQUENCE users_user_id_seq;\nALTER TABLE users ALTER user_id ADD GENERATED ALWAYS AS IDENTITY;' },
      ],
    },
    {
      name: 'the same ALTER TABLE drops the NOT NULL: storing NULL is the intent (Prisma: a field made optional)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, plan text NOT NULL DEFAULT \'free\');' },
        { path: 'migrations/002_plan.up.sql', code: 'ALTER TABLE users ADD COLUMN note text,\nALTER COLUMN plan DROP NOT NULL,\nALTER COLUMN plan DROP DEFAULT;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'unknown column: the message covers both outcomes',
      code: 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;',
      errors: [{ messageId: 'dropDefault', line: 1, column: 32, endLine: 1, endColumn: 36, data: { column: 'plan', table: 'users' } }],
    },
    {
      name: 'without COLUMN, schema-qualified, a quoted non-ASCII name, among other subcommands',
      code: 'ALTER TABLE app.konten ALTER "währung" DROP DEFAULT, ALTER COLUMN saldo SET DEFAULT 0;',
      errors: [{ messageId: 'dropDefault', line: 1, column: 30, endLine: 1, endColumn: 39, data: { column: 'währung', table: 'app.konten' } }],
    },
    {
      name: 'CRLF and an emoji comment',
      code: '-- 🚫\r\nALTER TABLE users\r\n  ALTER COLUMN plan DROP DEFAULT;',
      errors: [{ messageId: 'dropDefault', line: 3, column: 16, endLine: 3, endColumn: 20 }],
    },
    {
      name: 'ADD COLUMN IF NOT EXISTS may have added nothing',
      code: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS plan text DEFAULT \'free\';\nALTER TABLE users ALTER COLUMN plan DROP DEFAULT;',
      errors: [{ messageId: 'dropDefault', line: 2, column: 32 }],
    },
    {
      name: 'a NOT NULL column with a default, from an earlier migration (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, plan text NOT NULL DEFAULT \'free\');' },
        { path: 'migrations/002_plan.up.sql', code: 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;' },
      ],
      errors: [{ file: 'migrations/002_plan.up.sql', messageId: 'dropDefaultNotNull', line: 1, column: 32, data: { column: 'plan', table: 'users' } }],
    },
    {
      name: 'the NOT NULL of another column dropped in the same statement does not count',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, plan text NOT NULL DEFAULT \'free\', note text NOT NULL);' },
        { path: 'migrations/002_plan.up.sql', code: 'ALTER TABLE users ALTER COLUMN note DROP NOT NULL, ALTER COLUMN plan DROP DEFAULT;' },
      ],
      errors: [{ file: 'migrations/002_plan.up.sql', messageId: 'dropDefaultNotNull', line: 1, column: 65, data: { column: 'plan', table: 'users' } }],
    },
    {
      name: 'a nullable column with a default, from an earlier migration (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, plan text DEFAULT \'free\');' },
        { path: 'migrations/002_plan.up.sql', code: 'ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;' },
      ],
      errors: [{ file: 'migrations/002_plan.up.sql', messageId: 'dropDefault', line: 1, column: 32 }],
    },
  ],
  invalidOptions: [{ allowColumns: [] }],
});

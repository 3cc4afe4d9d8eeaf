import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-not-null.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-not-null', rule, {
  valid: [
    'CREATE TABLE t (a int NOT NULL);\nALTER TABLE t ALTER COLUMN a DROP NOT NULL;',
    { name: 'a column added earlier in the same file', code: 'ALTER TABLE users ADD COLUMN nick text NOT NULL DEFAULT \'\';\nALTER TABLE users ALTER COLUMN nick DROP NOT NULL;' },
    'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    'ALTER TABLE users ALTER COLUMN email DROP DEFAULT;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-not-null -- phone becomes optional, clients updated in v5\nALTER TABLE users ALTER COLUMN phone DROP NOT NULL;',
    },
    {
      name: 'a column that was nullable already (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, phone text);' },
        { path: 'migrations/002_phone.up.sql', code: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;',
      errors: [{ messageId: 'dropNotNull', line: 1, column: 32, endLine: 1, endColumn: 37, data: { column: 'phone', table: 'users' } }],
    },
    {
      name: 'squawk ban_drop_not_null::err#1 (same verdict)',
      code: '\nALTER TABLE "bar_tbl" ALTER COLUMN "foo_col" DROP NOT NULL;\n        ',
      errors: [{ messageId: 'dropNotNull', line: 2, column: 36, endLine: 2, endColumn: 45 }],
    },
    {
      name: 'several subcommands, without COLUMN, a quoted non-ASCII name',
      code: 'ALTER TABLE app.kunden ALTER "straße" DROP NOT NULL, ALTER COLUMN plz DROP NOT NULL;',
      errors: [
        { messageId: 'dropNotNull', line: 1, column: 30, endLine: 1, endColumn: 38, data: { column: 'straße', table: 'app.kunden' } },
        { messageId: 'dropNotNull', line: 1, column: 67, endLine: 1, endColumn: 70, data: { column: 'plz', table: 'app.kunden' } },
      ],
    },
    {
      name: 'CRLF and an emoji comment',
      code: '-- ❓\r\nALTER TABLE users\r\n  ALTER COLUMN phone DROP NOT NULL;',
      errors: [{ messageId: 'dropNotNull', line: 3, column: 16, endLine: 3, endColumn: 21 }],
    },
    {
      name: 'a NOT NULL column an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, phone text NOT NULL);' },
        { path: 'migrations/002_phone.up.sql', code: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;' },
      ],
      errors: [{ file: 'migrations/002_phone.up.sql', messageId: 'dropNotNull', line: 1, column: 32 }],
    },
  ],
  invalidOptions: [{ allowColumns: [] }],
});

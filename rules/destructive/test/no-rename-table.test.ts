import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-rename-table.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-rename-table', rule, {
  valid: [
    { name: 'a swap: the old name is created again later in the file', code: 'ALTER TABLE events RENAME TO events_legacy;\nCREATE TABLE events (id bigint);' },
    'CREATE TABLE draft (id bigint);\nALTER TABLE draft RENAME TO orders;',
    'ALTER TABLE users RENAME COLUMN name TO full_name;',
    'ALTER VIEW v RENAME TO w;',
    'ALTER INDEX users_email_idx RENAME TO users_email_key;',
    'CREATE TEMP TABLE scratch (a int);\nALTER TABLE scratch RENAME TO scratch2;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-rename-table -- view users_old keeps old code working\nALTER TABLE users RENAME TO accounts;',
    },
    {
      name: 'a down that renames back what its up created (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'migrations/001_orders.down.sql', code: 'ALTER TABLE orders RENAME TO orders_dropped;\nDROP TABLE orders_dropped;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'the up\u2019s rename is reported; the down renaming it back is not (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint);' },
        { path: 'migrations/002_rename.up.sql', code: 'ALTER TABLE users RENAME TO accounts;' },
        { path: 'migrations/002_rename.down.sql', code: 'ALTER TABLE accounts RENAME TO users;' },
      ],
      errors: [{ file: 'migrations/002_rename.up.sql', messageId: 'renameTable', line: 1 }],
    },
    {
      code: 'ALTER TABLE users RENAME TO accounts;',
      errors: [{ messageId: 'renameTable', line: 1, column: 13, endLine: 1, endColumn: 18, data: { table: 'users', newName: 'accounts', oldName: 'users' } }],
    },
    {
      name: 'IF EXISTS, schema-qualified, quoted non-ASCII new name',
      code: 'ALTER TABLE IF EXISTS app.users RENAME TO "Benutzer";',
      errors: [{ messageId: 'renameTable', line: 1, column: 23, endLine: 1, endColumn: 32, data: { table: 'app.users', newName: 'Benutzer', oldName: 'users' } }],
    },
    {
      name: 'squawk renaming_table::err#1 (same verdict)',
      code: '\nALTER TABLE "table_name" RENAME TO "new_table_name";\n        ',
      errors: [{ messageId: 'renameTable', line: 2, column: 13, endLine: 2, endColumn: 25 }],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- 🏷️\r\nALTER TABLE\r\n  orders\r\n  RENAME TO purchases;',
      errors: [{ messageId: 'renameTable', line: 3, column: 3, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'a table an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_rename.up.sql', code: 'ALTER TABLE orders RENAME TO purchases;' },
      ],
      errors: [{ file: 'migrations/002_rename.up.sql', messageId: 'renameTable', line: 1, column: 13, endColumn: 19 }],
    },
  ],
  invalidOptions: [{ allowTables: [] }],
});

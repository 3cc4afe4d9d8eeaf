import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-table.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', rule, {
  valid: [
    {
      name: 'a swap: renamed away, rows copied into the new table, then dropped (migration model)',
      files: [
        { path: 'migrations/001_events.up.sql', code: 'CREATE TABLE events (id bigint PRIMARY KEY);' },
        {
          path: 'migrations/002_swap.up.sql',
          code: 'ALTER TABLE events RENAME TO events_legacy;\nCREATE TABLE events (id bigint PRIMARY KEY);\nINSERT INTO events SELECT id FROM events_legacy;\nDROP TABLE events_legacy;',
        },
      ],
    },
    // Created earlier in the same migration: no deployed data is lost.
    'CREATE TABLE t (id int);\nDROP TABLE t;',
    'CREATE TABLE app.t (id int);\nDROP TABLE IF EXISTS app.t CASCADE;',
    { name: 'unqualified CREATE, public-qualified DROP', code: 'CREATE TABLE t ();\nDROP TABLE public.t;' },
    'CREATE TABLE "Users" ();\nDROP TABLE "Users";',
    'CREATE TABLE report AS SELECT 1 AS n;\nDROP TABLE report;',
    'DROP VIEW v;\nDROP MATERIALIZED VIEW m;\nDROP INDEX i;\nDROP SEQUENCE s;',
    { code: 'DROP TABLE tmp_import;', options: { allowTables: ['tmp_*'] } },
    { code: 'DROP TABLE staging.events, staging.clicks;', options: { allowTables: ['staging.*'] } },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-table -- replaced by orders_v2, ticket OPS-1\nDROP TABLE orders;',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'migrations/001_orders.down.sql', code: 'DROP TABLE orders;' },
      ],
    },
    {
      name: 'CREATE TABLE IF NOT EXISTS of a table the history never had (migration model)',
      files: [{ path: 'migrations/001_tmp.up.sql', code: 'CREATE TABLE IF NOT EXISTS import_tmp (id bigint);\nDROP TABLE import_tmp;' }],
    },
  ],
  invalid: [
    {
      code: 'DROP TABLE users;',
      errors: [{ messageId: 'dropTable', line: 1, column: 12, endLine: 1, endColumn: 17, data: { table: 'users' } }],
    },
    {
      name: 'two tables, IF EXISTS, CASCADE, a quoted schema-qualified name',
      code: 'DROP TABLE IF EXISTS a, s."B" CASCADE;',
      errors: [
        { messageId: 'dropTableCascade', line: 1, column: 22, endLine: 1, endColumn: 23, data: { table: 'a' } },
        { messageId: 'dropTableCascade', line: 1, column: 25, endLine: 1, endColumn: 30, data: { table: 's.B' } },
      ],
    },
    {
      name: 'an emoji before the statement: UTF-16 columns',
      code: '/* 🚀 */ DROP TABLE a;',
      errors: [{ messageId: 'dropTable', line: 1, column: 21, endLine: 1, endColumn: 22 }],
    },
    {
      name: 'CRLF, a statement spanning lines',
      code: 'SELECT 1;\r\nDROP TABLE\r\n  public.users,\r\n  sessions;\r\n',
      errors: [
        { messageId: 'dropTable', line: 3, column: 3, endLine: 3, endColumn: 15, data: { table: 'public.users' } },
        { messageId: 'dropTable', line: 4, column: 3, endLine: 4, endColumn: 11, data: { table: 'sessions' } },
      ],
    },
    {
      name: 'a non-ASCII quoted name',
      code: '-- 😀 cleanup\nDROP TABLE "résumé";',
      errors: [{ messageId: 'dropTable', line: 2, column: 12, endLine: 2, endColumn: 20, data: { table: 'résumé' } }],
    },
    {
      name: 'quoted "T" is not the table t created earlier',
      code: 'CREATE TABLE t ();\nDROP TABLE "T";',
      errors: [{ messageId: 'dropTable', line: 2, column: 12 }],
    },
    {
      name: 'another schema than the one created',
      code: 'CREATE TABLE app.t ();\nDROP TABLE t;',
      errors: [{ messageId: 'dropTable', line: 2, column: 12 }],
    },
    {
      name: 'CREATE TABLE IF NOT EXISTS may have created nothing',
      code: 'CREATE TABLE IF NOT EXISTS users (id int);\nDROP TABLE users;',
      errors: [{ messageId: 'dropTable', line: 2, column: 12, endColumn: 17 }],
    },
    {
      name: 'created after the drop',
      code: 'DROP TABLE t;\nCREATE TABLE t ();',
      errors: [{ messageId: 'dropTable', line: 1, column: 12 }],
    },
    {
      name: 'allowTables pattern does not match',
      code: 'DROP TABLE tmp.users, tmp_users;',
      options: { allowTables: ['tmp_*'] },
      errors: [{ messageId: 'dropTable', line: 1, column: 12, endLine: 1, endColumn: 21, data: { table: 'tmp.users' } }],
    },
    {
      name: 'squawk ban_drop_table::err#1 (same verdict)',
      code: '\nDROP TABLE "table_name";\nDROP TABLE IF EXISTS "table_name";\nDROP TABLE IF EXISTS "table_name"\n        ',
      errors: [
        { messageId: 'dropTable', line: 2, column: 12, endLine: 2, endColumn: 24 },
        { messageId: 'dropTable', line: 3, column: 22, endLine: 3, endColumn: 34 },
        { messageId: 'dropTable', line: 4, column: 22, endLine: 4, endColumn: 34 },
      ],
    },
    {
      name: 'a table an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_drop.up.sql', code: 'DROP TABLE orders;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropTable', line: 1, column: 12, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'CREATE TABLE IF NOT EXISTS of a table an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_again.up.sql', code: 'CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY);\nDROP TABLE orders;' },
      ],
      errors: [{ file: 'migrations/002_again.up.sql', messageId: 'dropTable', line: 2, column: 12 }],
    },
  ],
  invalidOptions: [{ allowTables: 'tmp_*' }, { allowTables: [1] }, { allowTables: [''] }, { allowTable: ['tmp_*'] }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-truncate.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-truncate', rule, {
  valid: [
    'CREATE TABLE t (id int);\nTRUNCATE t;',
    'CREATE TEMP TABLE scratch AS SELECT 1 AS x;\nTRUNCATE scratch;',
    'DELETE FROM t WHERE id = 1;',
    { code: 'TRUNCATE tmp_import;', options: { allowTables: ['tmp_*'] } },
    {
      name: 'squawk ban_truncate_cascade::ok#1 (same verdict with cascadeOnly)',
      code: '\n        truncate a, b, c;\n        truncate a;\n        ',
      options: { cascadeOnly: true },
    },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-truncate -- cache table, rebuilt on boot\nTRUNCATE page_cache;',
    },
    {
      name: 'a down that empties what its up created (migration model)',
      files: [
        { path: 'migrations/001_plans.up.sql', code: 'CREATE TABLE plans (id bigint PRIMARY KEY);' },
        { path: 'migrations/001_plans.down.sql', code: 'TRUNCATE plans;\nDROP TABLE plans;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'TRUNCATE users;',
      errors: [{ messageId: 'truncate', line: 1, column: 10, endLine: 1, endColumn: 15, data: { table: 'users' } }],
    },
    {
      name: 'two tables, ONLY, schema-qualified, CASCADE',
      code: 'TRUNCATE TABLE a, ONLY s.b RESTART IDENTITY CASCADE;',
      errors: [
        { messageId: 'truncateCascade', line: 1, column: 16, endLine: 1, endColumn: 17, data: { table: 'a' } },
        { messageId: 'truncateCascade', line: 1, column: 24, endLine: 1, endColumn: 27, data: { table: 's.b' } },
      ],
    },
    {
      name: 'squawk ban_truncate_cascade::err#1 (same verdict, with or without cascadeOnly)',
      code: '\n        truncate a, b, c cascade;\n        ',
      options: { cascadeOnly: true },
      errors: [
        { messageId: 'truncateCascade', line: 2, column: 18 },
        { messageId: 'truncateCascade', line: 2, column: 21 },
        { messageId: 'truncateCascade', line: 2, column: 24 },
      ],
    },
    {
      name: 'CRLF, an emoji comment, a non-ASCII name, a statement spanning lines',
      code: '-- 🧹 reset\r\nTRUNCATE\r\n  "Événements",\r\n  audit.log;',
      errors: [
        { messageId: 'truncate', line: 3, column: 3, endLine: 3, endColumn: 15, data: { table: 'Événements' } },
        { messageId: 'truncate', line: 4, column: 3, endLine: 4, endColumn: 12, data: { table: 'audit.log' } },
      ],
    },
    {
      name: 'CREATE TABLE IF NOT EXISTS may have created nothing',
      code: 'CREATE TABLE IF NOT EXISTS t (id int);\nTRUNCATE t;',
      errors: [{ messageId: 'truncate', line: 2, column: 10 }],
    },
    {
      name: 'created after the truncate',
      code: 'TRUNCATE t;\nCREATE TABLE t ();',
      errors: [{ messageId: 'truncate', line: 1, column: 10 }],
    },
    {
      name: 'a table an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_plans.up.sql', code: 'CREATE TABLE plans (id bigint PRIMARY KEY);' },
        { path: 'migrations/002_reset.up.sql', code: 'TRUNCATE plans;' },
      ],
      errors: [{ file: 'migrations/002_reset.up.sql', messageId: 'truncate', line: 1, column: 10, endLine: 1, endColumn: 15 }],
    },
  ],
  invalidOptions: [{ cascadeOnly: 'yes' }, { allowTables: 'tmp_*' }, { tables: [] }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-database.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-database', rule, {
  valid: [
    'DROP TABLE database;',
    'CREATE DATABASE scratch;\nDROP DATABASE scratch;',
    'ALTER DATABASE app SET timezone = \'UTC\';',
    'DROP SCHEMA tmp;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-database -- test fixture reset, never run in production\nDROP DATABASE fixtures;',
    },
  ],
  invalid: [
    {
      code: 'DROP DATABASE app;',
      errors: [{ messageId: 'dropDatabase', line: 1, column: 15, endLine: 1, endColumn: 18, data: { database: 'app' } }],
    },
    {
      name: 'IF EXISTS, WITH (FORCE), a quoted non-ASCII name',
      code: 'DROP DATABASE IF EXISTS "Bäckerei" WITH (FORCE);',
      errors: [{ messageId: 'dropDatabase', line: 1, column: 25, endLine: 1, endColumn: 35, data: { database: 'Bäckerei' } }],
    },
    {
      name: 'squawk ban_drop_database#1 (same verdict)',
      code: '\n        DROP DATABASE "table_name";\n        DROP DATABASE IF EXISTS "table_name";\n        DROP DATABASE IF EXISTS "table_name"\n                ',
      errors: [
        { messageId: 'dropDatabase', line: 2, column: 23, endLine: 2, endColumn: 35 },
        { messageId: 'dropDatabase', line: 3, column: 33, endLine: 3, endColumn: 45 },
        { messageId: 'dropDatabase', line: 4, column: 33, endLine: 4, endColumn: 45 },
      ],
    },
    {
      name: 'CRLF and an emoji comment',
      code: '/* 💥 */\r\nDROP DATABASE\r\n  legacy;',
      errors: [{ messageId: 'dropDatabase', line: 3, column: 3, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'created after the drop',
      code: 'DROP DATABASE app;\nCREATE DATABASE app;',
      errors: [{ messageId: 'dropDatabase', line: 1, column: 15 }],
    },
  ],
  invalidOptions: [{ force: true }],
});

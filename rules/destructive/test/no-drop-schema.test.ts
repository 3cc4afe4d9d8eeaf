import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-schema.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-schema', rule, {
  valid: [
    'CREATE SCHEMA staging;\nDROP SCHEMA staging;',
    { name: 'created earlier in the file, dropped with CASCADE', code: 'CREATE SCHEMA "Import";\nCREATE TABLE "Import".rows (id bigint);\nDROP SCHEMA IF EXISTS "Import" CASCADE;' },
    'DROP TABLE s.t;\nDROP VIEW s.v;',
    'ALTER SCHEMA legacy RENAME TO archive;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-schema -- emptied in 0042, ticket OPS-7\nDROP SCHEMA legacy;',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_reporting.up.sql', code: 'CREATE SCHEMA reporting;' },
        { path: 'migrations/001_reporting.down.sql', code: 'DROP SCHEMA reporting CASCADE;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DROP SCHEMA legacy;',
      errors: [{ messageId: 'dropSchema', line: 1, column: 13, endLine: 1, endColumn: 19, data: { schema: 'legacy' } }],
    },
    {
      name: 'two schemas, IF EXISTS, CASCADE, a quoted non-ASCII name',
      code: 'DROP SCHEMA IF EXISTS a, "Ünïcode" CASCADE;',
      errors: [
        { messageId: 'dropSchemaCascade', line: 1, column: 23, endLine: 1, endColumn: 24, data: { schema: 'a' } },
        { messageId: 'dropSchemaCascade', line: 1, column: 26, endLine: 1, endColumn: 35, data: { schema: 'Ünïcode' } },
      ],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- 🧹 tidy\r\nDROP SCHEMA\r\n  analytics\r\n  RESTRICT;\r\n',
      errors: [{ messageId: 'dropSchema', line: 3, column: 3, endLine: 3, endColumn: 12, data: { schema: 'analytics' } }],
    },
    {
      name: 'CREATE SCHEMA IF NOT EXISTS may have created nothing',
      code: 'CREATE SCHEMA IF NOT EXISTS app;\nDROP SCHEMA app;',
      errors: [{ messageId: 'dropSchema', line: 2, column: 13, endColumn: 16 }],
    },
    {
      name: 'created after the drop',
      code: 'DROP SCHEMA app;\nCREATE SCHEMA app;',
      errors: [{ messageId: 'dropSchema', line: 1, column: 13 }],
    },
    {
      name: 'a schema an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_app.up.sql', code: 'CREATE SCHEMA app;' },
        { path: 'migrations/002_drop.up.sql', code: 'DROP SCHEMA app;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropSchema', line: 1, column: 13 }],
    },
  ],
  invalidOptions: [{ allowSchemas: ['x'] }],
});

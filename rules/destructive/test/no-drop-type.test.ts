import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-type.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-type', rule, {
  valid: [
    "CREATE TYPE mood AS ENUM ('sad', 'ok');\nDROP TYPE mood;",
    { name: 're-created in the same migration', code: "DROP TYPE IF EXISTS status;\nCREATE TYPE status AS ENUM ('new', 'done');" },
    { name: 'a domain created earlier', code: 'CREATE DOMAIN positive AS int CHECK (VALUE > 0);\nDROP DOMAIN positive CASCADE;' },
    'CREATE TYPE pair AS (a int, b int);\nDROP TYPE pair;',
    'ALTER TYPE mood RENAME VALUE \'ok\' TO \'fine\';',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-type -- no column uses it since 0040\nDROP TYPE legacy_status;',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_type.up.sql', code: "CREATE TYPE mood AS ENUM ('sad', 'ok');" },
        { path: 'migrations/001_type.down.sql', code: 'DROP TYPE mood;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DROP TYPE mood;',
      errors: [{ messageId: 'dropType', line: 1, column: 11, endLine: 1, endColumn: 15, data: { type: 'mood', what: 'type' } }],
    },
    {
      name: 'CASCADE is reported even when re-created: the columns are gone',
      code: "DROP TYPE status CASCADE;\nCREATE TYPE status AS ENUM ('new');",
      errors: [{ messageId: 'dropTypeCascade', line: 1, column: 11, endLine: 1, endColumn: 17, data: { type: 'status', what: 'type' } }],
    },
    {
      name: 'a domain, two names, IF EXISTS, schema-qualified and quoted',
      code: 'DROP DOMAIN IF EXISTS app.email, "Größe";',
      errors: [
        { messageId: 'dropType', line: 1, column: 23, endLine: 1, endColumn: 32, data: { type: 'app.email', what: 'domain' } },
        { messageId: 'dropType', line: 1, column: 34, endLine: 1, endColumn: 41, data: { type: 'Größe', what: 'domain' } },
      ],
    },
    {
      name: 'CRLF and an emoji comment',
      code: '-- 🗑️\r\nDROP TYPE\r\n  mood;',
      errors: [{ messageId: 'dropType', line: 3, column: 3, endLine: 3, endColumn: 7 }],
    },
    {
      name: 'a type an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_type.up.sql', code: "CREATE TYPE mood AS ENUM ('sad', 'ok');" },
        { path: 'migrations/002_drop.up.sql', code: 'DROP TYPE mood;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropType', line: 1, column: 11 }],
    },
  ],
  invalidOptions: [{ allowTypes: [] }],
});

import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/require-concurrent-index-deletion.js';
import { squawkConformance } from './squawk-conformance.js';

new RuleTester({ plugins: [concurrently] }).run('concurrently/require-concurrent-index-deletion', rule, {
  valid: [
    'DROP INDEX CONCURRENTLY i;',
    '\nDROP INDEX CONCURRENTLY IF EXISTS "field_name_idx";\n',
    { name: 'an index on a table created earlier in the same migration', code: 'CREATE TABLE t (c text);\nCREATE INDEX i ON t (c);\nDROP INDEX i;' },
    {
      name: 'schema-qualified: the index lives in its table\'s schema',
      code: 'CREATE TABLE app.t (c text);\nCREATE INDEX app_i ON app.t (c);\nDROP INDEX app.app_i;',
    },
    'DROP TABLE IF EXISTS some_table;\nDROP TRIGGER IF EXISTS trg ON foo_table;\nDROP VIEW v;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement concurrently/require-concurrent-index-deletion -- maintenance window, ticket OPS-9\nDROP INDEX old_idx;',
    },
  ],
  invalid: [
    {
      code: 'DROP INDEX i;',
      errors: [{ messageId: 'dropIndex', line: 1, column: 12, endLine: 1, endColumn: 13, data: { index: 'i' } }],
      output: 'DROP INDEX CONCURRENTLY i;',
    },
    {
      name: 'lower case, IF EXISTS, a quoted name: the fix keeps the case',
      code: 'drop index if exists "Idx";',
      errors: [{ messageId: 'dropIndex', line: 1, column: 22, endLine: 1, endColumn: 27, data: { index: 'Idx' } }],
      output: 'drop index concurrently if exists "Idx";',
    },
    {
      name: 'two indexes and CASCADE: one finding per index, no fix (CONCURRENTLY takes one index, no CASCADE)',
      code: 'DROP INDEX IF EXISTS a, s."B" CASCADE;',
      errors: [
        { messageId: 'dropIndex', line: 1, column: 22, endLine: 1, endColumn: 23, data: { index: 'a' } },
        { messageId: 'dropIndex', line: 1, column: 25, endLine: 1, endColumn: 30, data: { index: 's.B' } },
      ],
      output: null,
    },
    {
      name: 'CRLF, an emoji comment, a non-ASCII name on its own line',
      code: '-- 😀 cleanup\r\nDROP INDEX\r\n  "résumé_idx";\r\n',
      errors: [{ messageId: 'dropIndex', line: 3, column: 3, endLine: 3, endColumn: 15, data: { index: 'résumé_idx' } }],
      output: '-- 😀 cleanup\r\nDROP INDEX CONCURRENTLY\r\n  "résumé_idx";\r\n',
    },
    {
      name: 'an index built earlier in the migration on a production table still locks it',
      code: 'CREATE INDEX i ON t (c);\nDROP INDEX i;',
      errors: [{ messageId: 'dropIndex', line: 2, column: 12, endLine: 2, endColumn: 13 }],
      output: 'CREATE INDEX i ON t (c);\nDROP INDEX CONCURRENTLY i;',
    },
    {
      name: 'inside BEGIN … COMMIT: no fix, the note says how to move it',
      code: 'BEGIN;\nDROP INDEX i;\nCOMMIT;',
      errors: [{ messageId: 'dropIndexInTransaction', line: 2, column: 12, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'model: a down that drops the index its up built on a production table (a one-statement golang-migrate file runs without a transaction)',
      files: [
        { path: 'db/migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint, email text);' },
        { path: 'db/migrations/001_users.down.sql', code: 'DROP TABLE users;' },
        { path: 'db/migrations/002_users_email.up.sql', code: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);' },
        { path: 'db/migrations/002_users_email.down.sql', code: 'DROP INDEX users_email_idx;' },
      ],
      errors: [{ file: 'db/migrations/002_users_email.down.sql', messageId: 'dropIndex', line: 1, column: 12, endLine: 1, endColumn: 27 }],
    },
    {
      name: 'squawk fix_add_concurrently_multiple_indexes#1 (same verdict; Squawk\'s fix yields SQL Postgres refuses)',
      code: 'DROP INDEX "idx1", "idx2";',
      errors: [
        { messageId: 'dropIndex', line: 1, column: 12, endLine: 1, endColumn: 18 },
        { messageId: 'dropIndex', line: 1, column: 20, endLine: 1, endColumn: 26 },
      ],
      output: null,
    },
  ],
  invalidOptions: [{ allowIndexes: [] }],
});

squawkConformance('concurrently/require-concurrent-index-deletion', rule, 'require-concurrent-index-deletion');

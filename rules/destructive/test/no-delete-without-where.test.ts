import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-delete-without-where.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-delete-without-where', rule, {
  valid: [
    'DELETE FROM sessions WHERE expires_at < now();',
    'CREATE TABLE import_rows (id bigint);\nDELETE FROM import_rows;',
    'CREATE TEMP TABLE scratch AS SELECT 1 AS id;\nDELETE FROM scratch;',
    { code: 'DELETE FROM cache_pages;', options: { allowTables: ['cache_*'] } },
    'WITH gone AS (DELETE FROM t WHERE id = 1 RETURNING *) SELECT count(*) FROM gone;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-delete-without-where -- demo data only, ticket OPS-5\nDELETE FROM demo_events;',
    },
    {
      name: 'a down that empties what its up created (migration model)',
      files: [
        { path: 'migrations/001_seed.up.sql', code: 'CREATE TABLE plans (id bigint PRIMARY KEY);\nINSERT INTO plans VALUES (1);' },
        { path: 'migrations/001_seed.down.sql', code: 'DELETE FROM plans;\nDROP TABLE plans;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DELETE FROM users;',
      errors: [{ messageId: 'deleteAll', line: 1, column: 13, endLine: 1, endColumn: 18, data: { table: 'users' } }],
    },
    {
      name: 'USING without WHERE still deletes every row',
      code: 'DELETE FROM ONLY billing.invoices USING customers;',
      errors: [{ messageId: 'deleteAll', line: 1, column: 18, endLine: 1, endColumn: 34, data: { table: 'billing.invoices' } }],
    },
    {
      name: 'inside a WITH clause',
      code: 'WITH gone AS (DELETE FROM audit_log RETURNING id) SELECT count(*) FROM gone;',
      errors: [{ messageId: 'deleteAll', line: 1, column: 27, endLine: 1, endColumn: 36, data: { table: 'audit_log' } }],
    },
    {
      name: 'CRLF, an emoji comment, a non-ASCII quoted name',
      code: '-- 🧨\r\nDELETE FROM\r\n  "Bestellungen";',
      errors: [{ messageId: 'deleteAll', line: 3, column: 3, endLine: 3, endColumn: 17, data: { table: 'Bestellungen' } }],
    },
    {
      name: 'allowTables pattern does not match',
      code: 'DELETE FROM users;',
      options: { allowTables: ['cache_*'] },
      errors: [{ messageId: 'deleteAll', line: 1, column: 13 }],
    },
  ],
  invalidOptions: [{ allowTables: 'cache_*' }, { allowTables: [''] }, { tables: [] }],
});

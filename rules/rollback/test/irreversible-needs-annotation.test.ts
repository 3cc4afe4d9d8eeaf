import { RuleTester } from '@migralint/rule-tester';
import rollback from '../src/index.js';
import rule from '../src/rules/irreversible-needs-annotation.js';

const GM = 'db/migrations';
const init = [
  { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id bigint PRIMARY KEY, legacy text, age int, name varchar(50));\nCREATE TABLE "Audit" (at timestamptz);\n' },
  { path: `${GM}/001_init.down.sql`, code: 'DROP TABLE "Audit";\nDROP TABLE users;\n' },
];

new RuleTester({ plugins: [rollback] }).run('rollback/irreversible-needs-annotation', rule, {
  valid: [
    {
      name: 'what the same migration created holds no data yet',
      files: [
        ...init,
        {
          path: `${GM}/002_scratch.up.sql`,
          code: 'CREATE TABLE scratch (id int);\nDELETE FROM scratch;\nTRUNCATE scratch;\nDROP TABLE scratch;\nALTER TABLE users ADD COLUMN tmp int;\nALTER TABLE users DROP COLUMN tmp;\n',
        },
        { path: `${GM}/002_scratch.down.sql`, code: 'SELECT 1;' },
      ],
    },
    {
      name: 'widening type changes keep every value',
      files: [
        ...init,
        { path: `${GM}/002_widen.up.sql`, code: 'ALTER TABLE users ALTER COLUMN age TYPE bigint, ALTER COLUMN name TYPE varchar(100);\nALTER TABLE users ALTER COLUMN legacy TYPE varchar;\nALTER TABLE users ALTER COLUMN id TYPE numeric USING id::numeric;' },
        { path: `${GM}/002_widen.down.sql`, code: 'ALTER TABLE users ALTER COLUMN age TYPE int, ALTER COLUMN name TYPE varchar(50);' },
      ],
    },
    {
      name: 'dbmate: declared in the down section, with the reason',
      files: [
        {
          path: 'db/migrations/20260101000000_drop_sessions.sql',
          code: '-- migrate:up\nDROP TABLE sessions;\n\n-- migrate:down\n-- migralint-irreversible: the sessions are gone; everyone logs in again\nCREATE TABLE sessions (id uuid PRIMARY KEY);\n',
        },
      ],
    },
    {
      name: 'a directory that never had a down does not use rollbacks (default)',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id int, legacy text);' },
        { path: `${GM}/002_drop.up.sql`, code: 'ALTER TABLE users DROP COLUMN legacy;' },
      ],
    },
    {
      name: 'grandfathered by `since`',
      options: { since: '3' },
      files: [...init, { path: `${GM}/002_drop.up.sql`, code: 'ALTER TABLE users DROP COLUMN legacy;' }, { path: `${GM}/002_drop.down.sql`, code: 'ALTER TABLE users ADD COLUMN legacy text;' }],
    },
    {
      name: 'a string or a quoted name is not an annotation, but a block comment inside the statement is',
      files: [
        ...init,
        { path: `${GM}/002_drop.up.sql`, code: "ALTER TABLE users /* migralint-irreversible: legacy was never read */ DROP COLUMN legacy;\nCOMMENT ON TABLE users IS 'migralint-irreversible';" },
        { path: `${GM}/002_drop.down.sql`, code: 'ALTER TABLE users ADD COLUMN legacy text;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'golang-migrate: a dropped column and a narrowing type change; the down re-adds the column, not its values',
      files: [
        ...init,
        { path: `${GM}/002_cleanup.up.sql`, code: 'ALTER TABLE users\n  DROP COLUMN IF EXISTS legacy,\n  ALTER COLUMN age TYPE smallint;\n' },
        { path: `${GM}/002_cleanup.down.sql`, code: 'ALTER TABLE users ADD COLUMN legacy text, ALTER COLUMN age TYPE int;\n' },
      ],
      errors: [
        { file: `${GM}/002_cleanup.up.sql`, messageId: 'dropColumn', line: 2, column: 25, endLine: 2, endColumn: 31, data: { table: 'users', column: 'legacy' } },
        { file: `${GM}/002_cleanup.up.sql`, messageId: 'lossyType', line: 3, column: 16, endLine: 3, endColumn: 19, data: { table: 'users', column: 'age', from: 'integer', to: 'smallint' } },
      ],
    },
    {
      name: 'dbmate: two tables in one DROP, one quoted, one schema-qualified',
      files: [
        { path: 'db/migrations/20260101000000_init.sql', code: '-- migrate:up\nCREATE TABLE users (id int);\nCREATE TABLE "Audit" (at timestamptz);\n-- migrate:down\nDROP TABLE users, "Audit";\n' },
        { path: 'db/migrations/20260102000000_drop.sql', code: '-- migrate:up\nDROP TABLE IF EXISTS public.users, "Audit" CASCADE;\n-- migrate:down\n' },
      ],
      errors: [
        { file: 'db/migrations/20260102000000_drop.sql', messageId: 'dropTable', line: 2, column: 22, endLine: 2, endColumn: 34, data: { table: 'users' } },
        { file: 'db/migrations/20260102000000_drop.sql', messageId: 'dropTable', line: 2, column: 36, endLine: 2, endColumn: 43, data: { table: 'Audit' } },
      ],
    },
    {
      name: 'TRUNCATE and DELETE of tables that held rows; an annotation without a reason is reported too',
      files: [
        ...init,
        { path: `${GM}/002_reset.up.sql`, code: '-- migralint-irreversible:\nTRUNCATE users;\nDELETE FROM "Audit" WHERE at < now();\n' },
        { path: `${GM}/002_reset.down.sql`, code: 'SELECT 1;' },
      ],
      errors: [
        { file: `${GM}/002_reset.up.sql`, messageId: 'noReason', line: 1, column: 1, endLine: 1, endColumn: 27 },
        { file: `${GM}/002_reset.up.sql`, messageId: 'truncate', line: 2, column: 10, endLine: 2, endColumn: 15, data: { table: 'users' } },
        { file: `${GM}/002_reset.up.sql`, messageId: 'delete', line: 3, column: 13, endLine: 3, endColumn: 20, data: { table: 'Audit' } },
      ],
    },
    {
      name: 'directory-per-migration: a USING expression that rewrites values, and DROP SCHEMA … CASCADE',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: 'CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id int, total text);\nCREATE TABLE billing.items (id int);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: 'DROP SCHEMA billing CASCADE;' },
        { path: 'migrations/2026-01-02-000000_totals/up.sql', code: "ALTER TABLE billing.invoices ALTER total TYPE numeric USING replace(total, ',', '.')::numeric;" },
        { path: 'migrations/2026-01-02-000000_totals/down.sql', code: 'ALTER TABLE billing.invoices ALTER total TYPE text;' },
        { path: 'migrations/2026-01-03-000000_drop/up.sql', code: 'DROP SCHEMA billing CASCADE;' },
        { path: 'migrations/2026-01-03-000000_drop/down.sql', code: 'CREATE SCHEMA billing;' },
      ],
      errors: [
        { file: 'migrations/2026-01-02-000000_totals/up.sql', messageId: 'rewriteUsing', line: 1, column: 36, endLine: 1, endColumn: 41, data: { table: 'billing.invoices', column: 'total', to: 'numeric' } },
        { file: 'migrations/2026-01-03-000000_drop/up.sql', messageId: 'dropSchema', line: 1, column: 13, endLine: 1, endColumn: 20, data: { schema: 'billing', count: 2, tables: 'invoices, items' } },
      ],
    },
    {
      name: '`layouts` and `checkSetsWithoutDowns`: Flyway without undo scripts, when asked for',
      options: { layouts: ['flyway'], checkSetsWithoutDowns: true },
      files: [
        { path: 'db/migration/V1__init.sql', code: 'CREATE TABLE users (id int, legacy text);' },
        { path: 'db/migration/V2__drop.sql', code: 'ALTER TABLE users DROP legacy;' },
      ],
      errors: [{ file: 'db/migration/V2__drop.sql', messageId: 'dropColumn', line: 1, column: 24, endLine: 1, endColumn: 30 }],
    },
  ],
  invalidOptions: [{ layouts: ['prisma'] }, { since: '' }, { checkSetsWithoutDowns: 1 }, { reason: true }],
});

import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/require-concurrent-index-creation.js';
import { squawkConformance } from './squawk-conformance.js';

new RuleTester({ plugins: [concurrently] }).run('concurrently/require-concurrent-index-creation', rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY i ON t (c);',
    'create unique index concurrently if not exists i on app.t (lower(email));',
    {
      name: 'table created earlier in the same migration, no BEGIN needed (Squawk needs one)',
      code: 'CREATE TABLE t (id bigint, c text);\nCREATE INDEX t_c_idx ON t (c);',
    },
    { name: 'quoted, schema-qualified new table', code: 'CREATE TABLE app."Orders" (id bigint);\nCREATE UNIQUE INDEX ON app."Orders" (id);' },
    { name: 'unqualified CREATE, public-qualified index', code: 'CREATE TABLE t (a int);\nCREATE INDEX ON public.t (a);' },
    { name: 'CREATE TABLE AS', code: 'CREATE TABLE report AS SELECT 1 AS n;\nCREATE INDEX ON report (n);' },
    { name: 'a materialized view created here', code: 'CREATE MATERIALIZED VIEW daily AS SELECT 1 AS n;\nCREATE UNIQUE INDEX ON daily (n);' },
    { name: 'a temporary table created here', code: 'CREATE TEMP TABLE scratch (a int);\nCREATE INDEX ON scratch (a);' },
    { name: 'ON ONLY a partitioned parent builds nothing', code: 'CREATE INDEX measurements_at_idx ON ONLY measurements (logdate);' },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement concurrently/require-concurrent-index-creation -- table has 12 rows, ticket OPS-7\nCREATE INDEX i ON settings (key);',
    },
    {
      name: 'model: CREATE TABLE IF NOT EXISTS of a table no earlier migration created is new',
      files: [
        { path: 'supabase/migrations/20260101000000_init.sql', code: 'CREATE TABLE accounts (id bigint);' },
        {
          path: 'supabase/migrations/20260102000000_profiles.sql',
          code: 'CREATE TABLE IF NOT EXISTS profiles (id bigint, account_id bigint);\nCREATE INDEX profiles_account_idx ON profiles (account_id);',
        },
      ],
    },
  ],
  invalid: [
    {
      code: 'CREATE INDEX i ON t (c);',
      errors: [{ messageId: 'createIndex', line: 1, column: 1, endLine: 1, endColumn: 13, data: { table: 't' } }],
      output: 'CREATE INDEX CONCURRENTLY i ON t (c);',
    },
    {
      name: 'lower case, UNIQUE, unnamed, schema-qualified: the fix keeps the case',
      code: 'create unique index on s.t (a);',
      errors: [{ messageId: 'createIndex', line: 1, column: 1, endLine: 1, endColumn: 20, data: { table: 's.t' } }],
      output: 'create unique index concurrently on s.t (a);',
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines, a non-ASCII table',
      code: '-- 🚀 speed up lookups\r\nCREATE INDEX\r\n  users_email_idx ON "résumé" (email);\r\n',
      errors: [{ messageId: 'createIndex', line: 2, column: 1, endLine: 2, endColumn: 13, data: { table: 'résumé' } }],
      output: '-- 🚀 speed up lookups\r\nCREATE INDEX CONCURRENTLY\r\n  users_email_idx ON "résumé" (email);\r\n',
    },
    {
      name: 'another schema than the table created',
      code: 'CREATE TABLE app.t (a int);\nCREATE INDEX ON t (a);',
      errors: [{ messageId: 'createIndex', line: 2, column: 1, endLine: 2, endColumn: 13, data: { table: 't' } }],
      output: 'CREATE TABLE app.t (a int);\nCREATE INDEX CONCURRENTLY ON t (a);',
    },
    {
      name: 'inside BEGIN … COMMIT: no fix (Postgres refuses CONCURRENTLY there), the note says how to move it',
      code: 'BEGIN;\nCREATE INDEX i ON t (c);\nCOMMIT;',
      errors: [{ messageId: 'createIndexInTransaction', line: 2, column: 1, endLine: 2, endColumn: 13 }],
      output: null,
    },
    {
      name: 'plain layout run by psql (statement by statement): the fix applies',
      code: 'SET lock_timeout = \'2s\';\nCREATE INDEX i ON t (c);',
      settings: { layout: 'plain', runner: 'psql' },
      errors: [{ messageId: 'createIndex', line: 2, column: 1, endLine: 2, endColumn: 13 }],
      output: 'SET lock_timeout = \'2s\';\nCREATE INDEX CONCURRENTLY i ON t (c);',
    },
    {
      name: 'assumeTransaction: every migration runs in a transaction, so no fix',
      code: 'CREATE INDEX i ON t (c);',
      settings: { assumeTransaction: true },
      errors: [{ messageId: 'createIndexInTransaction', line: 1, column: 1, endLine: 1, endColumn: 13 }],
      output: null,
    },
    {
      name: 'model: a table from an earlier migration; a multi-statement golang-migrate up runs in a transaction',
      files: [
        { path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE accounts (id bigint, email text);' },
        { path: 'db/migrations/001_init.down.sql', code: 'DROP TABLE accounts;' },
        { path: 'db/migrations/002_add_index.up.sql', code: "SET lock_timeout = '2s';\nCREATE INDEX accounts_email_idx ON accounts (email);" },
        { path: 'db/migrations/002_add_index.down.sql', code: 'DROP INDEX CONCURRENTLY accounts_email_idx;' },
      ],
      errors: [
        { file: 'db/migrations/002_add_index.up.sql', messageId: 'createIndexInTransaction', line: 2, column: 1, endLine: 2, endColumn: 13, data: { table: 'accounts' } },
      ],
    },
    {
      name: 'model: a partitioned table from an earlier migration gets the per-partition recipe',
      files: [
        { path: 'supabase/migrations/20260101000000_events.sql', code: 'CREATE TABLE events (id bigint, at timestamptz) PARTITION BY RANGE (at);' },
        { path: 'supabase/migrations/20260102000000_events_at.sql', code: 'CREATE INDEX events_at_idx ON events (at);' },
      ],
      errors: [
        { file: 'supabase/migrations/20260102000000_events_at.sql', messageId: 'createIndexPartitioned', line: 1, column: 1, endLine: 1, endColumn: 13, data: { table: 'events' } },
      ],
    },
    {
      name: 'squawk adding_index_non_concurrently_err#1 (same verdict)',
      code: '\n-- instead of\nCREATE INDEX "field_name_idx" ON "table_name" ("field_name");\n        ',
      errors: [{ messageId: 'createIndex', line: 3, column: 1, endLine: 3, endColumn: 13, data: { table: 'table_name' } }],
      output: '\n-- instead of\nCREATE INDEX CONCURRENTLY "field_name_idx" ON "table_name" ("field_name");\n        ',
    },
  ],
  invalidOptions: [{ allowTables: ['tmp_*'] }, { anything: true }],
});

squawkConformance('concurrently/require-concurrent-index-creation', rule, 'require-concurrent-index-creation');

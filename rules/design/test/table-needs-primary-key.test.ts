import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/table-needs-primary-key.js';

new RuleTester({ plugins: [design] }).run('design/table-needs-primary-key', rule, {
  valid: [
    {
      name: 'model: a scratch table created and dropped in the same migration',
      filename: 'supabase/migrations/20260301080000_archive.sql',
      code: 'CREATE TABLE scratch (v text);\nDROP TABLE scratch;\n',
    },
    'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
    'CREATE TABLE memberships (org_id bigint, user_id bigint, PRIMARY KEY (org_id, user_id));',
    { name: 'the key comes later in the same migration', code: 'CREATE TABLE t (id bigint NOT NULL);\nALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY (id);' },
    { name: 'a partition takes its parent’s key', code: 'CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM (\'2024-01-01\') TO (\'2025-01-01\');' },
    { name: 'LIKE … INCLUDING may copy the key', code: 'CREATE TABLE users_copy (LIKE users INCLUDING ALL);' },
    'CREATE TEMP TABLE scratch (a int);',
    { code: 'CREATE TABLE audit_log (at timestamptz, what text);', options: { allowTables: ['*_log'] } },
    {
      name: 'the key is added by a later statement of the same migration (migration model)',
      files: [{ path: 'migrations/001_t.up.sql', code: 'CREATE TABLE t (name text);\nALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;' }],
    },
  ],
  invalid: [
    {
      code: 'CREATE TABLE events (at timestamptz, payload jsonb);',
      errors: [{ messageId: 'noPrimaryKey', line: 1, column: 14, endLine: 1, endColumn: 20, data: { table: 'events' } }],
    },
    {
      name: 'a UNIQUE NOT NULL column is not a primary key',
      code: 'CREATE TABLE IF NOT EXISTS app.tokens (token text UNIQUE NOT NULL);',
      errors: [{ messageId: 'noPrimaryKey', line: 1, column: 28, endLine: 1, endColumn: 38, data: { table: 'app.tokens' } }],
    },
    {
      name: 'CREATE TABLE AS',
      code: 'CREATE TABLE report AS SELECT 1 AS n;',
      errors: [{ messageId: 'noPrimaryKey', line: 1, column: 14, endLine: 1, endColumn: 20, data: { table: 'report' } }],
    },
    {
      name: 'the key goes on another table; CRLF, an emoji comment, a quoted non-ASCII name',
      code: '-- 🗝️\r\nCREATE TABLE "Stücke" (\r\n  name text\r\n);\r\nALTER TABLE other ADD PRIMARY KEY (id);',
      errors: [{ messageId: 'noPrimaryKey', line: 2, column: 14, endLine: 2, endColumn: 22, data: { table: 'Stücke' } }],
    },
    {
      name: 'allowTables pattern does not match',
      code: 'CREATE TABLE audit (at timestamptz);',
      options: { allowTables: ['*_log'] },
      errors: [{ messageId: 'noPrimaryKey', line: 1, column: 14 }],
    },
  ],
  invalidOptions: [{ allowTables: '*_log' }, { allowTables: [''] }, { tables: [] }],
});

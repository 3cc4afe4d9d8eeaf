import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/primary-key-using-index.js';

new RuleTester({ plugins: [locking] }).run('locking/primary-key-using-index', rule, {
  valid: [
    { name: 'squawk okay_add_constraint#1', code: 'ALTER TABLE items ADD CONSTRAINT items_pk PRIMARY KEY USING INDEX items_pk;' },
    {
      name: 'squawk also_ok#1: the recipe',
      code: 'CREATE UNIQUE INDEX CONCURRENTLY dist_id_temp_idx ON distributors (dist_id);\nALTER TABLE distributors DROP CONSTRAINT distributors_pkey,\nADD CONSTRAINT distributors_pkey PRIMARY KEY USING INDEX dist_id_temp_idx;',
    },
    { name: 'a table created in the same file', code: 'CREATE TABLE items (id bigint);\nALTER TABLE items ADD PRIMARY KEY (id);' },
    { name: 'PRIMARY KEY in CREATE TABLE', code: 'CREATE TABLE items (id bigint PRIMARY KEY);' },
    { name: 'UNIQUE is another rule’s', code: 'ALTER TABLE items ADD UNIQUE (id);' },
  ],
  invalid: [
    {
      name: 'squawk plain_primary_key#1',
      code: 'ALTER TABLE items ADD PRIMARY KEY (id);',
      errors: [{ messageId: 'primaryKey', line: 1, column: 23, endColumn: 34, data: { what: 'a primary key', table: 'items' } }],
    },
    {
      name: 'a named primary key',
      code: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);',
      errors: [{ messageId: 'primaryKey', column: 34, endColumn: 44, data: { what: 'primary key "items_pkey"', table: 'items' } }],
    },
    {
      name: 'squawk serial_primary_key#1',
      code: '        ALTER TABLE a ADD COLUMN b SERIAL PRIMARY KEY;',
      errors: [{ messageId: 'primaryKey', column: 43, endColumn: 54, data: { what: 'a primary key on new column "b"', table: 'a' } }],
    },
    {
      name: 'CRLF, a quoted schema-qualified table',
      code: 'SELECT 1;\r\nALTER TABLE "billing"."Ledger"\r\n  ADD PRIMARY KEY ("entryId", "lineNo");\r\n',
      errors: [{ messageId: 'primaryKey', line: 3, column: 7, endLine: 3, endColumn: 18, data: { what: 'a primary key', table: 'billing.Ledger' } }],
    },
    {
      name: 'a table created by an earlier migration',
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE items (id bigint);' },
        { path: 'supabase/migrations/20240102000000_pk.sql', code: 'ALTER TABLE items ADD PRIMARY KEY (id);' },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_pk.sql', messageId: 'primaryKey', column: 23, endColumn: 34 }],
    },
  ],
});

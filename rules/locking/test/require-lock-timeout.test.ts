import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/require-lock-timeout.js';
import { needsModel } from './model-wired.js';

const ADD = 'ALTER TABLE t ADD COLUMN c BOOLEAN;';

new RuleTester({ plugins: [locking] }).run('locking/require-lock-timeout', rule, {
  valid: [
    { name: 'squawk ok_only_lock_timeout_rule_enabled#1', code: `\nSET lock_timeout = '1s';\n${ADD}\n        ` },
    { name: 'squawk ok_both_timeouts_present_casing#1', code: `SET Lock_Timeout = '1s';\nSET Statement_Timeout = '5s';\n${ADD}` },
    { name: 'SET LOCAL inside the transaction', code: `BEGIN;\nSET LOCAL lock_timeout = '2s';\n${ADD}\nCOMMIT;` },
    { name: 'set_config', code: `SELECT set_config('lock_timeout', '3s', false);\n${ADD}` },
    { name: 'set once, covers the whole file', code: `SET lock_timeout = '5s';\n${ADD}\nDROP INDEX i;\nCREATE INDEX j ON t (c);\nTRUNCATE u;` },
    {
      name: 'squawk fix_multiple_ddl_statements#1: only a table created in this migration (deliberate difference)',
      code: '\nCREATE TABLE users (id SERIAL);\nALTER TABLE users ADD COLUMN email TEXT;\n        ',
    },
    { name: 'a table SELECT INTO created earlier in the file (as the destructive rules count it)', code: 'SELECT * INTO TEMP TABLE scratch FROM t;\nDROP TABLE scratch;' },
    { name: 'a foreign key to a table created earlier in the file', code: 'CREATE TABLE teams (id bigint PRIMARY KEY);\nCREATE TABLE members (team_id bigint REFERENCES teams (id));' },
    {
      name: 'statements that block neither reads nor writes (deliberate differences with Squawk)',
      code:
        "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCOMMENT ON COLUMN t.c IS 'an opaque id';\nVACUUM (FULL false) t;\nLOCK TABLE t IN ACCESS SHARE MODE;\n" +
        'CREATE INDEX CONCURRENTLY i ON t (c);\nDROP INDEX CONCURRENTLY j;\nALTER TABLE t VALIDATE CONSTRAINT k;\nALTER INDEX i RENAME TO i2;',
    },
    {
      name: '[model] a down migration dropping what its up created',
      ...needsModel,
      files: [
        { path: 'db/migrations/001_create_t.up.sql', code: 'CREATE TABLE t (id bigint);' },
        { path: 'db/migrations/001_create_t.down.sql', code: 'DROP TABLE t;' },
      ],
    },
    { name: 'squawk ok_no_ddl_operations#1', code: 'SELECT * FROM t;\nINSERT INTO t (c) VALUES (true);\nUPDATE t SET c = false;' },
  ],
  invalid: [
    {
      name: 'squawk err_only_lock_timeout_rule_enabled#1, with the suggestion',
      code: ADD,
      errors: [
        {
          messageId: 'missing',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 14,
          data: { target: 'table "t"', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' },
          suggestions: [{ desc: "Insert SET lock_timeout = '5s'; before this statement", output: `SET lock_timeout = '5s';\n${ADD}` }],
        },
      ],
    },
    {
      name: 'reported once per file, at the first statement',
      code: 'ALTER TABLE a ADD COLUMN x int;\nALTER TABLE b ADD COLUMN y int;',
      errors: [{ messageId: 'missing', line: 1, column: 13, endColumn: 14 }],
    },
    {
      name: 'squawk err_timeouts_after_ddl#1',
      code: `\n${ADD}\nSET lock_timeout = '1s';\nSET statement_timeout = '5s';\n        `,
      errors: [{ messageId: 'missing', line: 2, column: 13 }],
    },
    {
      name: 'squawk err_timeouts_using_schema#1',
      code: `\nSET foo.lock_timeout = '1s';\nSET foo.statement_timeout = '5s';\n${ADD}\n        `,
      errors: [{ messageId: 'missing', line: 4, column: 13 }],
    },
    { name: 'lock_timeout = 0 means no timeout', code: `SET lock_timeout = 0;\n${ADD}`, errors: [{ messageId: 'missing', line: 2, column: 13 }] },
    { name: 'RESET turns it off again', code: `SET lock_timeout = '1s';\nRESET lock_timeout;\n${ADD}`, errors: [{ messageId: 'missing', line: 3, column: 13 }] },
    { name: 'SET LOCAL outside a transaction does nothing', code: `SET LOCAL lock_timeout = '1s';\n${ADD}`, errors: [{ messageId: 'missing', line: 2, column: 13 }] },
    {
      name: 'SET LOCAL ends with its transaction',
      code: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE a ADD COLUMN x int;\nCOMMIT;\nALTER TABLE b ADD COLUMN y int;",
      errors: [{ messageId: 'missing', line: 5, column: 13, endColumn: 14 }],
    },
    {
      name: 'a new table’s foreign key locks the table it references',
      code: 'CREATE TABLE orders (id bigint, user_id bigint REFERENCES users (id));',
      errors: [
        {
          messageId: 'missing',
          column: 59,
          endColumn: 64,
          data: { target: 'table "users"', mode: 'SHARE ROW EXCLUSIVE', blocked: 'write to it' },
          suggestions: [{ output: "SET lock_timeout = '5s';\nCREATE TABLE orders (id bigint, user_id bigint REFERENCES users (id));" }],
        },
      ],
    },
    {
      name: 'DROP INDEX locks its table',
      code: 'DROP INDEX "app".idx_users_email;',
      errors: [{ messageId: 'missing', column: 12, endColumn: 33, data: { target: 'index "app.idx_users_email" (and its table)', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' } }],
    },
    {
      name: 'squawk err_reindex_concurrently_false_uses_non_concurrent_lock#1',
      code: 'REINDEX (CONCURRENTLY false) INDEX idx;',
      errors: [{ messageId: 'missing', column: 36, endColumn: 39 }],
    },
    {
      name: 'DROP TRIGGER locks the table',
      code: 'DROP TRIGGER audit ON public.accounts;',
      errors: [{ messageId: 'missing', column: 23, endColumn: 38, data: { target: 'table "public.accounts"', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' } }],
    },
    {
      name: 'CRLF and an emoji: the suggestion keeps the line ends',
      code: '-- 🔒 locks\r\nALTER TABLE "Usuários" ADD COLUMN "ação" text;\r\n',
      errors: [
        {
          messageId: 'missing',
          line: 2,
          column: 13,
          endColumn: 23,
          data: { target: 'table "Usuários"', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' },
          suggestions: [{ output: "-- 🔒 locks\r\nSET lock_timeout = '5s';\r\nALTER TABLE \"Usuários\" ADD COLUMN \"ação\" text;\r\n" }],
        },
      ],
    },
    {
      name: 'squawk fixes_preserve_cr_line_endings#1',
      code: 'ALTER TABLE t ADD COLUMN c BOOLEAN;\rSELECT 1;',
      errors: [{ messageId: 'missing', suggestions: [{ output: "SET lock_timeout = '5s';\rALTER TABLE t ADD COLUMN c BOOLEAN;\rSELECT 1;" }] }],
    },
    {
      name: 'squawk fix_with_prefix_comment_c_style#1',
      code: '/* boo */ALTER TABLE users ADD COLUMN email TEXT;',
      errors: [{ messageId: 'missing', column: 22, endColumn: 27, suggestions: [{ output: "/* boo */SET lock_timeout = '5s';\nALTER TABLE users ADD COLUMN email TEXT;" }] }],
    },
    {
      name: 'suggestedTimeout',
      code: 'LOCK TABLE t IN SHARE MODE;',
      options: { suggestedTimeout: '2s' },
      errors: [
        {
          messageId: 'missing',
          column: 12,
          endColumn: 13,
          data: { target: 'table "t"', mode: 'SHARE', blocked: 'write to it' },
          suggestions: [{ desc: "Insert SET lock_timeout = '2s'; before this statement", output: "SET lock_timeout = '2s';\nLOCK TABLE t IN SHARE MODE;" }],
        },
      ],
    },
    {
      name: 'a table created by an earlier migration',
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE t (id bigint);' },
        { path: 'supabase/migrations/20240102000000_add.sql', code: ADD },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_add.sql', messageId: 'missing', column: 13, endColumn: 14 }],
    },
    {
      name: '[model] a table dropped and created again: the DROP locks the old, busy table',
      ...needsModel,
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE t (id bigint);' },
        { path: 'supabase/migrations/20240102000000_recreate.sql', code: 'DROP TABLE t;\nCREATE TABLE t (id bigint, name text);\nALTER TABLE t ADD COLUMN c int;' },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_recreate.sql', messageId: 'missing', line: 1, column: 12, endColumn: 13 }],
    },
    {
      name: '[model] no suggestion before a statement that refuses a transaction block, in a file sent as one query',
      ...needsModel,
      filename: 'db/migrations/003_vacuum.up.sql',
      code: 'VACUUM FULL t;',
      errors: [{ messageId: 'missing', column: 13, endColumn: 14, data: { target: 'table "t"', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' }, suggestions: [] }],
    },
    {
      name: 'without a layout, psql runs statement by statement: the suggestion is safe',
      code: 'VACUUM FULL t;',
      errors: [{ messageId: 'missing', suggestions: [{ output: "SET lock_timeout = '5s';\nVACUUM FULL t;" }] }],
    },
    {
      name: '[model] each part of a dbmate file is a run of its own',
      ...needsModel,
      filename: 'db/migrations/20240102000000_add_c.sql',
      code: `-- migrate:up\nSET lock_timeout = '1s';\n${ADD}\n\n-- migrate:down\nALTER TABLE t DROP COLUMN c;\n`,
      errors: [{ messageId: 'missing', line: 6, column: 13, endColumn: 14 }],
    },
  ],
  invalidOptions: [{ suggestedTimeout: '5 seconds' }, { suggestedTimeout: 5 }, { suggestedTimeout: '' }, { timeout: '5s' }],
});

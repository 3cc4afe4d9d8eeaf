import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/adding-field-with-default.js';

new RuleTester({ plugins: [locking] }).run('locking/adding-field-with-default', rule, {
  valid: [
    { name: 'a constant default is stored once since Postgres 11', code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" integer DEFAULT 10;' },
    { name: 'now() is STABLE', code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" timestamptz DEFAULT now();' },
    "ALTER TABLE assessments\nADD COLUMN statistics_last_updated_at timestamptz NOT NULL DEFAULT now() - interval '100 years';",
    'alter table t add column c timestamptz default current_timestamp;',
    "ALTER TABLE t ADD COLUMN a timestamptz DEFAULT (now() AT TIME ZONE 'utc'), ADD COLUMN b timestamptz DEFAULT timezone('utc', pg_catalog.now());",
    "ALTER TABLE t ADD COLUMN meta jsonb NOT NULL DEFAULT jsonb_build_object('v', 1), ADD COLUMN tags text[] DEFAULT '{}'::text[];",
    'alter table t add column a double precision[] default array[]::double precision[];\nalter table account_metadata add column blah integer default 2 + 2;',
    { name: 'no default', code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" integer;\nALTER TABLE "core_recipe" ALTER COLUMN "foo" SET DEFAULT 10;' },
    { name: 'DEFAULT NULL stores nothing, even before Postgres 11', code: 'ALTER TABLE t ADD COLUMN c integer DEFAULT NULL;', settings: { postgresVersion: 10 } },
    { name: 'a table created in the same file has no rows', code: 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid(), ADD COLUMN n serial;' },
    { name: 'functions declared non-volatile', code: 'ALTER TABLE t ADD COLUMN a jsonb DEFAULT myjsonb(), ADD COLUMN b int DEFAULT app.next_code();', options: { nonVolatileFunctions: ['myjsonb', 'app.next_code'] } },
    { name: 'a VIRTUAL generated column (Postgres 18) is computed on read', code: 'ALTER TABLE foo ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL;' },
  ],
  invalid: [
    {
      name: 'two columns that each need a rewrite, in one statement: one rewrite, one finding naming both',
      code: 'ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid(), ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;',
      errors: [{ messageId: 'rewriteMany', column: 62, endColumn: 77, data: { columns: '"public_id" (DEFAULT gen_random_uuid()), "seq" (identity)', table: 'users' } }],
    },
    {
      name: 'squawk default_volatile_func_err#1',
      code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" boolean DEFAULT random();',
      errors: [{ messageId: 'volatileDefault', line: 1, column: 60, endColumn: 66, data: { column: 'foo', table: 'core_recipe', function: 'random' } }],
    },
    {
      code: 'ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();',
      errors: [{ messageId: 'volatileDefault', column: 62, endColumn: 77, data: { column: 'public_id', table: 'users', function: 'gen_random_uuid' } }],
    },
    {
      name: 'squawk arbitrary_func_err#1: an unknown function is assumed volatile',
      code: '\n-- NON-VOLATILE\nALTER TABLE "core_recipe" ADD COLUMN "foo" jsonb DEFAULT myjsonb();\n        ',
      errors: [{ messageId: 'unknownDefault', line: 3, column: 58, endColumn: 65, data: { column: 'foo', table: 'core_recipe', function: 'myjsonb' } }],
    },
    {
      name: 'squawk default_random_with_args_err#1: now() takes no arguments',
      code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" timestamptz DEFAULT now(123);',
      errors: [{ messageId: 'unknownDefault', column: 64, endColumn: 67, data: { column: 'foo', table: 'core_recipe', function: 'now' } }],
    },
    {
      name: 'an extension function in another schema',
      code: 'ALTER TABLE t ADD COLUMN token text DEFAULT extensions.uuid_generate_v4()::text;',
      errors: [{ messageId: 'unknownDefault', column: 45, endColumn: 72, data: { column: 'token', table: 't', function: 'extensions.uuid_generate_v4' } }],
    },
    {
      name: 'a volatile call nested in a non-volatile one',
      code: "ALTER TABLE t ADD COLUMN salt text DEFAULT 'x' || md5(random()::text);",
      errors: [{ messageId: 'volatileDefault', column: 55, endColumn: 61, data: { column: 'salt', table: 't', function: 'random' } }],
    },
    {
      name: 'squawk default_uuid_error_multi_stmt#1',
      code: 'alter table t set logged, add column c integer default uuid();',
      errors: [{ messageId: 'unknownDefault', column: 56, endColumn: 60 }],
    },
    {
      name: 'squawk generated_stored_err#1',
      code: '\nALTER TABLE foo\nADD COLUMN bar numeric GENERATED ALWAYS AS (bar + baz) STORED;\n        ',
      errors: [{ messageId: 'storedGenerated', line: 3, column: 24, endColumn: 33, data: { column: 'bar', table: 'foo' } }],
    },
    {
      name: 'an identity column numbers every row',
      code: 'ALTER TABLE events ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;',
      errors: [{ messageId: 'identityColumn', column: 41, endColumn: 50, data: { column: 'id', table: 'events' } }],
    },
    {
      name: 'a serial column fills every row from its sequence',
      code: 'ALTER TABLE a ADD COLUMN b SERIAL PRIMARY KEY;',
      errors: [{ messageId: 'serialColumn', column: 28, endColumn: 34, data: { type: 'serial', column: 'b', table: 'a' } }],
    },
    {
      name: 'squawk docs_example_error_on_pg_11, on Postgres 10 (11 added the fast default)',
      code: 'ALTER TABLE "core_recipe" ADD COLUMN "foo" integer DEFAULT 10;',
      settings: { postgresVersion: 10 },
      errors: [{ messageId: 'defaultBeforePg11', column: 52, endColumn: 59, data: { column: 'foo', table: 'core_recipe', version: 10 } }],
    },
    {
      name: 'CRLF, an emoji comment, non-ASCII names',
      code: '-- ⏱️ clocks\r\nALTER TABLE "événements" ADD COLUMN "créé" timestamptz DEFAULT clock_timestamp();\r\n',
      errors: [{ messageId: 'volatileDefault', line: 2, column: 64, endLine: 2, endColumn: 79, data: { column: 'créé', table: 'événements', function: 'clock_timestamp' } }],
    },
    {
      name: 'listing one function does not cover another',
      code: 'ALTER TABLE t ADD COLUMN a jsonb DEFAULT myjsonb(), ADD COLUMN b int DEFAULT other();',
      options: { nonVolatileFunctions: ['myjsonb'] },
      errors: [{ messageId: 'unknownDefault', data: { column: 'b', table: 't', function: 'other' } }],
    },
  ],
  invalidOptions: [{ nonVolatileFunctions: 'myjsonb' }, { nonVolatileFunctions: [1] }, { nonVolatileFunctions: [''] }, { nonVolatile: ['x'] }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-column-type-change.js';

const USERS = 'CREATE TABLE users (id int PRIMARY KEY, name varchar(50), bio text, price numeric(10, 2), ip cidr, at timestamp(3), code char(3));';
const later = (code: string) => ({ files: [{ path: 'migrations/001_users.up.sql', code: USERS }, { path: 'migrations/002_change.up.sql', code }] });

new RuleTester({ plugins: [destructive] }).run('destructive/no-column-type-change', rule, {
  valid: [
    'CREATE TABLE t (a int);\nALTER TABLE t ALTER COLUMN a TYPE bigint;',
    { name: 'a column added in the same file', code: 'ALTER TABLE users ADD COLUMN score int;\nALTER TABLE users ALTER COLUMN score TYPE bigint;' },
    { name: 'varchar(n) → text after an earlier change in the file', code: '-- migralint-disable-next-statement destructive/no-column-type-change -- table has 12 rows\nALTER TABLE t ALTER COLUMN a TYPE varchar(20);\nALTER TABLE t ALTER COLUMN a TYPE text;' },
    { name: 'a larger varchar after an earlier change in the same statement', code: '-- migralint-disable-next-statement destructive/no-column-type-change -- tiny lookup table\nALTER TABLE t ALTER COLUMN a TYPE varchar(20), ALTER COLUMN a TYPE varchar(40);' },
    'ALTER TABLE users ALTER COLUMN name SET DEFAULT \'\';',
    { name: 'varchar(n) → text (migration model)', ...later('ALTER TABLE users ALTER COLUMN name TYPE text;') },
    { name: 'a larger or unlimited varchar (migration model)', ...later('ALTER TABLE users ALTER COLUMN name TYPE varchar(100), ALTER COLUMN bio TYPE varchar;') },
    { name: 'numeric with more precision, same scale; cidr → inet; more time precision (migration model)', ...later('ALTER TABLE users ALTER COLUMN price TYPE numeric(12, 2), ALTER COLUMN ip TYPE inet, ALTER COLUMN at SET DATA TYPE timestamp(6);') },
    { name: 'USING the column itself, cast to the new type (migration model)', ...later('ALTER TABLE users ALTER COLUMN name TYPE text USING name::text;') },
  ],
  invalid: [
    {
      name: 'the old type is unknown without the history',
      code: 'ALTER TABLE users ALTER COLUMN id TYPE bigint;',
      errors: [{ messageId: 'changeTypeUnknown', line: 1, column: 32, endLine: 1, endColumn: 34, data: { column: 'id', table: 'users', to: 'bigint' } }],
    },
    {
      name: 'squawk changing_column_type::another_err#1: the second change is varchar(255) → text, allowed',
      code: '\nBEGIN;\n--\n-- Alter field foo on recipe\n--\nALTER TABLE "core_recipe" ALTER COLUMN "foo" TYPE varchar(255) USING "foo"::varchar(255);\nALTER TABLE "core_recipe" ALTER COLUMN "foo" TYPE text USING "foo"::text;\nCOMMIT;\n        ',
      errors: [{ messageId: 'changeTypeUnknown', line: 6, column: 40, endLine: 6, endColumn: 45, data: { column: 'foo', table: 'core_recipe', to: 'varchar(255)' } }],
    },
    {
      name: 'a USING expression that changes the values, several subcommands, CRLF, an emoji comment',
      code: '-- 🔁\r\nALTER TABLE app.events\r\n  ALTER COLUMN "größe" TYPE int USING "größe"::int + 1,\r\n  ALTER payload SET DATA TYPE jsonb;',
      errors: [
        { messageId: 'changeTypes', line: 3, column: 16, endLine: 3, endColumn: 23, data: { count: 2, table: 'app.events', columns: '"größe" to integer USING …, "payload" to jsonb' } },
      ],
    },
    {
      name: 'integer → bigint rewrites (migration model)',
      ...later('ALTER TABLE users ALTER COLUMN id TYPE bigint;'),
      errors: [{ file: 'migrations/002_change.up.sql', messageId: 'changeType', line: 1, column: 32, endColumn: 34, data: { column: 'id', table: 'users', from: 'integer', to: 'bigint' } }],
    },
    {
      name: 'a smaller varchar, text → varchar(n), a changed numeric scale, char → text (migration model)',
      ...later('ALTER TABLE users ALTER COLUMN name TYPE varchar(20), ALTER COLUMN bio TYPE varchar(200), ALTER COLUMN price TYPE numeric(12, 4), ALTER COLUMN code TYPE text;'),
      errors: [
        {
          file: 'migrations/002_change.up.sql',
          messageId: 'changeTypes',
          line: 1,
          column: 32,
          data: { count: 4, table: 'users', columns: '"name" varchar(50) → varchar(20), "bio" text → varchar(200), "price" numeric(10,2) → numeric(12,4), "code" char(3) → text' },
        },
      ],
    },
    {
      name: 'one statement rewrites once: the binary-compatible clauses beside a rewriting one are not listed',
      ...later('ALTER TABLE users ALTER COLUMN name TYPE text, ALTER COLUMN id TYPE bigint;'),
      errors: [{ file: 'migrations/002_change.up.sql', messageId: 'changeType', line: 1, column: 61, data: { column: 'id', table: 'users', from: 'integer', to: 'bigint' } }],
    },
    {
      name: 'a collation change rebuilds the indexes (migration model)',
      ...later('ALTER TABLE users ALTER COLUMN bio TYPE text COLLATE "C";'),
      errors: [{ file: 'migrations/002_change.up.sql', messageId: 'changeCollation', line: 1, column: 32, endColumn: 35 }],
    },
  ],
  invalidOptions: [{ allowBinaryCompatible: false }],
});

import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-text-field.js';

new RuleTester({ plugins: [design] }).run('design/prefer-text-field', rule, {
  valid: [
    'CREATE TABLE t (name text CHECK (length(name) <= 100));',
    { name: 'varchar without a length is text', code: 'CREATE TABLE IF NOT EXISTS t (a varchar, b character varying);' },
    'CREATE TEMP TABLE t (a varchar(10));',
    'CREATE TABLE t (a char(2));',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/prefer-text-field -- mirrors an external API limit\nCREATE TABLE t (code varchar(3));' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (name varchar(100));',
      errors: [
        {
          messageId: 'preferText', line: 1, column: 22, endLine: 1, endColumn: 34, data: { columns: 'column "name"', table: 't' },
          suggestions: [{ desc: 'Use text (and add a CHECK constraint on the length)', output: 'CREATE TABLE t (name text);' }],
        },
      ],
    },
    {
      name: 'character varying(n), pg_catalog.varchar(n) and an array in one finding',
      code: 'CREATE TABLE t (a character varying(20), b pg_catalog.varchar(30), c varchar(5)[3]);',
      errors: [
        {
          messageId: 'preferText', line: 1, column: 19, endLine: 1, endColumn: 40, data: { columns: 'columns "a", "b", "c"', table: 't' },
          suggestions: [{ output: 'CREATE TABLE t (a text, b text, c text[3]);' }],
        },
      ],
    },
    {
      name: 'ALTER COLUMN … TYPE varchar(n), even a larger one',
      code: 'ALTER TABLE "core_foo" ALTER COLUMN "kind" TYPE varchar(1000) USING "kind"::varchar(1000);',
      errors: [{ messageId: 'preferText', line: 1, column: 49, endLine: 1, endColumn: 62, data: { columns: 'column "kind"', table: 'core_foo' } }],
    },
    {
      name: 'CRLF, an emoji comment, ADD COLUMN',
      code: '-- 🔤\r\nALTER TABLE users\r\n  ADD COLUMN "straße" VARCHAR(80);',
      errors: [{ messageId: 'preferText', line: 3, column: 23, endLine: 3, endColumn: 34, data: { columns: 'column "straße"', table: 'users' } }],
    },
  ],
  invalidOptions: [{ maxLength: 10 }],
});

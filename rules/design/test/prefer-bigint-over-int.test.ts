import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-bigint-over-int.js';

new RuleTester({ plugins: [design] }).run('design/prefer-bigint-over-int', rule, {
  valid: [
    'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n int8, c bigserial);',
    'CREATE TABLE t (a smallint, b numeric, c text);',
    'CREATE TEMP TABLE scratch (a int);',
    { name: 'a type of another schema that happens to be called int4', code: 'CREATE TABLE t (a app.int4);' },
    { code: 'CREATE TABLE t (id bigint PRIMARY KEY, score int, org bigint REFERENCES orgs);', options: { onlyKeys: true } },
    'ALTER TABLE t ALTER COLUMN a SET DEFAULT 1;',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/prefer-bigint-over-int -- a star rating, 1 to 5\nCREATE TABLE ratings (stars int);' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE users (id int);',
      errors: [
        {
          messageId: 'preferBigint', line: 1, column: 24, endLine: 1, endColumn: 27, data: { columns: 'column "id"', table: 'users' },
          suggestions: [{ desc: 'Use bigint (bigserial for serial)', output: 'CREATE TABLE users (id bigint);' }],
        },
      ],
    },
    {
      name: 'one finding per statement, naming every column; arrays and serial',
      code: 'CREATE TABLE users (id serial PRIMARY KEY, score integer NOT NULL, ids int4[]);',
      errors: [
        {
          messageId: 'preferBigint', line: 1, column: 24, endLine: 1, endColumn: 30, data: { columns: 'columns "id", "score", "ids"', table: 'users' },
          suggestions: [{ output: 'CREATE TABLE users (id bigserial PRIMARY KEY, score bigint NOT NULL, ids bigint[]);' }],
        },
      ],
    },
    {
      name: 'ADD COLUMN and ALTER COLUMN … TYPE, schema-qualified',
      code: 'ALTER TABLE app.t ADD COLUMN n INTEGER, ALTER COLUMN m TYPE pg_catalog.int4;',
      errors: [
        {
          messageId: 'preferBigint', line: 1, column: 32, endLine: 1, endColumn: 39, data: { columns: 'columns "n", "m"', table: 'app.t' },
          suggestions: [{ output: 'ALTER TABLE app.t ADD COLUMN n bigint, ALTER COLUMN m TYPE bigint;' }],
        },
      ],
    },
    {
      name: 'onlyKeys: primary and foreign keys only',
      code: 'CREATE TABLE t (id int PRIMARY KEY, score int, org int REFERENCES orgs);',
      options: { onlyKeys: true },
      errors: [{ messageId: 'preferBigint', line: 1, column: 20, endLine: 1, endColumn: 23, data: { columns: 'columns "id", "org"', table: 't' } }],
    },
    {
      name: 'CRLF, an emoji comment, a quoted non-ASCII table name',
      code: '-- 🔢\r\nCREATE TABLE "Zähler" (\r\n  wert int4\r\n);',
      errors: [{ messageId: 'preferBigint', line: 3, column: 8, endLine: 3, endColumn: 12, data: { columns: 'column "wert"', table: 'Zähler' } }],
    },
  ],
  invalidOptions: [{ onlyKeys: 'yes' }, { keys: true }],
});

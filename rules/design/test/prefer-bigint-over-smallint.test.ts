import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-bigint-over-smallint.js';

new RuleTester({ plugins: [design] }).run('design/prefer-bigint-over-smallint', rule, {
  valid: [
    'CREATE TABLE t (a bigint, b int, c serial);',
    'CREATE TEMP TABLE t (a smallint);',
    'ALTER TABLE t ALTER COLUMN a DROP DEFAULT;',
    'CREATE TABLE t (a app.int2);',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/prefer-bigint-over-smallint -- HTTP status codes\nCREATE TABLE hits (status smallint);' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (a smallint);',
      errors: [
        {
          messageId: 'preferBigint', line: 1, column: 19, endLine: 1, endColumn: 27, data: { columns: 'column "a"', table: 't' },
          suggestions: [{ desc: 'Use bigint (bigserial for smallserial)', output: 'CREATE TABLE t (a bigint);' }],
        },
      ],
    },
    {
      name: 'int2, smallserial, serial2 and an array in one finding',
      code: 'CREATE TABLE t (a int2, b smallserial, c serial2, d smallint[]);',
      errors: [
        {
          messageId: 'preferBigint', line: 1, column: 19, endLine: 1, endColumn: 23, data: { columns: 'columns "a", "b", "c", "d"', table: 't' },
          suggestions: [{ output: 'CREATE TABLE t (a bigint, b bigserial, c bigserial, d bigint[]);' }],
        },
      ],
    },
    {
      name: 'ADD COLUMN, schema-qualified',
      code: 'ALTER TABLE app.t ADD COLUMN n smallint NOT NULL DEFAULT 0;',
      errors: [{ messageId: 'preferBigint', line: 1, column: 32, endLine: 1, endColumn: 40, data: { columns: 'column "n"', table: 'app.t' } }],
    },
    {
      name: 'CRLF, an emoji comment, ALTER COLUMN … TYPE',
      code: '-- 🐜\r\nALTER TABLE t\r\n  ALTER COLUMN a TYPE int2;',
      errors: [{ messageId: 'preferBigint', line: 3, column: 23, endLine: 3, endColumn: 27 }],
    },
  ],
  invalidOptions: [{ onlyKeys: true }],
});

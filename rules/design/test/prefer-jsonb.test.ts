import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-jsonb.js';

new RuleTester({ plugins: [design] }).run('design/prefer-jsonb', rule, {
  valid: [
    'CREATE TABLE t (payload jsonb NOT NULL DEFAULT \'{}\');',
    'CREATE TEMP TABLE t (payload json);',
    'SELECT \'{}\'::json;',
    'ALTER TABLE t ALTER COLUMN payload TYPE jsonb USING payload::jsonb;',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/prefer-jsonb -- webhook bodies must be kept byte for byte\nCREATE TABLE webhooks (body json);' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (payload json);',
      errors: [
        {
          messageId: 'preferJsonb', line: 1, column: 25, endLine: 1, endColumn: 29, data: { columns: 'column "payload"', table: 't' },
          suggestions: [{ desc: 'Use jsonb', output: 'CREATE TABLE t (payload jsonb);' }],
        },
      ],
    },
    {
      name: 'several columns and an array in one finding',
      code: 'CREATE TABLE app.t (a json, b json[], c jsonb);',
      errors: [
        {
          messageId: 'preferJsonb', line: 1, column: 23, endLine: 1, endColumn: 27, data: { columns: 'columns "a", "b"', table: 'app.t' },
          suggestions: [{ output: 'CREATE TABLE app.t (a jsonb, b jsonb[], c jsonb);' }],
        },
      ],
    },
    {
      name: 'ADD COLUMN and ALTER COLUMN … TYPE',
      code: 'ALTER TABLE t ADD COLUMN meta json, ALTER COLUMN extra TYPE pg_catalog.json;',
      errors: [{ messageId: 'preferJsonb', line: 1, column: 31, endLine: 1, endColumn: 35, data: { columns: 'columns "meta", "extra"', table: 't' } }],
    },
    {
      name: 'CRLF, an emoji comment, a quoted non-ASCII table name',
      code: '-- 📦\r\nCREATE TABLE "Ereignisse" (\r\n  daten JSON\r\n);',
      errors: [{ messageId: 'preferJsonb', line: 3, column: 9, endLine: 3, endColumn: 13, data: { columns: 'column "daten"', table: 'Ereignisse' } }],
    },
  ],
  invalidOptions: [{ allowColumns: [] }],
});

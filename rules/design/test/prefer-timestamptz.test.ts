import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-timestamptz.js';

new RuleTester({ plugins: [design] }).run('design/prefer-timestamptz', rule, {
  valid: [
    'CREATE TABLE t (created_at timestamptz NOT NULL DEFAULT now());',
    'CREATE TABLE t (a timestamp with time zone, b timestamptz(3), c date, d time);',
    'CREATE TEMP TABLE t (a timestamp);',
    'ALTER TABLE t ALTER COLUMN a TYPE timestamptz USING a AT TIME ZONE \'UTC\';',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/prefer-timestamptz -- local opening hours, not instants\nCREATE TABLE shops (opens_at timestamp);' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (created_at timestamp);',
      errors: [
        {
          messageId: 'preferTimestamptz', line: 1, column: 28, endLine: 1, endColumn: 37, data: { columns: 'column "created_at"', table: 't' },
          suggestions: [{ desc: 'Use timestamptz', output: 'CREATE TABLE t (created_at timestamptz);' }],
        },
      ],
    },
    {
      name: 'without time zone, a precision and an array in one finding',
      code: 'CREATE TABLE app.events (a timestamp without time zone, b timestamp(3) without time zone, c timestamp[]);',
      errors: [
        {
          messageId: 'preferTimestamptz', line: 1, column: 28, endLine: 1, endColumn: 55, data: { columns: 'columns "a", "b", "c"', table: 'app.events' },
          suggestions: [{ output: 'CREATE TABLE app.events (a timestamptz, b timestamptz(3), c timestamptz[]);' }],
        },
      ],
    },
    {
      name: 'squawk prefer_timestamptz::fix_alter_table_timestamp#1 (same verdict)',
      code: '\nalter table app.users\n    alter column created_ts type timestamp;\n',
      errors: [{ messageId: 'preferTimestamptz', line: 3, column: 34, endLine: 3, endColumn: 43 }],
    },
    {
      name: 'CRLF, an emoji comment, ADD COLUMN, a quoted non-ASCII table',
      code: '-- ⏰\r\nALTER TABLE "Aufträge"\r\n  ADD COLUMN erledigt TIMESTAMP;',
      errors: [{ messageId: 'preferTimestamptz', line: 3, column: 23, endLine: 3, endColumn: 32, data: { columns: 'column "erledigt"', table: 'Aufträge' } }],
    },
  ],
  invalidOptions: [{ allowColumns: [] }],
});

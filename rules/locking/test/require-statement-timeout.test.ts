import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/require-statement-timeout.js';

const ADD = 'ALTER TABLE t ADD COLUMN c BOOLEAN;';

new RuleTester({ plugins: [locking] }).run('locking/require-statement-timeout', rule, {
  valid: [
    { name: 'squawk ok_only_statement_timeout_rule_enabled#1', code: `\nSET statement_timeout = '5s';\n${ADD}\n        ` },
    { name: 'SET LOCAL inside the transaction', code: `BEGIN;\nSET LOCAL statement_timeout = '1min';\n${ADD}\nCOMMIT;` },
    { name: 'set_config, local, inside the runner’s transaction', code: `SELECT set_config('statement_timeout', '60s', true);\n${ADD}`, settings: { assumeTransaction: true } },
    { name: 'lock_timeout is another setting, but new tables need neither', code: 'CREATE TABLE t (id bigint);\nALTER TABLE t ADD COLUMN c BOOLEAN;' },
    { name: 'squawk ok_other_ddl_with_timeouts#1', code: "SET lock_timeout = '1s';\nSET statement_timeout = '5s';\nCREATE FUNCTION add(integer, integer) RETURNS integer\n    AS 'select $1 + $2;'\n    LANGUAGE SQL;" },
  ],
  invalid: [
    {
      name: 'squawk err_only_statement_timeout_rule_enabled#1',
      code: ADD,
      errors: [
        {
          messageId: 'missing',
          column: 13,
          endColumn: 14,
          data: { target: 'table "t"', mode: 'ACCESS EXCLUSIVE', blocked: 'query on it' },
          suggestions: [{ desc: "Insert SET statement_timeout = '5min'; before this statement", output: `SET statement_timeout = '5min';\n${ADD}` }],
        },
      ],
    },
    {
      name: 'squawk err_missing_statement_timeout#1: lock_timeout does not count',
      code: `\nSET lock_timeout = '1s';\n${ADD}\n        `,
      errors: [{ messageId: 'missing', line: 3, column: 13 }],
    },
    {
      name: 'set_config local outside a transaction does nothing',
      code: `SELECT set_config('statement_timeout', '60s', true);\n${ADD}`,
      errors: [{ messageId: 'missing', line: 2, column: 13 }],
    },
    {
      name: 'SET … TO DEFAULT turns it off; a CREATE INDEX blocks writes',
      code: "SET statement_timeout = '1min';\nSET statement_timeout TO DEFAULT;\nCREATE INDEX idx ON orders (created_at);",
      errors: [{ messageId: 'missing', line: 3, column: 21, endColumn: 27, data: { target: 'table "orders"', mode: 'SHARE', blocked: 'write to it' } }],
    },
    {
      name: 'suggestedTimeout, once per file',
      code: 'TRUNCATE a, b;\nDROP TABLE c;',
      options: { suggestedTimeout: '30000' },
      errors: [{ messageId: 'missing', line: 1, column: 10, endColumn: 11, suggestions: [{ output: "SET statement_timeout = '30000';\nTRUNCATE a, b;\nDROP TABLE c;" }] }],
    },
  ],
  invalidOptions: [{ suggestedTimeout: 'soon' }, { suggestedTimeout: 300 }, { suggestedTimeout: '5min', extra: true }],
});

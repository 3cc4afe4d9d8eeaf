import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/no-uncommitted-transaction.js';
import { squawkConformance } from './squawk-conformance.js';

const ADD_COMMIT = 'Add COMMIT after the last statement of the migration';

new RuleTester({ plugins: [concurrently] }).run('concurrently/no-uncommitted-transaction', rule, {
  valid: [
    'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;',
    'BEGIN;\nCREATE TABLE users (id bigint);\nROLLBACK;',
    'CREATE TABLE users (id bigint);',
    { name: 'a nested BEGIN is ignored; the COMMIT closes the transaction', code: 'BEGIN;\nBEGIN;\nCOMMIT;' },
    'BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;\nEND;',
    {
      name: 'the runner commits what is open at the end of a part it wraps',
      code: 'COMMIT;\nCREATE INDEX CONCURRENTLY i ON t (c);\nBEGIN;\nSELECT 1;',
      settings: { assumeTransaction: true },
    },
    {
      name: 'model: a dbmate up section is wrapped by the runner, and ends before -- migrate:down',
      filename: 'db/migrations/20260101000000_t.sql',
      code: '-- migrate:up\nBEGIN;\nCREATE TABLE t (id bigint);\n\n-- migrate:down\nDROP TABLE t;\n',
    },
  ],
  invalid: [
    {
      code: 'BEGIN;\nCREATE TABLE users (id bigint);\n',
      errors: [
        {
          messageId: 'uncommitted',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          data: { command: 'BEGIN' },
          suggestions: [{ desc: ADD_COMMIT, output: 'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n' }],
        },
      ],
    },
    {
      name: 'CR line ends: the suggestion uses them too',
      code: 'BEGIN;\rCREATE TABLE users (id bigint);',
      errors: [{ messageId: 'uncommitted', line: 1, column: 1, endLine: 1, endColumn: 6, suggestions: [{ output: 'BEGIN;\rCREATE TABLE users (id bigint);\rCOMMIT;' }] }],
    },
    {
      name: 'START TRANSACTION',
      code: 'START TRANSACTION;\nCREATE TABLE posts (id bigint);',
      errors: [
        {
          messageId: 'uncommitted',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 18,
          data: { command: 'START TRANSACTION' },
          suggestions: [{ output: 'START TRANSACTION;\nCREATE TABLE posts (id bigint);\nCOMMIT;' }],
        },
      ],
    },
    {
      name: 'the second of two transactions',
      code: 'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n\nBEGIN;\nCREATE TABLE posts (id bigint);\n',
      errors: [{ messageId: 'uncommitted', line: 5, column: 1, endLine: 5, endColumn: 6 }],
    },
    {
      name: 'lower case, CRLF, non-ASCII, no final semicolon',
      code: 'begin work;\r\ncreate table "café" (id bigint)',
      errors: [
        {
          messageId: 'uncommitted',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          data: { command: 'BEGIN' },
          suggestions: [{ output: 'begin work;\r\ncreate table "café" (id bigint);\r\ncommit' }],
        },
      ],
    },
    {
      name: 'an emoji comment before the BEGIN',
      code: '-- 🚧 wip\nBEGIN;\nSELECT 1;',
      errors: [{ messageId: 'uncommitted', line: 2, column: 1, endLine: 2, endColumn: 6 }],
    },
  ],
  invalidOptions: [{ autoCommit: true }],
});

squawkConformance('concurrently/no-uncommitted-transaction', rule, 'ban-uncommitted-transaction');

import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/transaction-nesting.js';
import { squawkConformance } from './squawk-conformance.js';

const RUNNER = { assumeTransaction: true };

new RuleTester({ plugins: [concurrently] }).run('concurrently/transaction-nesting', rule, {
  valid: [
    'BEGIN;\nSELECT 1;\nCOMMIT;',
    { name: 'two transactions one after the other', code: 'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;' },
    'SELECT 1;',
    'START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\nEND;',
    { name: 'COMMIT AND CHAIN keeps a transaction open', code: 'BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;\nCOMMIT;' },
    { name: 'savepoints are the nested transactions Postgres has', code: 'BEGIN;\nSAVEPOINT a;\nSELECT 1;\nRELEASE SAVEPOINT a;\nCOMMIT;' },
    { code: 'SELECT 1;', settings: RUNNER },
    {
      // golang-migrate sends the file as one query: its implicit transaction is taken over by the
      // file's own BEGIN/COMMIT (PostgreSQL protocol docs, multi-statement queries); golang-migrate's
      // own docs suggest exactly this.
      name: 'model: BEGIN/COMMIT in a multi-statement golang-migrate up takes over the implicit transaction',
      filename: 'db/migrations/004_add_column.up.sql',
      code: 'BEGIN;\nALTER TABLE t ADD COLUMN c text;\nCOMMIT;\n',
    },
    {
      name: 'model: a dbmate section with transaction:false manages its own transaction',
      filename: 'db/migrations/20260101000000_x.sql',
      code: '-- migrate:up transaction:false\nBEGIN;\nALTER TABLE t ADD COLUMN c text;\nCOMMIT;\n\n-- migrate:down transaction:false\nALTER TABLE t DROP COLUMN c;\n',
    },
  ],
  invalid: [
    {
      code: 'BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;',
      errors: [{ messageId: 'nestedBegin', line: 2, column: 1, endLine: 2, endColumn: 6, data: { command: 'BEGIN' } }],
    },
    {
      code: 'BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;',
      errors: [{ messageId: 'endWithoutBegin', line: 4, column: 1, endLine: 4, endColumn: 7, data: { command: 'COMMIT' } }],
    },
    {
      name: 'lower case ABORT, CRLF',
      code: 'select 1;\r\nabort;\r\n',
      errors: [{ messageId: 'endWithoutBegin', line: 2, column: 1, endLine: 2, endColumn: 6, data: { command: 'ABORT' } }],
    },
    {
      name: 'an emoji comment, BEGIN WORK: UTF-16 columns',
      code: '/* 🙂 */ BEGIN; BEGIN WORK; COMMIT;',
      errors: [{ messageId: 'nestedBegin', line: 1, column: 17, endLine: 1, endColumn: 27 }],
    },
    {
      name: 'runner: COMMIT ends its transaction',
      code: 'SELECT 1;\nCOMMIT;',
      settings: RUNNER,
      errors: [{ messageId: 'commitInRunner', line: 2, column: 1, endLine: 2, endColumn: 7, data: { command: 'COMMIT' } }],
    },
    {
      name: 'runner: ROLLBACK throws the migration away',
      code: 'SELECT 1;\nROLLBACK;',
      settings: RUNNER,
      errors: [{ messageId: 'rollbackInRunner', line: 2, column: 1, endLine: 2, endColumn: 9, data: { command: 'ROLLBACK' } }],
    },
    {
      name: 'runner: BEGIN … COMMIT around the whole part is one finding',
      code: 'BEGIN;\nBEGIN;\nSELECT 1;\nCOMMIT;',
      settings: RUNNER,
      errors: [
        { messageId: 'beginInRunner', line: 1, column: 1, endLine: 1, endColumn: 6 },
        { messageId: 'nestedBegin', line: 2, column: 1, endLine: 2, endColumn: 6 },
      ],
    },
    {
      name: 'runner: a COMMIT with statements after it is a finding of its own',
      code: 'BEGIN;\nSELECT 1;\nCOMMIT;\nSELECT 2;',
      settings: RUNNER,
      errors: [
        { messageId: 'beginInRunner', line: 1, column: 1, endLine: 1, endColumn: 6 },
        { messageId: 'commitInRunner', line: 3, column: 1, endLine: 3, endColumn: 7 },
      ],
    },
  ],
  invalidOptions: [{ allowRunnerTransaction: true }],
});

squawkConformance('concurrently/transaction-nesting', rule, 'transaction-nesting', {
  'transaction_nesting::squawk_disable_assume_in_transaction_allows_begin_commit#1':
    'a `-- squawk-disable-assume-in-transaction` comment means nothing to migralint; a file that manages its own transaction says so the runner\'s way (dbmate transaction:false, goose NO TRANSACTION, …) or with `assumeTransaction: false` in an `overrides` entry',
});

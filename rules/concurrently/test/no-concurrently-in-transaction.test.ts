import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/no-concurrently-in-transaction.js';
import { squawkConformance } from './squawk-conformance.js';

new RuleTester({ plugins: [concurrently] }).run('concurrently/no-concurrently-in-transaction', rule, {
  valid: [
    'CREATE INDEX CONCURRENTLY i ON t (c);',
    'DROP INDEX CONCURRENTLY IF EXISTS i;\nREINDEX TABLE CONCURRENTLY t;\nALTER TABLE m DETACH PARTITION m_2025 CONCURRENTLY;',
    { name: 'after the COMMIT', code: 'BEGIN;\nCREATE INDEX i ON t (c);\nCOMMIT;\nCREATE INDEX CONCURRENTLY j ON t (d);' },
    { name: 'not concurrent inside BEGIN', code: 'BEGIN;\nREINDEX (CONCURRENTLY false) TABLE t;\nALTER TABLE m DETACH PARTITION m_2025 FINALIZE;\nCOMMIT;' },
    {
      name: 'the runner\'s transaction ended by the file\'s COMMIT (transaction-nesting reports that)',
      code: 'COMMIT;\nCREATE UNIQUE INDEX CONCURRENTLY i ON t (c);\nBEGIN;\nALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE USING INDEX i;',
      settings: { assumeTransaction: true },
    },
    {
      name: 'model: dbmate sections that say transaction:false',
      filename: 'db/migrations/20260101000000_add_index.sql',
      code: '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (c);\n\n-- migrate:down transaction:false\nDROP INDEX CONCURRENTLY i;\n',
    },
  ],
  invalid: [
    {
      code: 'BEGIN;\nCREATE INDEX CONCURRENTLY i ON t (c);\nCOMMIT;',
      errors: [{ messageId: 'inFileTransaction', line: 2, column: 14, endLine: 2, endColumn: 26, data: { statement: 'CREATE INDEX CONCURRENTLY' } }],
    },
    {
      name: 'every kind of CONCURRENTLY, CRLF',
      code:
        'BEGIN;\r\nDROP INDEX CONCURRENTLY i;\r\nREINDEX (CONCURRENTLY) TABLE t;\r\nREINDEX INDEX CONCURRENTLY i;\r\n' +
        'ALTER TABLE m DETACH PARTITION m_2025 CONCURRENTLY;\r\nCOMMIT;\r\n',
      errors: [
        { messageId: 'inFileTransaction', line: 2, column: 12, endLine: 2, endColumn: 24, data: { statement: 'DROP INDEX CONCURRENTLY' } },
        { messageId: 'inFileTransaction', line: 3, column: 10, endLine: 3, endColumn: 22, data: { statement: 'REINDEX TABLE CONCURRENTLY' } },
        { messageId: 'inFileTransaction', line: 4, column: 15, endLine: 4, endColumn: 27, data: { statement: 'REINDEX INDEX CONCURRENTLY' } },
        { messageId: 'inFileTransaction', line: 5, column: 39, endLine: 5, endColumn: 51, data: { statement: 'DETACH PARTITION … CONCURRENTLY' } },
      ],
    },
    {
      name: 'lower case START TRANSACTION, a non-ASCII name, an emoji comment',
      code: '-- 🔒 one transaction\nstart transaction;\ndrop index concurrently if exists "ïdx";\ncommit;',
      errors: [{ messageId: 'inFileTransaction', line: 3, column: 12, endLine: 3, endColumn: 24 }],
    },
    {
      name: 'assumeTransaction: the runner wraps every migration, even a one-statement one',
      code: 'CREATE INDEX CONCURRENTLY i ON t (c);',
      settings: { assumeTransaction: true },
      // The advice depends on the layout the model finds (none without a model): see model-contract.test.ts.
      errors: [{ messageId: 'inRunnerTransaction', line: 1, column: 14, endLine: 1, endColumn: 26 }],
    },
    {
      name: 'model: a multi-statement golang-migrate up runs in one transaction',
      filename: 'db/migrations/003_add_index.up.sql',
      code: "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);",
      errors: [{ messageId: 'inRunnerTransaction', line: 2, column: 14, endLine: 2, endColumn: 26 }],
    },
    {
      name: 'model: dbmate wraps each section in a transaction unless it says transaction:false',
      filename: 'db/migrations/20260101000000_add_index.sql',
      code: '-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (c);\n\n-- migrate:down\nDROP INDEX CONCURRENTLY i;\n',
      errors: [
        { messageId: 'inRunnerTransaction', line: 2, column: 14, endLine: 2, endColumn: 26 },
        { messageId: 'inRunnerTransaction', line: 5, column: 12, endLine: 5, endColumn: 24 },
      ],
    },
    {
      name: 'squawk ban_concurrent_index_creation_in_transaction_err#1 (same verdict)',
      code: '\n        -- instead of\n        BEGIN;\n        CREATE INDEX CONCURRENTLY "field_name_idx" ON "table_name" ("field_name");\n        COMMIT;\n        ',
      errors: [{ messageId: 'inFileTransaction', line: 4, column: 22, endLine: 4, endColumn: 34 }],
    },
  ],
  invalidOptions: [{ allowIn: 'transaction' }],
});

squawkConformance('concurrently/no-concurrently-in-transaction', rule, 'ban-concurrent-index-creation-in-transaction', {
  'ban_concurrent_index_creation_in_transaction::assuming_in_transaction_ok#1':
    'assumeTransaction means the runner wraps every migration in a transaction, and Postgres refuses CONCURRENTLY there even when it is the only statement; Squawk exempts a file whose only statement it is. With the migration model, a runner that runs a one-statement file without a transaction (golang-migrate, Prisma) is known per layout',
  'ban_concurrent_index_creation_in_transaction::squawk_disable_assume_in_transaction_overrides#1':
    'a `-- squawk-disable-assume-in-transaction` comment means nothing to migralint; a file that runs without a transaction says so the runner\'s way (dbmate transaction:false, goose NO TRANSACTION, …) or with `assumeTransaction: false` in an `overrides` entry',
});

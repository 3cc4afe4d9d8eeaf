// @migralint/rules-concurrently: index and partition operations that must run CONCURRENTLY on
// tables in production, CONCURRENTLY where Postgres refuses it (inside a transaction), and the
// transaction commands around them (nesting, BEGIN never committed).
import { definePlugin } from '@migralint/core';
import concurrentIndexIfNotExists from './rules/concurrent-index-if-not-exists.js';
import noConcurrentlyInTransaction from './rules/no-concurrently-in-transaction.js';
import noUncommittedTransaction from './rules/no-uncommitted-transaction.js';
import requireConcurrentIndexCreation from './rules/require-concurrent-index-creation.js';
import requireConcurrentIndexDeletion from './rules/require-concurrent-index-deletion.js';
import requireConcurrentPartitionDetach from './rules/require-concurrent-partition-detach.js';
import requireConcurrentReindex from './rules/require-concurrent-reindex.js';
import transactionNesting from './rules/transaction-nesting.js';

export default definePlugin({
  name: 'concurrently',
  rules: {
    'require-concurrent-index-creation': requireConcurrentIndexCreation,
    'require-concurrent-index-deletion': requireConcurrentIndexDeletion,
    'require-concurrent-reindex': requireConcurrentReindex,
    'require-concurrent-partition-detach': requireConcurrentPartitionDetach,
    'no-concurrently-in-transaction': noConcurrentlyInTransaction,
    'concurrent-index-if-not-exists': concurrentIndexIfNotExists,
    'transaction-nesting': transactionNesting,
    'no-uncommitted-transaction': noUncommittedTransaction,
  },
});

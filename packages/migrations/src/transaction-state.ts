// Whether each statement of a part runs inside a transaction block when the runner applies it.
// The part's mode says what the runner does around the SQL; a `none` part can still open its own
// block with BEGIN … COMMIT (sqitch scripts do, by convention). `CREATE INDEX CONCURRENTLY`,
// `VACUUM` and friends fail inside a block, and lock-duration rules depend on when locks are
// released — so rules ask per statement.

import type { MigrationPart, Statement } from '@migralint/core';

export interface TransactionStateOptions {
  /**
   * Statements the runner takes out of its transaction and runs on their own. The Supabase CLI
   * does this for `CREATE INDEX CONCURRENTLY`, `VACUUM` and the like (see docs/layouts.md).
   */
  runsStandalone?: (statement: Statement) => boolean;
}

/**
 * `statements` are the part's statements in file order (those outside the part's range are
 * ignored). Returns, by statement index in the file, whether the statement runs inside a
 * transaction block.
 */
export function inTransactionAt(
  part: MigrationPart,
  statements: readonly Statement[],
  options: TransactionStateOptions = {},
): Map<number, boolean> {
  const result = new Map<number, boolean>();
  // Inside a runner's transaction everything counts as in one: a COMMIT there ends the runner's
  // transaction early (a bug of its own), and in a multi-statement query Postgres opens a new
  // implicit block right after it.
  let open = part.transaction === 'transaction';
  for (const statement of statements) {
    if (statement.start < part.range.start || statement.start >= part.range.end) continue;
    if (part.transaction === 'transaction') {
      result.set(statement.index, !options.runsStandalone?.(statement));
      continue;
    }
    const control = transactionControl(statement);
    if (control === 'begin') {
      open = true;
      result.set(statement.index, true);
    } else if (control === 'end') {
      // The COMMIT/ROLLBACK itself belongs to the block it closes.
      result.set(statement.index, open);
      open = false;
    } else {
      result.set(statement.index, open);
    }
  }
  return result;
}

/** BEGIN / START TRANSACTION open a block; COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION close it. */
function transactionControl(statement: Statement): 'begin' | 'end' | undefined {
  if (statement.kind !== 'TransactionStmt') return undefined;
  switch (statement.node.kind) {
    case 'TRANS_STMT_BEGIN':
    case 'TRANS_STMT_START':
      return 'begin';
    case 'TRANS_STMT_COMMIT':
    case 'TRANS_STMT_ROLLBACK':
      // `COMMIT AND CHAIN` starts the next transaction at once.
      return statement.node.chain ? undefined : 'end';
    case 'TRANS_STMT_PREPARE':
      return 'end';
    default:
      // SAVEPOINT, RELEASE, ROLLBACK TO, COMMIT/ROLLBACK PREPARED: the block stays as it was.
      return undefined;
  }
}

// Which statements run in the same transaction. A lock is held until its transaction ends, so the
// locking rules need to know, for every statement of a file, the part it belongs to (one run of the
// migration tool: a whole file, or the up or down section of a dbmate/goose file) and the
// transaction it runs in.
//
// The part and the runner's transaction mode come from the migration model (`context.project.model`:
// golang-migrate wraps each file in a transaction, Supabase runs a file as one multi-statement
// query, …); `settings.assumeTransaction: true` says every part runs in a transaction; without
// either, a file runs statement by statement (autocommit). Explicit `BEGIN`/`START TRANSACTION` and
// `COMMIT`/`ROLLBACK`/`END` in the SQL are tracked on top, the way Postgres does: a `COMMIT` ends
// the runner's transaction too, and the statements after it run in autocommit.

import type { MigrationPart, RuleContext, Statement } from '@migralint/core';

export interface TransactionPlace {
  /** The part the statement belongs to: the same number for every statement of one part. */
  part: number;
  /** The transaction it runs in (the same number for statements sharing one); undefined in autocommit. */
  transaction: number | undefined;
}

const cache = new WeakMap<readonly Statement[], TransactionPlace[]>();

/** The place of every statement of the file, by `statement.index`. */
export function placesOf(context: RuleContext<any>): TransactionPlace[] {
  let places = cache.get(context.statements);
  if (!places) cache.set(context.statements, (places = computePlaces(context)));
  return places;
}

/** The place of one statement. */
export function placeOf(context: RuleContext<any>, statement: Statement): TransactionPlace {
  return placesOf(context)[statement.index] ?? { part: 0, transaction: undefined };
}

/** Does `statement` run inside a transaction block (so its locks outlive it)? */
export function inTransaction(context: RuleContext<any>, statement: Statement): boolean {
  return placeOf(context, statement).transaction !== undefined;
}

/** The statements that run in the same transaction as `statement` (itself included); [statement] in autocommit. */
export function statementsOfTransaction(context: RuleContext<any>, statement: Statement): Statement[] {
  const places = placesOf(context);
  const transaction = places[statement.index]?.transaction;
  if (transaction === undefined) return [statement];
  return context.statements.filter((s) => places[s.index]?.transaction === transaction);
}

function computePlaces(context: RuleContext<any>): TransactionPlace[] {
  const model = context.project.model;
  const assume = context.settings.assumeTransaction === true;
  const partIds = new Map<MigrationPart | undefined, number>();
  const places: TransactionPlace[] = [];
  let currentPart: number | undefined;
  let transaction: number | undefined;
  let nextTransaction = 0;

  for (const statement of context.statements) {
    const part = model?.placeOf(context.file.path, statement)?.part;
    if (!partIds.has(part)) partIds.set(part, partIds.size);
    const partId = partIds.get(part)!;
    if (partId !== currentPart) {
      // A new run of the tool: the runner opens its transaction, or not.
      currentPart = partId;
      transaction = assume || part?.transaction === 'transaction' ? nextTransaction++ : undefined;
    }

    const control = statement.kind === 'TransactionStmt' ? String(statement.node.kind ?? '') : '';
    if ((control === 'TRANS_STMT_BEGIN' || control === 'TRANS_STMT_START') && transaction === undefined) {
      // Inside a transaction, a second BEGIN is only a warning: the first one still holds.
      transaction = nextTransaction++;
    }
    places[statement.index] = { part: partId, transaction };
    if (control === 'TRANS_STMT_COMMIT' || control === 'TRANS_STMT_ROLLBACK' || control === 'TRANS_STMT_PREPARE') {
      // `COMMIT AND CHAIN` starts the next transaction at once.
      transaction = statement.node.chain ? nextTransaction++ : undefined;
    }
  }
  return places;
}

// How the current statement runs with respect to transactions (core's `transactionTrack` answers
// who opened the transaction), and, per layout, how to get a statement out of one: the advice the
// CONCURRENTLY rules give when Postgres refuses the statement inside a transaction block.

import { runnerWraps, transactionTrack, type LayoutName, type Opener, type RuleContext } from '@migralint/core';

export interface TransactionPlace {
  /** The statement runs inside a transaction. */
  inTransaction: boolean;
  /** Who opened it: the file's own BEGIN, or the runner. */
  openedBy?: Opener;
  /** Why the runner wraps the part (the model's transactionReason, or the setting). */
  reason?: string;
  /** How to run the statement outside a transaction, for this layout; reads after "; ". */
  advice?: string;
}

export const OUT_OF_BEGIN = 'move it out of the BEGIN … COMMIT block: after the COMMIT, or into a migration of its own';

/** Per layout: how to make the runner apply one statement without a transaction. */
const RUNNER_ADVICE: Record<LayoutName, string> = {
  supabase:
    'move it to a migration file of its own that holds only this statement (the Supabase CLI applies each migration file in one transaction)',
  'golang-migrate':
    'move it to a migration of its own whose .up.sql holds only this statement (golang-migrate sends a file as one query, which Postgres runs in one transaction when it holds several statements)',
  'paired-down': 'move it to a migration of its own that holds only this statement and that the runner applies without a transaction',
  dbmate: 'move it to a migration of its own whose section starts with `-- migrate:up transaction:false`',
  goose: 'move it to a migration of its own with `-- +goose NO TRANSACTION` at the top',
  flyway: 'move it to a migration of its own with `executeInTransaction=false` in its `.sql.conf` file',
  sqitch: 'move it to a change of its own whose deploy script has no BEGIN/COMMIT',
  prisma: 'move it to a migration of its own whose migration.sql holds only this statement',
  'directory-per-migration':
    "move it to a migration of its own and turn the runner's transaction off there (diesel: `run_in_transaction = false` in metadata.toml; sqlx: `-- no-transaction` as the first line)",
  drizzle:
    "run it outside drizzle-kit's migrator, which applies pending migrations in one transaction with no per-migration switch",
  plain: 'run it without a transaction: not under `psql --single-transaction` (-1) and not between BEGIN and COMMIT',
};

const SETTING_REASON = 'settings.assumeTransaction is true: every migration is taken to run inside a transaction';
const SETTING_ADVICE =
  'move it to a migration of its own that the runner applies without a transaction, and set `assumeTransaction: false` for that file in an `overrides` entry';

/** Where the current statement runs: in a transaction or not, who opened it, and how to get out. */
export function transactionOf(context: RuleContext<any>): TransactionPlace {
  const place = context.migration;
  const wraps = runnerWraps(context);
  const state = transactionTrack(context).before.get(context.statement.index);
  const inTransaction = place ? place.inTransaction : (state?.open ?? wraps);
  if (!inTransaction) return { inTransaction: false };
  if (state?.open && state.owner === 'file') return { inTransaction, openedBy: 'file', advice: OUT_OF_BEGIN };
  // Not the runner's BEGIN, and not an implicit multi-statement block: the file's own transaction.
  if (!wraps && place?.part.implicit !== true) return { inTransaction, openedBy: 'file', advice: OUT_OF_BEGIN };
  if (!place) return { inTransaction, openedBy: 'runner', reason: SETTING_REASON, advice: SETTING_ADVICE };
  return {
    inTransaction,
    openedBy: 'runner',
    reason: place.part.transactionReason || `the ${place.set.layout} runner applies this migration in a transaction`,
    advice: RUNNER_ADVICE[place.set.layout] ?? 'move it to a migration of its own that the runner applies without a transaction',
  };
}

/** The note's sentence on why a CONCURRENTLY fix is not offered here and how to move the statement. */
export function inTransactionRecipe(where: TransactionPlace, statement: string): string {
  const why =
    where.openedBy === 'file'
      ? `This statement runs inside the file's own BEGIN … COMMIT`
      : `This statement runs inside the runner's transaction (${where.reason})`;
  return `${why}, and Postgres refuses ${statement} inside a transaction block, so migralint does not add CONCURRENTLY for you: ${where.advice}, then write ${statement} there.`;
}

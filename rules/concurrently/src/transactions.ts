// Transactions as Postgres sees them while a migration part runs. The runner may wrap the part in
// a transaction of its own (the layout's transaction mode, from the migration model; without a
// model, `settings.assumeTransaction`), and the file may say BEGIN / COMMIT itself. What Postgres
// does with the file's commands decides what breaks:
//
// - BEGIN while a transaction is open does nothing but warn ("there is already a transaction in
//   progress"); the next COMMIT then ends the outer transaction early.
// - COMMIT / ROLLBACK without an open transaction does nothing but warn.
// - COMMIT inside the runner's transaction commits it: what follows runs outside any transaction,
//   and the runner's own COMMIT commits nothing. ROLLBACK there throws the migration's work away
//   while the runner records it as applied.
// - A BEGIN still open when a part the runner does not wrap ends is never committed.
//
// `trackTransactions` replays one part's transaction commands and says, for each statement,
// whether a transaction is open and who opened it, plus the commands that misbehave.

import type { LayoutName, RuleContext, Statement } from '@migralint/core';

export type Opener = 'runner' | 'file';

export interface TransactionState {
  open: boolean;
  /** Who opened the open transaction (meaningless when closed). */
  owner: Opener;
  /** The file's BEGIN that opened it, when the file did. */
  opener?: Statement;
}

export type TransactionEvent =
  /** BEGIN while the file's own transaction is open (or a second BEGIN inside the runner's). */
  | { kind: 'nestedBegin'; statement: Statement; outer: Statement }
  /** BEGIN inside the runner's transaction. */
  | { kind: 'beginInRunner'; statement: Statement }
  /** COMMIT / ROLLBACK / END / ABORT / PREPARE TRANSACTION with no transaction open. */
  | { kind: 'endWithoutBegin'; statement: Statement }
  /** COMMIT / ROLLBACK that ends the runner's transaction. */
  | { kind: 'endsRunnerTransaction'; statement: Statement; rollback: boolean };

export interface TransactionTrack {
  /** The state just before each statement of the part, by statement index. */
  before: Map<number, TransactionState>;
  events: TransactionEvent[];
  /** The file's BEGIN still open at the end of a part the runner does not wrap. */
  uncommitted?: Statement;
}

const BEGINS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const ENDS = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);

/** Replay the transaction commands of one part's statements (in order, parse errors left out). */
export function trackTransactions(statements: readonly Statement[], runnerWraps: boolean): TransactionTrack {
  const before = new Map<number, TransactionState>();
  const events: TransactionEvent[] = [];
  let state: TransactionState = { open: runnerWraps, owner: runnerWraps ? 'runner' : 'file' };
  // A BEGIN Postgres ignored because the runner's transaction was open: its COMMIT belongs to it.
  let ignoredBegin: Statement | undefined;
  statements.forEach((statement, i) => {
    before.set(statement.index, state);
    if (statement.kind !== 'TransactionStmt') return;
    const kind = statement.node.kind as string;
    if (BEGINS.has(kind)) {
      if (!state.open) state = { open: true, owner: 'file', opener: statement };
      else if (state.owner === 'file') events.push({ kind: 'nestedBegin', statement, outer: state.opener ?? statement });
      else if (ignoredBegin) events.push({ kind: 'nestedBegin', statement, outer: ignoredBegin });
      else {
        events.push({ kind: 'beginInRunner', statement });
        ignoredBegin = statement;
      }
      return;
    }
    if (!ENDS.has(kind)) return;
    const chain = statement.node.chain === true;
    if (!state.open) {
      events.push({ kind: 'endWithoutBegin', statement });
      return;
    }
    if (state.owner === 'runner') {
      const rollback = kind === 'TRANS_STMT_ROLLBACK';
      const last = i === statements.length - 1;
      // `BEGIN; …; COMMIT;` around a whole wrapped part is one mistake, reported at the BEGIN;
      // a COMMIT with statements after it, or any ROLLBACK, is a mistake of its own.
      if (rollback || !last || !ignoredBegin) events.push({ kind: 'endsRunnerTransaction', statement, rollback });
    }
    if (!chain) {
      state = { open: false, owner: 'file' };
      ignoredBegin = undefined;
    }
  });
  const uncommitted = !runnerWraps && state.open && state.owner === 'file' ? state.opener : undefined;
  return { before, events, ...(uncommitted ? { uncommitted } : {}) };
}

/** Does the runner wrap the current statement's part in a transaction? */
export function runnerWraps(context: RuleContext<any>): boolean {
  const place = context.migration;
  // An implicit multi-statement block is not the runner's BEGIN: the file's own BEGIN/COMMIT take it over.
  return place ? place.part.transaction === 'transaction' && place.part.implicit !== true : context.settings.assumeTransaction === true;
}

const tracks = new WeakMap<readonly Statement[], Map<string, TransactionTrack>>();

/** `trackTransactions` for the current statement's part, computed once per part. */
export function trackPart(context: RuleContext<any>): TransactionTrack {
  const wraps = runnerWraps(context);
  const range = context.migration?.part.range;
  const key = `${range ? `${range.start}:${range.end}` : 'file'}:${wraps}`;
  let byPart = tracks.get(context.statements);
  if (!byPart) tracks.set(context.statements, (byPart = new Map()));
  let track = byPart.get(key);
  if (!track) byPart.set(key, (track = trackTransactions(context.statementsOfPart(), wraps)));
  return track;
}

/** Is the current statement the last one of its part (parse errors left out)? Looks ahead, not around. */
export function isLastOfPart(context: RuleContext<any>): boolean {
  const range = context.migration?.part.range;
  const { statements, statement } = context;
  const at = statements[statement.index] === statement ? statement.index : statements.indexOf(statement);
  for (let i = at + 1; i < statements.length; i++) {
    const next = statements[i]!;
    if (next.kind === 'ParseError') continue;
    return range !== undefined && !(next.start >= range.start && next.end <= range.end);
  }
  return true;
}

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
  const state = trackPart(context).before.get(context.statement.index);
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

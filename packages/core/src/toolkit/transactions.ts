// Transactions as Postgres sees them while a migration part runs: what a rule may ask about the
// transaction a statement runs in, answered once per file or part and looked up per statement.
//
// The runner may wrap a part in a transaction of its own (the part's mode in the migration model;
// outside any migration set, `settings.assumeTransaction`), and the file may say BEGIN / COMMIT
// itself. What Postgres does with the file's commands:
//
// - BEGIN while a transaction is open does nothing but warn ("there is already a transaction in
//   progress"); the next COMMIT then ends the outer transaction early.
// - COMMIT / ROLLBACK without an open transaction does nothing but warn.
// - COMMIT inside the runner's transaction commits it: what follows runs outside any transaction,
//   and the runner's own COMMIT commits nothing. ROLLBACK there throws the migration's work away
//   while the runner records it as applied.
// - A BEGIN still open when a part the runner does not wrap ends is never committed.
// - `COMMIT AND CHAIN` starts the next transaction at once.
//
// Two views of that, for two kinds of rule:
// - `transactionTrack(context)`: per part, who opened the transaction open before each statement
//   (the runner or the file's BEGIN) and the commands that misbehave — for the rules about BEGIN,
//   COMMIT and CONCURRENTLY. An implicit multi-statement block is not the runner's BEGIN here: the
//   file's BEGIN takes it over.
// - `transactionGroupOf(context, statement)` / `statementsOfTransaction()`: which statements share
//   one transaction, so one lock outlives its statement until COMMIT — for the locking rules. An
//   implicit block counts as a transaction here: its locks are held until the query ends.

import type { MigrationPart } from '../project-model.js';
import type { RuleContext, Statement } from '../types.js';

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

/** Where a statement runs, for lock lifetimes. */
export interface TransactionGroup {
  /** The part the statement belongs to: the same number for every statement of one part of the file. */
  part: number;
  /** The transaction it runs in (the same number for statements sharing one); undefined in autocommit. */
  transaction: number | undefined;
}

const BEGINS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START']);
const ENDS = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE']);

/** BEGIN / START TRANSACTION open a block; COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION close it. */
function controlOf(statement: Statement): 'begin' | 'end' | undefined {
  if (statement.kind !== 'TransactionStmt') return undefined;
  const kind = String(statement.node.kind ?? '');
  return BEGINS.has(kind) ? 'begin' : ENDS.has(kind) ? 'end' : undefined;
}

/** Replay the transaction commands of one part's statements (in order, parse errors left out). */
export function trackTransactions(statements: readonly Statement[], runnerWraps: boolean): TransactionTrack {
  const before = new Map<number, TransactionState>();
  const events: TransactionEvent[] = [];
  let state: TransactionState = { open: runnerWraps, owner: runnerWraps ? 'runner' : 'file' };
  // A BEGIN Postgres ignored because the runner's transaction was open: its COMMIT belongs to it.
  let ignoredBegin: Statement | undefined;
  statements.forEach((statement, i) => {
    before.set(statement.index, state);
    const control = controlOf(statement);
    if (control === 'begin') {
      if (!state.open) state = { open: true, owner: 'file', opener: statement };
      else if (state.owner === 'file') events.push({ kind: 'nestedBegin', statement, outer: state.opener ?? statement });
      else if (ignoredBegin) events.push({ kind: 'nestedBegin', statement, outer: ignoredBegin });
      else {
        events.push({ kind: 'beginInRunner', statement });
        ignoredBegin = statement;
      }
      return;
    }
    if (control !== 'end') return;
    const chain = statement.node.chain === true;
    if (!state.open) {
      events.push({ kind: 'endWithoutBegin', statement });
      return;
    }
    if (state.owner === 'runner') {
      const rollback = statement.node.kind === 'TRANS_STMT_ROLLBACK';
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

/** Does the runner itself open a transaction around the current statement's part (its BEGIN, not an implicit block)? */
export function runnerWraps(context: RuleContext<any>): boolean {
  const place = context.migration;
  return place ? place.part.transaction === 'transaction' && place.part.implicit !== true : context.settings.assumeTransaction === true;
}

const tracks = new WeakMap<readonly Statement[], Map<string, TransactionTrack>>();

/** `trackTransactions` for the current statement's part, computed once per part. */
export function transactionTrack(context: RuleContext<any>): TransactionTrack {
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
  const { statements } = context;
  // A statement from a PL/pgSQL body stands where its top-level statement does.
  const statement = context.statement.nested?.top ?? context.statement;
  const at = statements[statement.index] === statement ? statement.index : statements.indexOf(statement);
  for (let i = at + 1; i < statements.length; i++) {
    const next = statements[i]!;
    if (next.kind === 'ParseError') continue;
    return range !== undefined && !(next.start >= range.start && next.end <= range.end);
  }
  return true;
}

interface FileGroups {
  /** By statement index. */
  groups: TransactionGroup[];
  /** The statements of each transaction, in order. */
  members: Map<number, Statement[]>;
}

const groupsByFile = new WeakMap<readonly Statement[], FileGroups>();

/** Where `statement` runs: its part and the transaction it shares with others (undefined in autocommit). */
export function transactionGroupOf(context: RuleContext<any>, statement: Statement): TransactionGroup {
  return fileGroups(context).groups[statement.index] ?? { part: 0, transaction: undefined };
}

/** The statements that run in the same transaction as `statement` (itself included); [statement] in autocommit. */
export function statementsOfTransaction(context: RuleContext<any>, statement: Statement): readonly Statement[] {
  const { groups, members } = fileGroups(context);
  const transaction = groups[statement.index]?.transaction;
  return transaction === undefined ? [statement] : (members.get(transaction) ?? [statement]);
}

function fileGroups(context: RuleContext<any>): FileGroups {
  let found = groupsByFile.get(context.statements);
  if (!found) groupsByFile.set(context.statements, (found = computeGroups(context)));
  return found;
}

/** One pass over the file: a part starts the runner's transaction (or none); BEGIN/COMMIT on top. */
function computeGroups(context: RuleContext<any>): FileGroups {
  const model = context.project.model;
  const assume = context.settings.assumeTransaction === true;
  const partIds = new Map<MigrationPart | undefined, number>();
  const groups: TransactionGroup[] = [];
  const members = new Map<number, Statement[]>();
  let currentPart: number | undefined;
  let transaction: number | undefined;
  let nextTransaction = 0;

  for (const statement of context.statements) {
    const part = model.placeOf(context.file.path, statement)?.part;
    if (!partIds.has(part)) partIds.set(part, partIds.size);
    const partId = partIds.get(part)!;
    if (partId !== currentPart) {
      // A new run of the tool: the runner opens its transaction (or an implicit block), or not.
      currentPart = partId;
      transaction = assume || part?.transaction === 'transaction' ? nextTransaction++ : undefined;
    }
    const control = controlOf(statement);
    // Inside a transaction, a second BEGIN is only a warning: the first one still holds.
    if (control === 'begin' && transaction === undefined) transaction = nextTransaction++;
    groups[statement.index] = { part: partId, transaction };
    if (transaction !== undefined) {
      let list = members.get(transaction);
      if (!list) members.set(transaction, (list = []));
      list.push(statement);
    }
    if (control === 'end') transaction = statement.node.chain ? nextTransaction++ : undefined;
  }
  return { groups, members };
}

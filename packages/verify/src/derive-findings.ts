// From what the database run observed (run-history.ts) to findings in files (verify-plugin.ts), and
// the cross-check with the static rules: a rewrite Postgres did that no static rule predicted is
// noted on the finding; a rewrite a static rule predicted that Postgres did not do is reported (info).

import type { MigrationSet, Range, SourceFile } from '@migralint/core';
import type { SqlError } from './database.js';
import { STAND_INS } from './extension-stand-ins.js';
import { externalRoot, missingOf, namesCreatedInHistory, setupHint } from './root-causes.js';
import { formatDifference, summarizeDifferences } from './catalog-snapshot.js';
import type { LockRecord, RewriteRecord } from './lock-trace.js';
import type { MigrationRun, SetRun, StatementRun } from './run-history.js';
import type { VerifyFinding } from './verify-plugin.js';

/** Static rules whose findings claim the statement rewrites a table or rebuilds its indexes. */
export const REWRITE_RULES: readonly string[] = ['destructive/no-column-type-change', 'locking/adding-field-with-default', 'locking/prefer-repack'];

/** Static rules whose findings claim a long or write-blocking lock: compared with what the run observed. */
export const LOCK_RULES: readonly string[] = [
  'locking/constraint-missing-not-valid',
  'locking/set-not-null',
  'locking/access-exclusive-then-more',
  'concurrently/require-concurrent-index-creation',
];

/** Every static rule verify compares its observations with (loaded for the cross-check). */
export const CROSS_CHECK_RULES: readonly string[] = [...REWRITE_RULES, ...LOCK_RULES];

/** SQLSTATEs of "it is not there": the usual consequence of an earlier statement that failed. */
const MISSING_OBJECT = new Set(['42P01', '42703', '42883', '42704', '3F000']);

export interface CrossCheck {
  file: string;
  line: number;
  /** Relations Postgres rewrote (empty: none). */
  observed: string[];
  /** Static rules that predicted a rewrite (empty: none). */
  predictedBy: string[];
  verdict: 'agree' | 'missed-by-static-rules' | 'not-observed';
}

export interface DeriveInput {
  run: SetRun;
  set: MigrationSet;
  files: ReadonlyMap<string, SourceFile>;
  /** How findings name the database: `PGlite 0.5.16 (PostgreSQL 18.6)`. */
  database: string;
  /** On a server: the unprivileged role the migrations ran as (server-database.ts). */
  runRole?: string;
  /**
   * Static rules (of CROSS_CHECK_RULES) that reported inside this range of the file; undefined when none
   * of them was loaded (no cross-check then).
   */
  predictions: ((file: string, range: Range) => string[]) | undefined;
}

export function deriveFindings(input: DeriveInput): { findings: VerifyFinding[]; crossChecks: CrossCheck[] } {
  const { run, files } = input;
  const findings: VerifyFinding[] = [];
  const crossChecks: CrossCheck[] = [];
  const lineOf = (file: string, offset: number) => lineAt(files.get(file)?.text ?? '', offset);
  const where = (r: StatementRun) => `${r.file}:${lineOf(r.file, r.start)}`;
  const rangeOf = (r: StatementRun): Range => ({ start: r.start, end: r.end });
  const migrations = new Map(run.migrations.map((m) => [m.index, m]));

  const causes: Cause[] = [];
  const skippedSeen = new Set<string>();
  let created: Set<string> | undefined;
  /** Roots outside the history, by key (`schema auth`): where they were first seen. */
  const roots = new Map<string, string>();
  for (const r of run.statements) {
    if (r.outcome === 'skipped') {
      const key = `${r.file}\0${r.statement}`;
      if (!skippedSeen.has(key)) {
        skippedSeen.add(key);
        findings.push({ rule: 'not-run', messageId: 'skipped', file: r.file, range: rangeOf(r), data: { reason: r.skipReason } });
      }
      continue;
    }
    if (r.outcome === 'failed' && r.error) {
      const error = r.error;
      const base = { file: r.file, range: rangeOf(r), ...(r.errorOffset !== undefined ? { offset: r.errorOffset } : {}) };
      const data = { message: error.message, code: error.code ?? 'none' };
      if (r.pass === 'up-again') {
        if (migrations.get(r.migration)?.roundTrip === 'not-rerunnable') findings.push({ rule: 'up-not-rerunnable', messageId: 'failsAgain', ...base, data, ...note(errorNote(r, input)) });
        continue;
      }
      if (r.unavailableExtension) {
        findings.push({ rule: 'extension-unavailable', messageId: 'unavailable', file: r.file, range: rangeOf(r), data: { extension: r.unavailableExtension, database: input.database }, ...note(errorNote(r, input)) });
        causes.push({ text: `the missing extension "${r.unavailableExtension}" (${where(r)})`, extension: true, name: r.unavailableExtension, creates: new Set() });
        continue;
      }
      const cause = causeOf(error, causes) ?? extensionBehindCode(r, error, causes);
      if (cause) {
        findings.push({ rule: 'dependent-failure', messageId: 'failed', ...base, data: { ...data, cause: cause.text }, ...note(errorNote(r, input)) });
        // What it would have created is missing too: a failure further down may follow from it.
        causes.push({ text: `the failure at ${where(r)}`, extension: false, creates: createdBy(files, r) });
        continue;
      }
      const missing = missingOf(error);
      created ??= namesCreatedInHistory(input.set, files, namesCreatedBy);
      const root = missing ? externalRoot(missing, created) : undefined;
      if (root && roots.has(root)) {
        findings.push({ rule: 'dependent-failure', messageId: 'failed', ...base, data: { ...data, cause: roots.get(root) }, ...note(errorNote(r, input)) });
        causes.push({ text: roots.get(root)!, extension: false, creates: createdBy(files, r) });
        continue;
      }
      if (root) {
        roots.set(root, `the missing ${root} (first at ${where(r)})`);
        findings.push({ rule: 'statement-failed', messageId: 'failed', ...base, data, note: [setupHint(root, input.set.layout), errorNote(r, input)].filter(Boolean).join('\n') });
      } else {
        findings.push({ rule: 'statement-failed', messageId: 'failed', ...base, data, ...note(errorNote(r, input)) });
      }
      causes.push({ text: `the failure at ${where(r)}`, extension: false, creates: createdBy(files, r) });
      continue;
    }
    if (r.pass !== 'up') continue;
    if (r.standIn) {
      const standIn = STAND_INS[r.standIn]!;
      findings.push({ rule: 'extension-stand-in', messageId: 'standIn', file: r.file, range: rangeOf(r), data: { extension: r.standIn, database: input.database, provides: standIn.provides } });
    }
    findings.push(...effectFindings(r, input, crossChecks, lineOf(r.file, r.start)));
  }

  for (const m of run.migrations) {
    if (m.roundTrip !== 'not-restored' || !m.differences?.length) continue;
    const at = downPosition(input.set, m, files);
    if (!at) continue;
    const lines = m.differences.map(formatDifference);
    const shown = lines.slice(0, 40);
    if (lines.length > shown.length) shown.push(`… and ${lines.length - shown.length} more (see --format trace)`);
    findings.push({
      rule: 'down-not-restoring',
      messageId: 'differs',
      file: at.file,
      range: at.range,
      data: { summary: summarizeDifferences(m.differences) },
      note: `Schema before the up (−) compared with the schema after the up and this down (+):\n${shown.join('\n')}${m.dumpDiff ? `\n\nAs a schema-only dump shows it (− before the up, + after the up and this down):\n${capLines(m.dumpDiff, 80)}` : ''}`,
    });
  }
  return { findings, crossChecks };
}

interface Cause {
  text: string;
  /** An extension that was not available: whatever it provides is missing (functions, types, operators). */
  extension: boolean;
  /** For an extension: its name. */
  name?: string;
  /** Names the failed statement would have created (lower case). */
  creates: Set<string>;
}

function createdBy(files: ReadonlyMap<string, SourceFile>, r: StatementRun): Set<string> {
  const statement = files.get(r.file)?.statements[r.statement];
  return new Set(statement ? namesCreatedBy(statement.kind, statement.node).map((n) => n.toLowerCase()) : []);
}

/** The names of what a statement creates, as Postgres will look them up later. */
function namesCreatedBy(kind: string, node: any): string[] {
  const last = (list: any[] | undefined) => {
    const parts = (list ?? []).map((i) => i?.String?.sval).filter((v: unknown): v is string => typeof v === 'string');
    return parts.length > 0 ? [parts[parts.length - 1]!] : [];
  };
  switch (kind) {
    case 'CreateStmt':
      return [node.relation?.relname, ...(node.tableElts ?? []).map((e: any) => e?.ColumnDef?.colname)].filter(Boolean);
    case 'ViewStmt':
      return [node.view?.relname].filter(Boolean);
    case 'CreateTableAsStmt':
      return [node.into?.rel?.relname].filter(Boolean);
    case 'AlterTableStmt':
      return (node.cmds ?? []).map((c: any) => c?.AlterTableCmd?.def?.ColumnDef?.colname ?? c?.AlterTableCmd?.def?.Constraint?.conname).filter(Boolean);
    case 'CreateFunctionStmt':
      return last(node.funcname);
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return last(node.typeName);
    case 'CreateDomainStmt':
      return last(node.domainname);
    case 'CompositeTypeStmt':
      return [node.typevar?.relname].filter(Boolean);
    case 'CreateSchemaStmt':
      return [node.schemaname].filter(Boolean);
    case 'CreateSeqStmt':
      return [node.sequence?.relname].filter(Boolean);
    case 'IndexStmt':
      return [node.idxname].filter(Boolean);
    case 'CreateTrigStmt':
      return [node.trigname].filter(Boolean);
    case 'RenameStmt':
      return [node.newname].filter(Boolean);
    default:
      return [];
  }
}

/**
 * The earlier failure this one most likely follows from: the object Postgres misses is one a
 * statement that failed before would have created (the CREATE TABLE of the relation), or it is a
 * function, type or operator and an extension was missing. Otherwise the failure is its own.
 */
function causeOf(error: { code?: string; message: string }, causes: readonly Cause[]): Cause | undefined {
  if (!error.code || !MISSING_OBJECT.has(error.code) || causes.length === 0) return undefined;
  const qualified = missingQualifiedName(error.message)?.toLowerCase();
  const name = qualified?.split('.').pop();
  if (name) {
    for (let i = causes.length - 1; i >= 0; i--) if (causes[i]!.creates.has(name)) return causes[i];
  }
  // `cron.job_run_details`, schema "net": the schema of an extension that was missing (pg_cron, pg_net).
  const schema = error.code === '3F000' ? name : qualified?.includes('.') ? qualified.split('.')[0] : undefined;
  if (schema) {
    const extension = causes.find((c) => c.extension && c.name !== undefined && [schema, `pg_${schema}`, `pg${schema}`].includes(c.name.toLowerCase()));
    if (extension) return extension;
  }
  if (error.code === '42883' || error.code === '42704') return [...causes].reverse().find((c) => c.extension);
  return undefined;
}

/**
 * A DO block or a function body that failed while an extension was missing, naming it (a RAISE of its
 * own, `schema "pgmq" does not exist`, a call into it): a consequence of the missing extension.
 */
function extensionBehindCode(r: StatementRun, error: SqlError, causes: readonly Cause[]): Cause | undefined {
  if (r.kind !== 'DoStmt' && r.kind !== 'CreateFunctionStmt' && r.kind !== 'SelectStmt') return undefined;
  const text = `${error.message} ${error.where ?? ''} ${error.internalQuery ?? ''}`.toLowerCase();
  return causes.find((c) => c.extension && c.name !== undefined && new RegExp(`\\b${c.name.toLowerCase().replace(/^pg_?/, '(pg_?)?').replace(/[-]/g, '[-_]')}\\b`).test(text));
}

/** `relation "app.users" does not exist` → `app.users`; `function gen_id(integer) does not exist` → `gen_id`. */
function missingQualifiedName(message: string): string | undefined {
  return /"([^"]+)"/.exec(message)?.[1] ?? /^function ([^\s(]+)\(/.exec(message)?.[1];
}

function note(text: string | undefined): { note?: string } {
  return text ? { note: text } : {};
}

function errorNote(r: StatementRun, input: DeriveInput): string | undefined {
  const e = r.error!;
  const parts: string[] = [];
  if (e.detail) parts.push(`Detail: ${e.detail}`);
  if (e.hint) parts.push(`Hint: ${e.hint}`);
  if (e.where) parts.push(`Where: ${e.where}`);
  if (e.code === '25001' && r.inTransaction) {
    const part = input.set.migrations[r.migration]?.[r.pass === 'down' ? 'down' : 'up'].find((p) => p.file === r.file && p.range.start <= r.start && r.start < p.range.end);
    parts.push(`The runner runs this inside a transaction block${part ? `: ${part.transactionReason}` : ''}`);
  }
  if (r.pass === 'down') parts.push('This statement is in the down, run right after the up.');
  if (e.code === '42501' && input.runRole) {
    parts.push(`On a server verify runs the migrations as ${input.runRole}, a role of its own without superuser rights, so nothing outside its scratch database is in reach; in production this statement runs with your runner's privileges, which may allow it.`);
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

function effectFindings(r: StatementRun, input: DeriveInput, crossChecks: CrossCheck[], line: number): VerifyFinding[] {
  const out: VerifyFinding[] = [];
  const range = { start: r.start, end: r.end };
  const rewrites = r.rewrites ?? [];
  const predicted = input.predictions?.(r.file, range) ?? [];
  const predictedBy = predicted.filter((id) => REWRITE_RULES.includes(id));
  const lockPredictedBy = predicted.filter((id) => LOCK_RULES.includes(id));
  const checked = input.predictions !== undefined;
  const lockCross = !checked ? '' : lockPredictedBy.length > 0 ? ` The static rule ${lockPredictedBy.join(' and ')} reports this statement too.` : ' No static rule reported this statement.';
  const rewritten = new Set(rewrites.map((w) => w.relation));
  const tables = rewrites.filter((w) => w.kind !== 'index');
  const indexes = rewrites.filter((w) => w.kind === 'index' && !(w.table && rewritten.has(w.table)));

  if (rewrites.length > 0 && r.kind !== 'TruncateStmt') {
    const verdict = predictedBy.length > 0 ? 'agree' : 'missed-by-static-rules';
    if (checked) crossChecks.push({ file: r.file, line, observed: [...rewritten], predictedBy, verdict });
    const cross = !checked
      ? ''
      : predictedBy.length > 0
        ? ` Predicted by the static rule ${predictedBy.join(' and ')}.`
        : ' No static rule predicted this rewrite: worth a note in the static rules (please report it).';
    const measured = 'On the empty tables here it is quick, which says nothing about production: there it takes about as long as copying the table and rebuilding its indexes.';
    out.push({
      rule: 'table-rewrite',
      messageId: tables.length > 0 ? 'rewrite' : 'indexRebuild',
      file: r.file,
      range,
      data: { relations: describeRewrites(tables.length > 0 ? tables : indexes, rewrites) },
      note: `${measured} Use a form that does not rewrite (see the static rules' recipes), or plan for the table's size.${cross}`,
    });
  } else if (predictedBy.length > 0 && r.outcome === 'ok') {
    const touched = (r.locks ?? []).filter((l) => l.kind !== 'index').map((l) => `${l.kind} ${l.relation}`);
    if (touched.length > 0) {
      crossChecks.push({ file: r.file, line, observed: [], predictedBy, verdict: 'not-observed' });
      out.push({ rule: 'rewrite-not-observed', messageId: 'notObserved', file: r.file, range, data: { rules: predictedBy.join(' and '), relations: [...new Set(touched)].join(', ') } });
    }
  }

  const dropped = new Set(r.dropped ?? []);
  const scanned = new Set(r.scans ?? []);
  const fresh = (l: LockRecord) => !dropped.has(l.relation) && !rewritten.has(l.relation);
  const exclusive = (r.locks ?? []).filter((l) => l.mode === 'ACCESS EXCLUSIVE' && fresh(l));
  const lockedTables = new Set(exclusive.filter((l) => l.kind !== 'index').map((l) => l.relation));
  // An index locked with its table is the table's lock: name the table only.
  const shown = exclusive.filter((l) => !(l.table !== undefined && (lockedTables.has(l.table) || rewritten.has(l.table))));
  // An instant catalog change under ACCESS EXCLUSIVE is not reported (the static locking rules say
  // how to take it safely); what makes the lock long is: a scan of every row under it, or more work
  // in the same transaction while it is held.
  const scannedUnderLock = shown.filter((l) => scanned.has(l.relation));
  if (scannedUnderLock.length > 0) {
    out.push({ rule: 'access-exclusive-lock', messageId: 'scan', file: r.file, range, data: { relations: describeLocks(scannedUnderLock) }, note: `${SIZE_NOTE} ${SCAN_ADVICE}${lockCross}` });
  } else if (shown.length > 0) {
    const work = r.transaction !== undefined ? workLaterInTransaction(r, input.run.statements) : undefined;
    if (work) {
      const what = `${STATEMENT_NAMES[work.kind] ?? work.kind.replace(/Stmt$/, '')} at line ${lineAt(input.files.get(work.file)?.text ?? '', work.start)}${work.file === r.file ? '' : ` of ${work.file}`}`;
      out.push({ rule: 'access-exclusive-lock', messageId: 'heldThrough', file: r.file, range, data: { relations: describeLocks(shown), what }, note: `${HELD_ADVICE}${lockCross}` });
    }
  }
  // Scans under a lock that blocks writes but not reads (CREATE INDEX, ADD FOREIGN KEY).
  const blocking = (r.locks ?? []).filter((l) => l.kind !== 'index' && WRITE_BLOCKING.has(l.mode) && scanned.has(l.relation) && fresh(l) && !lockedTables.has(l.relation));
  if (blocking.length > 0 && scannedUnderLock.length === 0) {
    out.push({ rule: 'blocking-scan', messageId: 'scan', file: r.file, range, data: { relations: describeLocks(blocking), mode: blocking[0]!.mode }, note: `${SIZE_NOTE} ${SCAN_ADVICE}${lockCross}` });
  }
  return out;
}

const STATEMENT_NAMES: Record<string, string> = {
  IndexStmt: 'CREATE INDEX',
  AlterTableStmt: 'ALTER TABLE',
  UpdateStmt: 'UPDATE',
  InsertStmt: 'INSERT',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
  CopyStmt: 'COPY',
  SelectStmt: 'SELECT',
  DoStmt: 'DO',
};

/** Locks that let reads through but make every write wait. */
const WRITE_BLOCKING = new Set(['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE']);
/** Statements that write rows. */
const ROW_WRITES = new Set(['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt']);

const SIZE_NOTE = 'On the empty tables here it is instant; in production it reads every row of the table while the lock is held.';
const SCAN_ADVICE =
  'Split it: add the constraint NOT VALID and VALIDATE it in a later transaction (only SHARE UPDATE EXCLUSIVE); for NOT NULL, validate a CHECK (col IS NOT NULL) first; build indexes CONCURRENTLY.';
const HELD_ADVICE =
  'The lock itself is instant, but it is held until the transaction commits, so every read and write of the table waits for the work after it. Take the lock last, or move the work to a transaction of its own, and set a short lock_timeout.';

/** The first later statement of the same transaction that does real work on tables that existed: reads them through, rewrites them, or writes rows. */
function workLaterInTransaction(r: StatementRun, all: readonly StatementRun[]): StatementRun | undefined {
  return all.find(
    (o) =>
      o.pass === 'up' &&
      o.outcome === 'ok' &&
      o.transaction === r.transaction &&
      o.migration === r.migration &&
      (o.file !== r.file || o.start > r.start) &&
      (Boolean(o.rewrites?.length) || Boolean(o.scans?.length) || (ROW_WRITES.has(o.kind) && Boolean(o.locks?.some((l) => l.mode === 'ROW EXCLUSIVE')))),
  );
}

function describeRewrites(main: readonly RewriteRecord[], all: readonly RewriteRecord[]): string {
  return main
    .map((w) => {
      const own = all.filter((i) => i.kind === 'index' && i.table === w.relation).length;
      return `${w.kind} ${w.relation}${own === 1 ? ' (and its index)' : own > 1 ? ` (and its ${own} indexes)` : ''}`;
    })
    .join(', ');
}

function describeLocks(locks: readonly LockRecord[]): string {
  return [...new Set(locks.map((l) => `${l.kind} ${l.relation}`))].join(', ');
}

/** The first statement of the migration's first down part, or the part's start when it is empty. */
function downPosition(set: MigrationSet, m: MigrationRun, files: ReadonlyMap<string, SourceFile>): { file: string; range: Range } | undefined {
  const part = set.migrations[m.index]?.down[0];
  if (!part) return undefined;
  const statement = files.get(part.file)?.statements.find((s) => s.start >= part.range.start && s.start < part.range.end);
  return { file: part.file, range: statement ? { start: statement.start, end: statement.end } : { start: part.range.start, end: part.range.start } };
}

function capLines(text: string, max: number): string {
  const lines = text.split('\n');
  return lines.length <= max ? text : [...lines.slice(0, max), `… ${lines.length - max} more lines (see --format trace)`].join('\n');
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

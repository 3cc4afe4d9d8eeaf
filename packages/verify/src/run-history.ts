// Applying one migration set to a database, statement by statement, the way its runner would:
// a `transaction` part inside BEGIN … COMMIT (the runner's, or the implicit block of a
// multi-statement query), a `none` part in autocommit, the file's own BEGIN/COMMIT sent as written —
// so Postgres itself decides what fails (CREATE INDEX CONCURRENTLY inside a block, say).
//
// Each statement of the first up runs with its effects observed (lock-trace.ts). A statement that
// fails is recorded and the run goes on without it (inside a block, a savepoint undoes just that
// statement): one broken statement should not hide every later finding. Migrations with a down get
// the round trip: catalog snapshot, down, snapshot again (compared with the one before the up), up
// again.

import type { Migration, MigrationPart, MigrationSet, SourceFile, Statement, StatementPlace } from '@migralint/core';
import { diffSnapshots, takeSnapshot, type SchemaDifference } from './catalog-snapshot.js';
import { dumpDiff } from './dump-diff.js';
import { toSqlError, VerifyDatabaseError, type Database, type SqlError } from './database.js';
import { standInIndexText } from './extension-stand-ins.js';
import { effectsBetween, readFiles, readRelations, readState, settleVanished, stateOf, withoutLocks, type LockRecord, type RelationMap, type RelationState, type RewriteRecord, type StatementEffects } from './lock-trace.js';
import { routeRoleStatement, type RoleRoute } from './server-roles.js';
import { createdRoleName, serverSkipReason, skipReasonEverywhere } from './statement-safety.js';

export type Pass = 'up' | 'down' | 'up-again';

export interface StatementRun {
  migration: number;
  pass: Pass;
  file: string;
  /** Index of the statement in its file. */
  statement: number;
  /** UTF-16 offsets of the statement in its file. */
  start: number;
  end: number;
  kind: string;
  outcome: 'ok' | 'failed' | 'skipped';
  /** Why it was not sent (`skipped`). */
  skipReason?: string;
  error?: SqlError;
  /** UTF-16 offset in the file of the position Postgres reported, when it reported one. */
  errorOffset?: number;
  /** A CREATE EXTENSION that created verify's stand-in of the extension (PGlite). */
  standIn?: string;
  /** For a failed CREATE EXTENSION that the database does not have. */
  unavailableExtension?: string;
  /** It ran inside a transaction block. */
  inTransaction: boolean;
  /** The transaction block it ran in (statements sharing one hold each other's locks). */
  transaction?: number;
  durationMs: number;
  /** First up only: new locks on relations that existed before the migration. */
  locks?: LockRecord[];
  /** First up only: relations that existed before the migration and got a new data file. */
  rewrites?: RewriteRecord[];
  /** First up only: relations that existed before the migration and are gone after it. */
  dropped?: string[];
  /** First up only: tables that existed before the migration and that it read through (a validating scan, an index build). */
  scans?: string[];
  /** WARNING/NOTICE messages Postgres sent while it ran. */
  notices?: string[];
}

export interface MigrationRun {
  index: number;
  version: string;
  name: string;
  upFiles: string[];
  downFiles: string[];
  upMs: number;
  downMs?: number;
  upAgainMs?: number;
  /** Snapshots taken for the round trip. */
  snapshotMs?: number;
  /** Statements of the first up that failed. */
  failures: number;
  roundTrip: 'restored' | 'not-restored' | 'down-failed' | 'not-rerunnable' | 'not-checked' | 'no-down';
  /** Why the round trip was not checked. */
  roundTripNote?: string;
  differences?: SchemaDifference[];
  /** The differences as schema-only dump text, diffed (dump-diff.ts). */
  dumpDiff?: string;
}

export interface RunSetInput {
  db: Database;
  set: MigrationSet;
  files: ReadonlyMap<string, SourceFile>;
  placeOf: (file: string, statement: Statement) => StatementPlace | undefined;
  /** Run each down and the up again (default true). */
  checkDowns?: boolean;
  /** Called after each migration (progress). */
  onMigration?: (run: MigrationRun) => void;
  /**
   * Settings every part starts with, after RESET ALL (what setup scripts SET: a search_path the
   * runner's connection URL would give).
   */
  sessionDefaults?: ReadonlyArray<{ name: string; setting: string }>;
}

export interface SetRun {
  migrations: MigrationRun[];
  statements: StatementRun[];
}

const SAVEPOINT = 'migralint_verify_statement';

/** Statement kinds that never scan, rewrite or strongly lock a table (at most ACCESS SHARE: GRANT, a function body's check). */
const UNTRACED = new Set([
  'GrantStmt',
  'CreateFunctionStmt',
  'VariableSetStmt',
  'CreateSchemaStmt',
  'CreateRoleStmt',
  'GrantRoleStmt',
  'AlterDefaultPrivilegesStmt',
  'CreateEnumStmt',
  'CompositeTypeStmt',
  'CreateDomainStmt',
]);

export async function runSet(input: RunSetInput): Promise<SetRun> {
  const runner = new HistoryRunner(input);
  return runner.run();
}

class HistoryRunner {
  private readonly statements: StatementRun[] = [];
  private readonly migrations: MigrationRun[] = [];
  private readonly createdRoles = new Set<string>();
  /** A transaction block is open on the session. */
  private open = false;
  private transactionId = 0;
  /** Tracing the current pass: relations at the migration's start and the last observed state. */
  private trace: { preExisting: RelationMap; state: RelationState; stale?: boolean } | undefined;

  constructor(private readonly input: RunSetInput) {}

  async run(): Promise<SetRun> {
    const { set } = this.input;
    for (const migration of set.migrations) {
      const run = await this.runMigration(migration);
      this.migrations.push(run);
      this.input.onMigration?.(run);
    }
    return { migrations: this.migrations, statements: this.statements };
  }

  private describe(migration: Migration): Pick<MigrationRun, 'index' | 'version' | 'name' | 'upFiles' | 'downFiles'> {
    return {
      index: migration.index,
      version: migration.version,
      name: migration.name,
      upFiles: [...new Set(migration.up.map((p) => p.file))],
      downFiles: [...new Set(migration.down.map((p) => p.file))],
    };
  }

  private async runMigration(migration: Migration): Promise<MigrationRun> {
    const { db } = this.input;
    // An empty down counts: running it restores nothing, and that is what the round trip reports.
    const hasDown = migration.down.length > 0;
    const checkDown = hasDown && this.input.checkDowns !== false;
    let snapshotMs = 0;
    const snapshot = async () => {
      const started = performance.now();
      const result = await takeSnapshot(db);
      snapshotMs += performance.now() - started;
      return result;
    };

    const before = checkDown ? await snapshot() : undefined;
    const preExisting = await readRelations(db);
    this.trace = { preExisting, state: stateOf(preExisting, (await readFiles(db, preExisting)).scans) };
    const up = await this.runParts(migration, migration.up, 'up');
    this.trace = undefined;
    const run: MigrationRun = { ...this.describe(migration), upMs: up.ms, failures: up.failures, roundTrip: hasDown ? 'not-checked' : 'no-down' };
    if (!checkDown || !before) {
      if (hasDown) run.roundTripNote = 'the round trip was turned off';
      return run;
    }
    if (up.failures > 0) {
      run.roundTripNote = 'the up failed, so its down was not run';
      return run;
    }

    // The down stops at its first failure, as its runner would (a block rolled back with it).
    const down = await this.runParts(migration, migration.down, 'down', true);
    run.downMs = down.ms;
    if (down.failures > 0) {
      run.roundTrip = 'down-failed';
      if (down.partial) {
        // Part of it went through: apply the up again so the history goes on from the state after
        // the up, not from a half-undone one that would make every later migration fail.
        const repair = await this.runParts(migration, migration.up, 'up-again');
        run.upAgainMs = repair.ms;
        run.roundTripNote = 'the down failed after changing the schema; the up was applied again to go on from the state after it';
      }
      run.snapshotMs = snapshotMs;
      return run;
    }
    const afterDown = await snapshot();
    const differences = diffSnapshots(before, afterDown);
    if (differences.length > 0) run.dumpDiff = dumpDiff(before, afterDown, differences);
    const again = await this.runParts(migration, migration.up, 'up-again');
    run.upAgainMs = again.ms;
    run.snapshotMs = snapshotMs;
    run.differences = differences;
    run.roundTrip = differences.length > 0 ? 'not-restored' : again.failures > 0 ? 'not-rerunnable' : 'restored';
    return run;
  }

  /**
   * The statements the runner sends for a part. A statement that crosses the part's boundary (a
   * missing `;` before dbmate's `-- migrate:down`) is cut there, as the runner cuts the file: the
   * head runs with the first part, the tail with the next.
   */
  private statementsOf(part: MigrationPart): Statement[] {
    const file = this.input.files.get(part.file);
    if (!file) return [];
    const out: Statement[] = [];
    for (const s of file.statements) {
      if (s.end <= part.range.start || s.start >= part.range.end) continue;
      if (s.start >= part.range.start && s.end <= part.range.end) {
        out.push(s);
        continue;
      }
      const start = Math.max(s.start, part.range.start);
      const text = file.text.slice(start, Math.min(s.end, part.range.end)).trimEnd();
      if (text.replace(/--[^\n]*/g, '').trim() === '') continue;
      const head = s.start >= part.range.start;
      out.push({ ...s, start, end: start + text.length, text, kind: head ? s.kind : 'Unparsed', node: head ? s.node : {} });
    }
    return out;
  }

  /**
   * Runs the parts in order. `stopOnFailure` (the down): stop at the first failing statement, as the
   * runner does; `partial` then says whether changes before it stayed (autocommit, committed blocks).
   */
  private async runParts(migration: Migration, parts: readonly MigrationPart[], pass: Pass, stopOnFailure = false): Promise<{ ms: number; failures: number; partial: boolean }> {
    let ms = 0;
    let failures = 0;
    let partial = false;
    for (const part of parts) {
      const started = performance.now();
      const result = await this.runPart(migration, part, pass, stopOnFailure);
      ms += performance.now() - started;
      failures += result.failures;
      partial ||= result.committed;
      if (stopOnFailure && result.failures > 0) break;
    }
    return { ms, failures, partial };
  }

  /** Runs one part with its runner's transaction semantics. `committed`: some change of it stayed. */
  private async runPart(migration: Migration, part: MigrationPart, pass: Pass, stopOnFailure: boolean): Promise<{ failures: number; committed: boolean }> {
    const { db } = this.input;
    const statements = this.statementsOf(part);
    if (statements.length === 0) return { failures: 0, committed: false };
    let failures = 0;
    // Each part starts from the session defaults, as the schema model assumes (search_path, role).
    await this.control('RESET ALL');
    for (const { name, setting } of this.input.sessionDefaults ?? []) {
      await db.query('select set_config($1, $2, false)', [name, setting]).catch(() => {});
    }

    const runnerBlock = part.transaction === 'transaction';
    // A block the runner opens again after the file's COMMIT (the implicit block of a multi-statement
    // query does), or after a statement it took out of its batch (the Supabase CLI does).
    let reopen = runnerBlock && part.implicit === true;
    // Changes that stay whatever happens next: statements run outside a block, blocks committed.
    let committed = false;
    let pending = false;
    if (runnerBlock) await this.begin();
    for (const statement of statements) {
      const isControl = statement.kind === 'TransactionStmt';
      const standalone = runnerBlock && !isControl && this.input.placeOf(part.file, statement)?.inTransaction === false;
      if (standalone) {
        if (this.open) await this.commit();
        committed ||= pending;
        pending = false;
        reopen = true;
      } else if (reopen && !this.open && !isControl) {
        await this.begin();
      }
      const inBlock = this.open;
      const outcome = await this.runStatement(migration, part, statement, pass, inBlock);
      if (outcome === 'failed') {
        failures++;
        if (stopOnFailure) {
          // The runner stops here; its block (or the file's) is rolled back with the error.
          if (this.open) await this.rollback();
          return { failures, committed };
        }
      } else if (outcome === 'ok' && !isControl) {
        if (inBlock) pending = true;
        else committed = true;
      }
      if (isControl && outcome === 'ok') {
        const wasOpen = this.open;
        this.followControl(statement);
        if (wasOpen && !this.open) {
          committed ||= pending && statement.node.kind === 'TRANS_STMT_COMMIT';
          pending = false;
        }
      }
    }
    // The runner's COMMIT; a block the file left open is committed with the part too.
    if (this.open) await this.commit();
    return { failures, committed: committed || pending };
  }

  private async runStatement(migration: Migration, part: MigrationPart, statement: Statement, pass: Pass, inBlock: boolean): Promise<'ok' | 'failed' | 'skipped'> {
    const { db } = this.input;
    const record: StatementRun = {
      migration: migration.index,
      pass,
      file: part.file,
      statement: statement.index,
      start: statement.start,
      end: statement.end,
      kind: statement.kind,
      outcome: 'ok',
      inTransaction: inBlock,
      durationMs: 0,
    };
    if (inBlock) record.transaction = this.transactionId;
    const route = db.privileged ? await routeRoleStatement(statement, db.privileged) : undefined;
    const skip =
      skipReasonEverywhere(statement) ??
      (route && 'skip' in route ? route.skip : undefined) ??
      (db.kind === 'server' && !route ? serverSkipReason(statement, { createdRoles: this.createdRoles }) : undefined);
    if (skip) {
      record.outcome = 'skipped';
      record.skipReason = skip;
      this.record(record, pass);
      return 'skipped';
    }

    // Statements that take no lock worth tracing on an existing table are not traced (a lock they
    // took shows with the next traced statement; only weak ones are possible).
    const trace = UNTRACED.has(statement.kind) ? undefined : this.trace;
    if (trace?.stale) {
      // A ROLLBACK undid what the block did: data files are read again, not carried over.
      trace.state = { ...trace.state, ...(await readFiles(db, trace.preExisting)) };
      trace.stale = false;
    }
    const isControl = statement.kind === 'TransactionStmt';
    // Outside a block the locks are gone when the statement ends: run it in a block of its own so
    // they can be read. Statements Postgres refuses in a block (25001) are then run bare.
    const wrap = !inBlock && !isControl && trace !== undefined;
    const guard = inBlock && !isControl;
    let error: SqlError | undefined;
    const started = performance.now();
    if (guard) await db.exec(`SAVEPOINT ${SAVEPOINT}`);
    if (wrap) await db.exec('BEGIN');
    try {
      await this.send(statement, route);
      record.durationMs = performance.now() - started;
      if (trace) {
        const after = await readState(db, trace.state);
        Object.assign(record, effectsOf(await settleVanished(db, effectsBetween(trace.state, after, trace.preExisting), trace.preExisting)));
        // Locks end with the block; data files stay.
        trace.state = wrap ? withoutLocks(after) : after;
      }
      if (wrap) await db.exec('COMMIT');
    } catch (caught) {
      record.durationMs = performance.now() - started;
      error = toSqlError(caught);
      if (guard) await db.exec(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`).catch(() => {});
      if (wrap) {
        await db.exec('ROLLBACK').catch(() => {});
        if (error.code === '25001') {
          error = undefined;
          record.inTransaction = false;
          const bare = performance.now();
          try {
            await this.send(statement, route);
            record.durationMs = performance.now() - bare;
            if (trace) {
              const after = { ...trace.state, locks: new Map(), ...(await readFiles(db, trace.preExisting)) };
              const effects = await settleVanished(db, effectsBetween(trace.state, after, trace.preExisting), trace.preExisting);
              // Its locks were released before we could look; its rewrites stay visible.
              Object.assign(record, effectsOf({ ...effects, locks: [] }));
              trace.state = withoutLocks(after);
            }
          } catch (again) {
            record.durationMs = performance.now() - bare;
            error = toSqlError(again);
          }
        }
      }
    }
    const notices = db.takeNotices();
    if (notices.length > 0) record.notices = notices;
    if (error) {
      record.outcome = 'failed';
      record.error = error;
      const offset = errorOffset(statement, error);
      if (offset !== undefined) record.errorOffset = offset;
      if (statement.kind === 'CreateExtensionStmt' && isUnavailableExtension(error)) record.unavailableExtension = String(statement.node.extname);
      if (isControl) this.followFailedControl(statement);
    } else {
      const role = createdRoleName(statement);
      if (role) this.createdRoles.add(role);
      if (statement.kind === 'CreateExtensionStmt' && db.standIns?.has(String(statement.node.extname))) record.standIn = String(statement.node.extname);
    }
    this.record(record, pass);
    return record.outcome;
  }

  /** Sends the statement as the migrations' role, or, on a server, one verify checked as the URL's role. */
  private async send(statement: Statement, route: RoleRoute | undefined): Promise<void> {
    const { db } = this.input;
    if (route && 'via' in route && db.privileged) {
      await db.privileged.exec(statement.text);
      await route.after?.();
      return;
    }
    const standIn = db.standIns?.has('vector') ? standInIndexText(statement) : undefined;
    if (typeof standIn === 'object') throw new VerifyDatabaseError(standIn);
    await db.exec(standIn ?? statement.text);
  }

  private record(record: StatementRun, pass: Pass): void {
    // The trace keeps every statement of the first up; the round trip's passes only what went wrong.
    if (pass === 'up' || record.outcome !== 'ok') this.statements.push(record);
  }

  private async begin(): Promise<void> {
    await this.input.db.exec('BEGIN');
    this.open = true;
    this.transactionId++;
    if (this.trace) this.trace.state = withoutLocks(this.trace.state);
  }

  private async rollback(): Promise<void> {
    try {
      await this.input.db.exec('ROLLBACK');
    } finally {
      this.open = false;
      if (this.trace) this.trace = { ...this.trace, state: withoutLocks(this.trace.state), stale: true };
    }
  }

  private async commit(): Promise<void> {
    try {
      await this.input.db.exec('COMMIT');
    } finally {
      this.open = false;
      if (this.trace) this.trace.state = withoutLocks(this.trace.state);
    }
  }

  /** A session command of our own (RESET ALL); its failure changes nothing worth stopping for. */
  private async control(sql: string): Promise<void> {
    await this.input.db.exec(sql).catch(() => {});
  }

  /** The file's own BEGIN/COMMIT/ROLLBACK went through: follow the session's block state. */
  private followControl(statement: Statement): void {
    const kind = statement.node.kind as string;
    if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') {
      if (!this.open) this.transactionId++;
      this.open = true;
    } else if (kind === 'TRANS_STMT_COMMIT' || kind === 'TRANS_STMT_ROLLBACK' || kind === 'TRANS_STMT_PREPARE') {
      if (statement.node.chain) {
        this.transactionId++;
      } else {
        this.open = false;
      }
    } else {
      return;
    }
    // A ROLLBACK may have undone rewrites already seen: read the files again before the next statement.
    if (this.trace) {
      this.trace.state = withoutLocks(this.trace.state);
      if (kind === 'TRANS_STMT_ROLLBACK') this.trace.stale = true;
    }
  }

  /** A failed COMMIT still ends the block (it rolls back). */
  private followFailedControl(statement: Statement): void {
    const kind = statement.node.kind as string;
    if (kind === 'TRANS_STMT_COMMIT' && !statement.node.chain) this.open = false;
  }
}

function effectsOf(effects: StatementEffects): Partial<StatementRun> {
  const out: Partial<StatementRun> = {};
  if (effects.locks.length > 0) out.locks = effects.locks;
  if (effects.rewrites.length > 0) out.rewrites = effects.rewrites;
  if (effects.dropped.length > 0) out.dropped = effects.dropped;
  if (effects.scans.length > 0) out.scans = effects.scans;
  return out;
}

/**
 * Where in the file Postgres' error points: `position` counts characters (code points) of the query
 * we sent — the statement's text; an error inside a function body may instead come with the body as
 * `internalQuery` and a position in it.
 */
export function errorOffset(statement: Statement, error: SqlError): number | undefined {
  if (error.position !== undefined) return statement.start + codePointsToUtf16(statement.text, error.position - 1);
  if (error.internalPosition !== undefined && error.internalQuery) {
    const at = statement.text.indexOf(error.internalQuery);
    if (at >= 0) return statement.start + at + codePointsToUtf16(error.internalQuery, error.internalPosition - 1);
  }
  return undefined;
}

function codePointsToUtf16(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) {
    const code = text.codePointAt(offset)!;
    offset += code > 0xffff ? 2 : 1;
  }
  return Math.min(offset, text.length);
}

/** CREATE EXTENSION of an extension the server has no files for. */
export function isUnavailableExtension(error: SqlError): boolean {
  return /is not available|could not open extension control file|extension "[^"]*" has no installation script/.test(error.message) || error.code === '58P01';
}

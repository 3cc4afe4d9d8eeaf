// How runners wrap SQL in transactions, as data the adapters share. The sources for each claim are
// in docs/layouts.md ("Transaction modes").

import type { MigrationPart, SourceFile, Statement } from '@migralint/core';
import { statementsIn, wholeFile } from './part-statements.js';
import { RUNNERS, type RunnerInfo } from './runners.js';

export type PartMode = Pick<MigrationPart, 'transaction' | 'transactionReason' | 'implicit'>;

export function inTransaction(reason: string): PartMode {
  return { transaction: 'transaction', transactionReason: reason };
}

export function outsideTransaction(reason: string): PartMode {
  return { transaction: 'none', transactionReason: reason };
}

/**
 * Runners that send a whole file (or section) as one query string — golang-migrate, dbmate with
 * `transaction:false`, diesel with `run_in_transaction = false`, Prisma — get PostgreSQL's
 * simple-query rule: several statements in one Query message run as one implicit transaction
 * block; a single statement runs on its own.
 */
export function oneQuery(statementCount: number, what: string): PartMode {
  return statementCount > 1
    ? { ...inTransaction(`${what} as one multi-statement query, which PostgreSQL runs as one implicit transaction.`), implicit: true }
    : outsideTransaction(`${what} as one query; a single statement runs outside any transaction block.`);
}

/**
 * sqlx reads `-- no-transaction` at the very start of a migration and then runs it without a
 * transaction of its own — but as one query string, so several statements still share an implicit one.
 */
export function hasSqlxNoTransaction(text: string): boolean {
  return text.startsWith('-- no-transaction');
}

/**
 * Statements the Supabase CLI (≥ 2.109) takes out of its per-file batch and runs standalone,
 * because PostgreSQL refuses them inside a pipeline / transaction block. The runner guess reads
 * them too: a history that has them beside other statements was not run in transactions.
 */
export function supabaseRunsStandalone(statement: Statement): boolean {
  const node = statement.node;
  switch (statement.kind) {
    case 'IndexStmt':
      return node.concurrent === true;
    case 'DropStmt':
      return node.removeType === 'OBJECT_INDEX' && node.concurrent === true;
    case 'ReindexStmt':
      return hasConcurrentlyOption(node.params);
    case 'VacuumStmt':
      return node.is_vacuumcmd === true;
    case 'AlterSystemStmt':
    case 'ClusterStmt':
      return true;
    default:
      return false;
  }
}

/**
 * Flyway's PostgreSQL parser marks a script non-transactional when any statement matches one of
 * its patterns (PostgreSQLParser.detectCanExecuteInTransaction); the whole script then runs
 * without a transaction. `ALTER TYPE … ADD VALUE` only counts before PostgreSQL 12.
 */
export function flywayNeedsNoTransaction(statement: Statement, postgresVersion: number): string | undefined {
  const node = statement.node;
  switch (statement.kind) {
    case 'CreatedbStmt':
    case 'DropdbStmt':
      return 'CREATE/DROP DATABASE';
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
      return 'CREATE/DROP TABLESPACE';
    case 'CreateSubscriptionStmt':
    case 'DropSubscriptionStmt':
      return 'CREATE/DROP SUBSCRIPTION';
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM';
    case 'IndexStmt':
      return node.concurrent === true ? 'CREATE INDEX CONCURRENTLY' : undefined;
    case 'DropStmt':
      return node.removeType === 'OBJECT_INDEX' && node.concurrent === true ? 'DROP INDEX CONCURRENTLY' : undefined;
    case 'ReindexStmt':
      return ['REINDEX_OBJECT_SCHEMA', 'REINDEX_OBJECT_DATABASE', 'REINDEX_OBJECT_SYSTEM'].includes(node.kind) ? 'REINDEX SCHEMA/DATABASE/SYSTEM' : undefined;
    case 'VacuumStmt':
      return node.is_vacuumcmd === true ? 'VACUUM' : undefined;
    case 'DiscardStmt':
      return node.target === 'DISCARD_ALL' ? 'DISCARD ALL' : undefined;
    case 'AlterEnumStmt':
      return node.newVal !== undefined && postgresVersion < 12 ? 'ALTER TYPE … ADD VALUE (before PostgreSQL 12)' : undefined;
    default:
      return undefined;
  }
}

function hasConcurrentlyOption(params: unknown): boolean {
  return Array.isArray(params) && params.some((p) => p?.DefElem?.defname === 'concurrently');
}

/**
 * The mode of a whole-file part under a runner that shares its layout with others (plain numbered
 * files, `.up.sql` pairs). File markers win: sqlx's `-- no-transaction` and postgres-migrations'
 * `-- postgres-migrations disable-transaction` send the file as one query without a transaction.
 */
export function modeForRunner(runner: RunnerInfo, source: SourceFile): PartMode {
  const count = () => statementsIn(source, wholeFile(source)).length;
  if (hasSqlxNoTransaction(source.text)) return oneQuery(count(), 'sqlx (`-- no-transaction`) sends the migration');
  if (source.text.includes('-- postgres-migrations disable-transaction')) return oneQuery(count(), 'postgres-migrations (`disable-transaction`) sends the migration');
  const label = RUNNERS[runner.name].label;
  const guess = runner.guessed ? ` (a guess from the files: ${runner.evidence.join('; ')}; state it with \`settings.runner\`)` : '';
  if (runner.name === 'unknown') {
    return inTransaction(
      `The runner is unknown: each file is assumed to run in its own transaction, as most runners do${guess}; set \`settings.runner: "psql"\` if yours runs the statements one by one.`,
    );
  }
  switch (runner.transaction) {
    case 'one-query':
      return oneQuery(count(), `${label} sends the file${guess}`);
    case 'per-statement':
      return outsideTransaction(`${label} runs the statements one by one, outside a transaction unless the file opens one${guess}.`);
    case 'all-pending':
      return inTransaction(`${label} runs all pending migrations in one transaction${guess}.`);
    case 'per-migration':
      return inTransaction(`${label} runs each migration in its own transaction${guess}.`);
  }
}

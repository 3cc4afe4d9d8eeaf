// The runner on the model. Core's MigrationSet has no runner field yet (issue #9 reshapes core), so
// the layout analysis hands out sets that carry one, and `runnerOf` reads it for rules, the CLI
// (`--print-config`) and `plan --format json`.

import type { MigrationSet } from '@migralint/core';
import { RUNNERS, type HistoryTransaction, type RunnerInfo } from './runners.js';

export interface RunnerSet extends MigrationSet {
  runner: RunnerInfo;
}

/** The runner a history got, or undefined for a set built elsewhere. */
export function runnerOf(set: MigrationSet): RunnerInfo | undefined {
  return (set as Partial<RunnerSet>).runner;
}

/** Runners that apply each file with psql, where meta-commands and `:'variables'` work. */
const PSQL_RUNNERS: ReadonlySet<string> = new Set(['psql', 'sqitch']);

/** The files of the sets a psql-based runner applies (for the model's `runByPsql`). */
export function psqlRunFiles(sets: readonly MigrationSet[]): Set<string> {
  const files = new Set<string>();
  for (const set of sets) {
    const runner = runnerOf(set);
    if (!runner || !PSQL_RUNNERS.has(runner.name)) continue;
    for (const migration of set.migrations) for (const part of [...migration.up, ...migration.down]) files.add(part.file);
  }
  return files;
}

const TRANSACTION_WORDS: Record<HistoryTransaction, string> = {
  'per-migration': 'each migration runs in its own transaction',
  'one-query': 'each file is sent as one query (several statements share an implicit transaction, a lone statement runs on its own)',
  'per-statement': 'statements run one by one, outside a transaction unless the file opens one',
  'all-pending': 'all pending migrations run in one transaction',
};

/** The runner in words, for messages: `{ runner, evidence, transaction }`. */
export function describeRunner(runner: RunnerInfo): { runner: string; evidence: string; transaction: string } {
  return { runner: RUNNERS[runner.name].label, evidence: runner.evidence.join('; '), transaction: TRANSACTION_WORDS[runner.transaction] };
}

/** The runner as plain JSON, for `--print-config` and `plan --format json`. */
export function runnerJson(set: MigrationSet): { dir: string; layout: string; runner: string; guessed: boolean; evidence: string[]; transaction: HistoryTransaction } | undefined {
  const runner = runnerOf(set);
  if (!runner) return undefined;
  return { dir: set.dir, layout: set.layout, runner: runner.name, guessed: runner.guessed, evidence: runner.evidence, transaction: runner.transaction };
}

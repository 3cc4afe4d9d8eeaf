// Lints the histories of a run: from the cache when --cache has them, else on the workers or in
// this thread (concurrency.ts decides), and merges the results in the histories' order, so the
// output is the same whatever ran where. A rule that overran the time limit is reported as a rule
// error for its file, and its history is linted again without that rule on that file.
import { loadParser, type LintResult, type Notification, type ResolvedConfig, type VcsChanges } from '@migralint/core';
import { recordingAuxReader, type AuxReads } from './aux-reads.js';
import { workerCount } from './concurrency.js';
import type { Concurrency } from './speed-options.js';
import { lintFiles } from './lint-files.js';
import { mergeResults } from './merge-results.js';
import { fromPlainResult, ruleTable, toPlainResult, type PlainResult } from './plain-result.js';
import type { ResultCache } from './result-cache.js';
import { skipKey } from './rule-watch.js';
import type { WorkerPool } from './worker-pool.js';
import type { WorkUnit } from './work-units.js';
import { withContents } from './unchanged-file.js';

export interface LintUnitsOptions {
  cwd: string;
  configFile?: string;
  changedSince?: string;
  staged: boolean;
  vcs?: VcsChanges;
  concurrency: Concurrency;
  /** The longest one rule call may run on a worker, in ms; `explicit` when the user set it. */
  ruleTimeout: { ms: number; explicit: boolean };
  cache?: ResultCache;
  /** Every file's path in the order the run found them. */
  order: readonly string[];
  /** Called with a number of files done since the last call. */
  onProgress: (files: number) => void;
}

export async function lintUnits(units: readonly WorkUnit[], options: LintUnitsOptions): Promise<LintResult> {
  const { cache } = options;
  const keys = cache ? units.map((unit) => cache.keyOf(unit)) : [];
  cache?.saveStamps();
  const results: Array<LintResult | undefined> = units.map((unit, i) => {
    const hit = cache?.get(keys[i]!);
    if (!hit) return undefined;
    options.onProgress(unit.files.length);
    return fromPlainResult(hit, tableOf(unit.config), unit.files);
  });
  const todo = units.map((unit, i) => ({ unit, i })).filter(({ i }) => !results[i]);
  const store = (i: number, plain: PlainResult, aux: AuxReads) => cache?.set(keys[i]!, plain, aux);

  const workers = workerCount(options.concurrency, todo.map((t) => t.unit), options.ruleTimeout.explicit);
  if (workers === 0) {
    if (todo.length > 0) await loadParser();
    for (const { unit, i } of todo) {
      const aux = recordingAuxReader(options.cwd);
      const result = await lintFiles(unit.files, unit.config, {
        cwd: options.cwd,
        readAux: aux.read,
        ...(options.vcs ? { vcs: options.vcs } : {}),
        ...(unit.reportPaths ? { reportPaths: unit.reportPaths } : {}),
        onProgress: () => options.onProgress(1),
      });
      results[i] = result;
      if (cache) store(i, toPlainResult(result), aux.reads());
    }
  } else {
    // Loaded only when workers are used: a small run never pays for node:worker_threads.
    const { WorkerPool } = await import('./worker-pool.js');
    const pool = new WorkerPool({
      size: workers,
      init: { cwd: options.cwd, ...(options.configFile ? { configFile: options.configFile } : {}), ...(options.changedSince !== undefined ? { changedSince: options.changedSince } : {}), staged: options.staged },
      ruleTimeoutMs: options.ruleTimeout.ms,
      onProgress: options.onProgress,
    });
    try {
      // Biggest first: a large history started last would leave the other cores idle.
      const order = [...todo].sort((a, b) => b.unit.bytes - a.unit.bytes);
      await Promise.all(
        order.map(async ({ unit, i }) => {
          const { plain, aux } = await runOnPool(pool, unit, options.ruleTimeout.ms);
          results[i] = fromPlainResult(plain, tableOf(unit.config), unit.files);
          // Results with a stopped rule are incomplete: never cached.
          if (!plain.failed) store(i, plain, aux);
          else if (cache) cache.complete = false;
        }),
      );
    } finally {
      await pool.close();
    }
  }
  const merged = mergeResults(results as LintResult[]);
  // One config: files in the order they were found, as one lint() over them all gives them.
  if (results.length > 1 && units.every((u) => u.config === units[0]!.config)) {
    const rank = new Map(options.order.map((p, i) => [p, i]));
    merged.files.sort((a, b) => (rank.get(a.path) ?? 0) - (rank.get(b.path) ?? 0));
  }
  return merged;
}

/** Lints a history on the pool; a rule that overruns is skipped on that file and the history linted again. */
async function runOnPool(pool: WorkerPool, unit: WorkUnit, limitMs: number): Promise<{ plain: PlainResult; aux: AuxReads }> {
  const skip: string[] = [];
  const stopped: Notification[] = [];
  for (;;) {
    try {
      const { result, aux } = await pool.run({ configDir: unit.configDir, files: withContents(unit.files), ...(unit.reportPaths ? { reportPaths: unit.reportPaths } : {}), skip });
      if (stopped.length === 0) return { plain: result, aux };
      return { plain: { ...result, notifications: [...stopped, ...result.notifications], failed: true }, aux };
    } catch (error) {
      if (!isRuleTimeout(error)) throw error;
      skip.push(skipKey(error.ruleId, error.file));
      stopped.push(timeoutNotification(error, limitMs));
    }
  }
}

type RuleTimeout = import('./worker-pool.js').RuleTimeout;
const isRuleTimeout = (error: unknown): error is RuleTimeout => error instanceof Error && error.name === 'RuleTimeout';

function timeoutNotification({ ruleId, file }: RuleTimeout, limitMs: number): Notification {
  const where = file ? ` on ${file}` : ' in its project phase';
  return {
    level: 'error',
    ruleId,
    ...(file ? { file } : {}),
    message: `Rule ${ruleId} ran longer than ${limitMs / 1000} s${where} and was stopped. Its findings for ${file ? 'this file' : 'the project'} are missing; raise --rule-timeout if the rule is only slow, or report this to the rule's authors.`,
  };
}

const tables = new WeakMap<ResolvedConfig, LintResult['rules']>();
function tableOf(config: ResolvedConfig): LintResult['rules'] {
  let table = tables.get(config);
  if (!table) tables.set(config, (table = ruleTable(config)));
  return table;
}

// `--concurrency N|auto|off`, as ESLint names it: how many lint workers a run uses.
import os from 'node:os';
import type { ResolvedConfig } from '@migralint/core';
import { isBuiltinPlugin } from './rule-packs.js';
import type { Concurrency } from './speed-options.js';
import type { WorkUnit } from './work-units.js';

/**
 * Below this much work, starting workers (each loads the rules and compiles the parser again, a few
 * hundred ms of CPU) costs more than it saves: a pre-commit run or one history (the corpus's largest
 * is 0.5 MB) stays in one thread; the corpus (6,636 files, 5.7 MB) goes to one worker per core.
 */
const AUTO_MIN_BYTES = 2 * 1024 * 1024;
const AUTO_MIN_FILES = 1500;

/** A config that runs a plugin's code that is not ours: it runs under the watchdog. */
export function runsOutsideRules(config: ResolvedConfig): boolean {
  return config.plugins.some((p) => !isBuiltinPlugin(p));
}

/**
 * The fewest cores on which `auto` starts workers. One thread already keeps ~1.4 cores busy (V8
 * compiles and collects garbage on threads of its own), and each worker costs ~15% more CPU than
 * the same work in one thread (its own start-up, parser compile and JIT warm-up): on 2 cores the
 * corpus took as long with two workers as with none, and more CPU (docs/performance.md).
 */
const AUTO_MIN_CORES = 3;

/**
 * Workers for these units: 0 means the main thread lints. `auto` uses one per core when the run is
 * big enough to pay for them on a machine with cores to spare, and at least one when a plugin's
 * rules run, so that the rule time limit (a worker's watchdog) guards against a plugin that never
 * returns.
 */
export function workerCount(setting: Concurrency, units: readonly WorkUnit[], explicitTimeout: boolean, cores = coreCount()): number {
  if (units.length === 0 || setting === 'off') return 0;
  if (setting !== 'auto') return Math.min(setting, units.length);
  const bytes = units.reduce((n, u) => n + u.bytes, 0);
  const files = units.reduce((n, u) => n + u.files.length, 0);
  if (units.length > 1 && cores >= AUTO_MIN_CORES && (bytes >= AUTO_MIN_BYTES || files >= AUTO_MIN_FILES)) return Math.min(cores, units.length);
  if (explicitTimeout || units.some((u) => runsOutsideRules(u.config))) return 1;
  return 0;
}

function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

#!/usr/bin/env node
// `pnpm fuzz [seconds]`: the fuzz harness (test/fuzz/) for a time budget, default 600 s, over
// ../shared/corpus when present and then generated and mutated inputs; prints counts by outcome.
// FUZZ_SEED=<n> replays a run's generated cases.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const seconds = process.argv[2] ?? process.env.FUZZ_SECONDS ?? '600';
if (!/^\d+$/.test(seconds) || Number(seconds) === 0) {
  console.error(`pnpm fuzz: the budget is a whole number of seconds > 0, got "${seconds}"`);
  process.exit(2);
}
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'unit', 'test/fuzz/fuzz.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SECONDS: seconds },
});
process.exit(run.status ?? 2);

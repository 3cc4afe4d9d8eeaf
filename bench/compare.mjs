#!/usr/bin/env node
// Benchmark (not a test): migralint side by side with Squawk, as users run them, end to end.
//
//   node bench/compare.mjs [--runs N] [--only corpus,small,sizes,many] [--corpus DIR] [--history DIR]
//                          [--timeout SECONDS] [--cli path/to/bin/migralint.js]
//
// Prints medians of alternating runs (migralint, Squawk, migralint, …) of wall time and peak RSS for:
// the corpus cold and warm (`--cache`: nothing changed, so the recorded run is replayed; and a file
// written in the cwd, so every history comes from the cache but the run is not replayed), one small file named alone inside a large history (cold and
// warm), generated single migrations of 1/2/5/10 MB (and the 2 MB / 1 MB ratio) and 50,000 small files.
// The machine may be shared: compare the ratios, not the lone times. Squawk is ../shared/tools/squawk,
// skipped with a message when absent. Generated inputs go to a temporary folder that is removed.
// Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqlFiles } from './sql-files.js';
import { generateMigration } from './generate-migration.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const runs = Number(option('--runs', '3'));
const only = new Set(option('--only', 'corpus,small,sizes,many').split(','));
const corpus = path.resolve(option('--corpus', path.join(root, '..', 'shared', 'corpus')));
// The 240-file Supabase history the speed issue measures the pre-commit case in.
const history = path.resolve(option('--history', path.join(corpus, 'Helicone__helicone', 'supabase', 'migrations')));
const timeoutMs = Number(option('--timeout', '120')) * 1000;
// Another build (a copy of packages/cli with its bin, or another checkout) can be measured the same way.
const cli = path.resolve(option('--cli', path.join(root, 'packages', 'cli', 'bin', 'migralint.js')));
const squawkBin = path.join(root, '..', 'shared', 'tools', 'squawk');
const hasSquawk = fs.existsSync(squawkBin);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

if (!fs.existsSync(path.join(path.dirname(cli), '..', 'dist', 'bundle', 'main.js'))) {
  console.error('bench: build first (pnpm build)');
  process.exit(2);
}

/** One run under /usr/bin/time: wall ms, CPU ms (user + system, all threads) and peak RSS MiB, or a timeout. */
function runOnce(command, commandArgs, cwd = root) {
  const rssFile = path.join(tmp, 'rss');
  const started = performance.now();
  // timeout(1) inside time(1): a run past the limit is killed itself, not only the time process.
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', rssFile, 'timeout', String(timeoutMs / 1000), command, ...commandArgs], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = performance.now() - started;
  if (r.status === 124 || r.signal) return { wall: Infinity, cpu: Infinity, rss: NaN, status: r.signal ?? 'timeout' };
  const [rss, user, system] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, rss: rss / 1024, status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : `>${timeoutMs / 1000} s`);
const mib = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : '-');

/** Alternating runs of each tool; `prepare` runs untimed before each migralint run (e.g. prime the cache). */
function compare(label, ours, theirs, { times = runs, prepare } = {}) {
  const a = [];
  const b = [];
  for (let i = 0; i < times; i++) {
    prepare?.();
    a.push(runOnce(process.execPath, [cli, ...ours.args], ours.cwd));
    if (theirs && hasSquawk) b.push(runOnce(squawkBin, ['--reporter', 'json', ...theirs.args], theirs.cwd));
    // A run past the time limit is not repeated.
    if (!Number.isFinite(a.at(-1).wall)) break;
  }
  const summary = (rs) => ({ wall: median(rs.map((r) => r.wall)), cpu: median(rs.map((r) => r.cpu)), rss: median(rs.map((r) => r.rss)), status: rs[0].status });
  const mine = summary(a);
  const line = [`${label.padEnd(30)} migralint ${ms(mine.wall).padStart(9)} (cpu ${ms(mine.cpu).padStart(9)}) ${mib(mine.rss).padStart(8)} exit ${mine.status}`];
  if (b.length > 0) {
    const sq = summary(b);
    line.push(` | squawk ${ms(sq.wall).padStart(8)} (cpu ${ms(sq.cpu).padStart(8)}) ${mib(sq.rss).padStart(7)} | ratio ${(mine.wall / sq.wall).toFixed(2)}× wall, ${sq.cpu >= 50 ? `${(mine.cpu / sq.cpu).toFixed(2)}× cpu` : 'cpu n/a (time(1) counts 10 ms steps)'}, ${(mine.rss / sq.rss).toFixed(2)}× RSS`);
  } else if (theirs) line.push('  squawk: skipped (../shared/tools/squawk absent)');
  console.log(line.join(''));
  return mine;
}

const supportsCache = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout.includes('--cache');
const cacheDir = path.join(tmp, 'cache');
const warmArgs = ['--cache', '--cache-location', cacheDir];
const primeCache = (lintArgs, cwd = root) => () => {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  spawnSync(process.execPath, [cli, ...warmArgs, ...lintArgs], { cwd, stdio: 'ignore' });
};

console.log(`migralint vs Squawk 2.66 — medians of ${runs} alternating runs, wall time and peak RSS (/usr/bin/time)`);
console.log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg()[0].toFixed(2)}, Node ${process.version}; the machine may be shared: read the ratios.`);
console.log('cpu = user + system time of all threads; on a busy machine workers cannot shorten the wall time, the cpu ratio still compares the work.');
if (!hasSquawk) console.log('squawk: ../shared/tools/squawk is absent; migralint runs alone.');
if (!supportsCache) console.log('warm runs: this build has no --cache; skipped.');

if (only.has('corpus')) {
  if (!fs.existsSync(corpus)) console.log(`corpus: ${corpus} is absent; skipped.`);
  else {
    const files = sqlFiles(corpus);
    console.log(`\ncorpus: ${files.length} files in ${corpus}`);
    const sq = { args: files };
    const cold = compare('corpus, cold', { args: ['--format', 'json', corpus] }, sq);
    if (supportsCache) {
      const warm = compare('corpus, warm (--cache)', { args: [...warmArgs, '--format', 'json', corpus] }, sq, { prepare: primeCache(['--format', 'json', corpus]) });
      console.log(`${''.padEnd(30)} warm/cold ${(warm.wall / cold.wall).toFixed(2)}×`);
      // A file written in the run's folder (the corpus is shared data: not touched): every history
      // is a cache hit, but the run's stamps no longer match, so it is not replayed.
      const cwd = path.join(tmp, 'touched');
      fs.mkdirSync(cwd);
      const prime = primeCache(['--format', 'json', corpus], cwd);
      const touch = () => fs.writeFileSync(path.join(cwd, 'touched.txt'), String(Date.now()));
      compare('corpus, warm, not replayed', { args: [...warmArgs, '--format', 'json', corpus], cwd }, sq, { prepare: () => (prime(), touch()) });
    }
  }
}

if (only.has('small')) {
  if (!fs.existsSync(history)) console.log(`history: ${history} is absent; skipped.`);
  else {
    const files = sqlFiles(history);
    const small = files.find((f) => fs.statSync(f).size === 368) ?? files.find((f) => fs.statSync(f).size < 1000) ?? files[0];
    console.log(`\none ${fs.statSync(small).size}-byte file named alone inside its ${files.length}-file history (${path.relative(corpus, small)})`);
    const lintArgs = ['--format', 'json', small];
    compare('small file, cold', { args: lintArgs }, { args: [small] });
    if (supportsCache) compare('small file, warm (--cache)', { args: [...warmArgs, ...lintArgs] }, { args: [small] }, { prepare: primeCache(lintArgs) });
  }
}

if (only.has('sizes')) {
  console.log('\ngenerated single migrations (CREATE TABLE/INDEX, ALTER, INSERT, COMMENT; one file named alone)');
  const bySize = {};
  for (const size of [1, 2, 5, 10]) {
    const dir = path.join(tmp, `size-${size}`);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, '0001_big.sql');
    fs.writeFileSync(file, generateMigration(size * 1024 * 1024));
    // A big input is timed fewer times: it is not noise-sensitive and a slow build takes minutes.
    bySize[size] = compare(`${size} MB migration`, { args: ['--format', 'json', file] }, { args: [file] }, { times: size >= 5 ? 1 : runs });
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ratio = (key) => (bySize[2][key] / bySize[1][key]).toFixed(2);
  console.log(`${''.padEnd(30)} 2 MB / 1 MB: wall ${ratio('wall')}, cpu ${ratio('cpu')} (linear: 2.0)`);
}

if (only.has('many')) {
  // 50,000 small files: 100 projects of 500 golang-migrate up/down pairs' worth of files each.
  const dir = path.join(tmp, 'many');
  let n = 0;
  for (let p = 0; p < 100; p++) {
    const set = path.join(dir, `project${String(p).padStart(3, '0')}`, 'migrations');
    fs.mkdirSync(set, { recursive: true });
    for (let m = 0; m < 250; m++) {
      const v = String(m + 1).padStart(6, '0');
      fs.writeFileSync(path.join(set, `${v}_step.up.sql`), `CREATE TABLE t${m} (id bigint PRIMARY KEY, name text NOT NULL);\nCREATE INDEX CONCURRENTLY t${m}_name ON t${m} (name);\n`);
      fs.writeFileSync(path.join(set, `${v}_step.down.sql`), `DROP TABLE t${m};\n`);
      n += 2;
    }
  }
  console.log(`\n${n} small files (100 golang-migrate histories of 500 files)`);
  // Squawk expands the glob itself (50,000 paths exceed the argument limit).
  compare(`${n} files`, { args: ['--format', 'json', dir] }, { args: ['**/*.sql'], cwd: dir }, { times: 1 });
  fs.rmSync(dir, { recursive: true, force: true });
}

#!/usr/bin/env node
// Benchmark (not a test): how fast migralint lints a directory of migrations.
//
//   node bench/lint-corpus.js [DIR] [--runs N]
//
// DIR defaults to ../shared/corpus. Prints: in-process throughput of lint() (read + parse + rules,
// one core), the CLI end to end on the whole directory (as a user runs it), and the CLI on one small
// file (the pre-commit case; budget ≈ 150 ms). Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 5 : Number(args[runsAt + 1]);
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? path.join(root, '..', 'shared', 'corpus'));
const cli = path.join(root, 'packages', 'cli', 'bin', 'migralint.js');

if (!fs.existsSync(dir)) {
  console.log(`bench: ${dir} does not exist; pass a directory of .sql files (the shared corpus is not on this machine)`);
  process.exit(0);
}
if (!fs.existsSync(path.join(root, 'packages', 'cli', 'dist', 'main.js'))) {
  console.error('bench: build first (pnpm build)');
  process.exit(2);
}

const { lint } = await import(path.join(root, 'packages', 'core', 'dist', 'index.js'));
const { loadConfig } = await import(path.join(root, 'packages', 'config', 'dist', 'index.js'));

function sqlFiles(d) {
  const out = [];
  for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, entry.name);
    if (entry.isDirectory()) out.push(...sqlFiles(p));
    else if (entry.name.endsWith('.sql')) out.push(p);
  }
  return out;
}

const files = sqlFiles(dir).sort();
const config = await loadConfig({ cwd: root, searchFrom: root });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1024 / 1024;

// 1. In-process: read + lint, one thread.
const times = [];
let result;
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  const inputs = files.map((f) => ({ path: path.relative(dir, f), content: fs.readFileSync(f) }));
  bytes = inputs.reduce((n, f) => n + f.content.byteLength, 0);
  result = await lint({ files: inputs, config });
  times.push(performance.now() - t);
}
const wall = median(times);
console.log(`directory          ${dir}`);
console.log(`files              ${files.length}`);
console.log(`size               ${mb(bytes).toFixed(2)} MB`);
console.log(`findings           ${result.errorCount} errors, ${result.warningCount} warnings, ${result.infoCount} infos, ${result.suppressedCount} suppressed; ${result.notifications.length} internal errors`);
console.log(`lint() wall        ${wall.toFixed(0)} ms (median of ${runs}, one core)`);
console.log(`lint() throughput  ${(files.length / (wall / 1000)).toFixed(0)} files/s, ${(mb(bytes) / (wall / 1000)).toFixed(2)} MB/s`);
console.log(`peak RSS (bench)   ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

// 2. The CLI end to end on the whole directory, and on one small file.
function timeCli(cliArgs) {
  const samples = [];
  let status;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, '--format', 'json=/dev/null', ...cliArgs], { cwd: root, encoding: 'utf8' });
    samples.push(performance.now() - t);
    status = r.status;
  }
  return { ms: median(samples), status };
}
const whole = timeCli([dir]);
console.log(`CLI whole dir      ${whole.ms.toFixed(0)} ms wall (median of ${runs}, exit ${whole.status})`);
const small = files.find((f) => fs.statSync(f).size > 200 && fs.statSync(f).size < 2000) ?? files[0];
const one = timeCli([small]);
console.log(`CLI one file       ${one.ms.toFixed(0)} ms wall (${path.relative(dir, small)}, ${fs.statSync(small).size} bytes)`);

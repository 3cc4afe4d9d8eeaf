#!/usr/bin/env node
// Benchmark (not a test): how fast migralint lints a directory of migrations.
//
//   node bench/lint-corpus.js [DIR] [--runs N]
//
// DIR defaults to ../shared/corpus. Prints: in-process throughput of lint() (read + parse + rules,
// one core), the CLI end to end on the whole directory (as a user runs it), and the CLI on one small
// file (the pre-commit case; budget ≈ 150 ms). Needs `pnpm build` first.
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqlFiles } from './sql-files.js';

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

// As the CLI does (packages/cli/bin/migralint.js explains why).
v8.setFlagsFromString('--liftoff-only');
const { runEngine } = await import(path.join(root, 'packages', 'core', 'dist', 'index.js'));
const { loadConfig } = await import(path.join(root, 'packages', 'config', 'dist', 'index.js'));
const { RULE_PACKS } = await import(path.join(root, 'packages', 'cli', 'dist', 'rule-packs.js'));
const { buildModel, sectionBreaks, loadDeparser } = await import(path.join(root, 'packages', 'migrations', 'dist', 'index.js'));

const files = sqlFiles(dir).sort();
const config = await loadConfig({ cwd: root, searchFrom: root, builtinPacks: RULE_PACKS });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (bytes) => bytes / 1024 / 1024;

// 1. In-process: read + lint, one thread; without and with the migration model (layouts, replay).
const coreOnly = { ...config, rules: Object.fromEntries(Object.entries(config.rules).filter(([id]) => id.startsWith('migralint/'))) };
// The replay is lazy (built when a rule first asks); this project rule asks for every set's, so the
// model's full cost is measured.
const { definePlugin, defineRule } = await import(path.join(root, 'packages', 'core', 'dist', 'index.js'));
const replayAll = defineRule({
  meta: { type: 'problem', docs: { description: 'bench: replay every set', url: 'https://example.test' }, defaultSeverity: 'info', recommended: false, messages: { x: 'x' } },
  project(context) {
    for (const set of context.project.model?.sets ?? []) context.project.model.schemaOf(set).atEnd();
  },
});
const benchPlugin = definePlugin({ name: 'bench', rules: { 'replay-all': replayAll } });
const coreWithReplay = { ...coreOnly, plugins: [...config.plugins, benchPlugin], rules: { ...coreOnly.rules, 'bench/replay-all': 'info' } };
// The engine without layouts or replay: a model with no sets, statements split at `;` only.
const noModel = { buildModel: () => ({ sets: [], findings: [], placeOf: () => undefined, schemaOf: () => undefined }), sectionBreaks: () => [] };
function measure(label, cfg, withModel) {
  return async () => {
    const times = [];
    let result;
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const inputs = files.map((f) => ({ path: path.relative(dir, f), content: fs.readFileSync(f) }));
      bytes = inputs.reduce((n, f) => n + f.content.byteLength, 0);
      result = await runEngine({ files: inputs, config: cfg, cwd: dir }, withModel ? { buildModel, sectionBreaks, load: loadDeparser } : noModel);
      times.push(performance.now() - t);
    }
    return { label, wall: median(times), result, bytes };
  };
}
const parseOnly = await measure('parse + engine rules, no model', coreOnly, false)();
const parseModel = await measure('parse + engine rules + model', coreWithReplay, true)();
const full = await measure('recommended preset + model', config, true)();
const { result, bytes } = full;
console.log(`directory          ${dir}`);
console.log(`files              ${files.length}`);
console.log(`size               ${mb(bytes).toFixed(2)} MB`);
console.log(`findings           ${result.errorCount} errors, ${result.warningCount} warnings, ${result.infoCount} infos, ${result.suppressedCount} suppressed; ${result.notifications.length} internal errors`);
for (const m of [parseOnly, parseModel, full]) {
  console.log(`lint() ${m.label.padEnd(32)} ${m.wall.toFixed(0).padStart(5)} ms  ${(files.length / (m.wall / 1000)).toFixed(0).padStart(6)} files/s  ${(mb(bytes) / (m.wall / 1000)).toFixed(2)} MB/s`);
}
console.log(`model overhead     +${(100 * (parseModel.wall / parseOnly.wall - 1)).toFixed(0)}% (layouts, pairing, transaction modes, schema replay; median of ${runs}, one core)`);
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

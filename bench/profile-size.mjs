#!/usr/bin/env node
// Benchmark (not a test): where the time goes in one big generated migration, and how each part
// grows with the file. In-process `lint()` (one thread, no CLI start-up) of the generated migration
// (bench/generate-migration.mjs) at each size; prints per size the time of the parse (prepareFile),
// the model, the schema replay, each rule's visitors, and the ms per MB, so a part that grows faster
// than the file stands out. With --heap also the heap after the run (model and files kept).
//
//   node bench/profile-size.mjs [0.5,1,2] [--top 15] [--heap] [--kind tables|findings|dump] [--preset strict]
//
// Needs `pnpm build` first. For a CPU profile of one size:
//   node --cpu-prof bench/profile-size.mjs 2
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { generateMigration } from './generate-migration.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const kindAt = args.indexOf('--kind');
const kind = kindAt === -1 ? 'tables' : args[kindAt + 1];
const sizes = (args.find((a) => /^[\d.,]+$/.test(a)) ?? '0.5,1,2').split(',').map(Number);
const topAt = args.indexOf('--top');
const top = topAt === -1 ? 15 : Number(args[topAt + 1]);
const withHeap = args.includes('--heap');

// As the CLI does (packages/cli/bin/migralint.js explains why).
v8.setFlagsFromString('--liftoff-only');
const dist = (pkg) => path.join(root, 'packages', pkg, 'dist', 'index.js');
const { lint } = await import(dist('migrations'));
const { ConfigLoader } = await import(dist('config'));
const presetAt = args.indexOf('--preset');
const preset = presetAt === -1 ? 'recommended' : args[presetAt + 1];
const base = await new ConfigLoader({ cwd: root }).resolveConfig({ extends: [preset] });

/** The config with every rule's visitors and project hook timed into `times` (ms by rule id). */
function timed(config, times) {
  const add = (id, t) => times.set(id, (times.get(id) ?? 0) + performance.now() - t);
  const plugins = config.plugins.map((plugin) => ({
    ...plugin,
    rules: Object.fromEntries(
      Object.entries(plugin.rules ?? {}).map(([name, rule]) => {
        const id = `${plugin.name}/${name}`;
        const wrapped = { ...rule };
        if (rule.create) {
          wrapped.create = (context) => {
            const t = performance.now();
            const visitors = rule.create(context);
            add(id, t);
            return Object.fromEntries(
              Object.entries(visitors).map(([kind, fn]) => [kind, fn && ((...a) => {
                const t0 = performance.now();
                try { return fn(...a); } finally { add(id, t0); }
              })]),
            );
          };
        }
        if (rule.project) wrapped.project = (context) => {
          const t = performance.now();
          try { return rule.project(context); } finally { add(`${id} (project)`, t); }
        };
        return [name, wrapped];
      }),
    ),
  }));
  return { ...config, plugins };
}

const rows = [];
for (const mb of sizes) {
  const content = generateMigration(mb * 1024 * 1024, kind);
  const times = new Map();
  const config = timed(base, times);
  let kept;
  let replayMs = 0;
  let modelAt = 0;
  const started = performance.now();
  const result = await lint({
    files: [{ path: 'db/0001_big.sql', content }],
    config,
    cwd: root,
    onModel(model, files) {
      modelAt = performance.now();
      // The replay is lazy: time each set's first build where a rule asks for it.
      const schemaOf = model.schemaOf.bind(model);
      const built = new Set();
      model.schemaOf = (set) => {
        if (built.has(set)) return schemaOf(set);
        built.add(set);
        const t = performance.now();
        try { return schemaOf(set); } finally { replayMs += performance.now() - t; }
      };
      if (withHeap) kept = { model, files };
    },
  });
  const total = performance.now() - started;
  // Rule time includes the replay a rule triggered; it is shown apart.
  const first = [...times].find(([, t]) => t >= replayMs);
  if (first) times.set(first[0], first[1] - replayMs);
  times.set('(parse: prepareFile, model)', modelAt - started);
  times.set('(schema replay)', replayMs);
  const heap = withHeap ? (globalThis.gc?.(), process.memoryUsage().heapUsed / 2 ** 20) : undefined;
  rows.push({ mb, total, times, statements: result.stats.statements, findings: result.files[0].messages.length, heap });
  kept = undefined;
}

const fmt = (x, w = 7) => x.toFixed(0).padStart(w);
console.log(`size   statements  findings  total ms  ms/MB${withHeap ? '  heap MiB (kept)' : ''}`);
for (const r of rows) console.log(`${String(r.mb).padEnd(6)} ${fmt(r.statements, 10)} ${fmt(r.findings, 9)} ${fmt(r.total, 9)} ${fmt(r.total / r.mb, 6)}${r.heap ? fmt(r.heap, 16) : ''}`);
const last = rows.at(-1);
console.log(`\nms per MB by part, top ${top} at ${last.mb} MB (a growing column is superlinear)`);
console.log(`${'part'.padEnd(52)}${rows.map((r) => `${r.mb} MB`.padStart(9)).join('')}`);
for (const [id] of [...last.times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${id.padEnd(52)}${rows.map((r) => fmt((r.times.get(id) ?? 0) / r.mb, 9)).join('')}`);
}

#!/usr/bin/env node
// Per-rule finding counts on a directory of migrations (default ../shared/corpus), with a preset
// (default `recommended`; `strict` = every rule), as a Markdown table — the numbers behind the
// presets' choices in docs/comparison/squawk.md. Needs `pnpm build`.
//   node scripts/corpus-rule-counts.mjs [DIR] [--preset recommended|strict]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const presetAt = args.indexOf('--preset');
const preset = presetAt === -1 ? 'recommended' : args[presetAt + 1];
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--preset') ?? path.join(root, '..', 'shared', 'corpus'));
if (!fs.existsSync(dir)) {
  console.log(`corpus-rule-counts: ${dir} does not exist; pass a directory of migrations`);
  process.exit(0);
}
const { ConfigLoader } = await import(path.join(root, 'packages/config/dist/index.js'));
const { lint } = await import(path.join(root, 'packages/migrations/dist/index.js'));

const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.sql')) files.push(p);
  }
})(dir);
files.sort();
const loader = new ConfigLoader({ cwd: dir });
const config = await loader.resolveConfig({ extends: [preset] });
const t = performance.now();
const result = await lint({
  files: files.map((f) => ({ path: path.relative(dir, f), content: fs.readFileSync(f) })),
  config,
  cwd: dir,
  readAux: (p) => {
    try {
      return fs.readFileSync(path.resolve(dir, p), 'utf8');
    } catch {
      return undefined;
    }
  },
});
const ms = performance.now() - t;
const counts = new Map();
for (const file of result.files) {
  for (const m of file.messages) {
    if (m.suppressed) continue;
    const c = counts.get(m.ruleId) ?? { findings: 0, files: new Set(), severity: m.severity };
    c.findings++;
    c.files.add(file.path);
    counts.set(m.ruleId, c);
  }
}
const total = [...counts.values()].reduce((n, c) => n + c.findings, 0);
console.log(`${files.length} files, preset \`${preset}\`: ${total} findings (${result.errorCount} errors, ${result.warningCount} warnings, ${result.infoCount} infos), ${result.notifications.length} internal errors, ${Math.round(ms)} ms\n`);
console.log('| rule | severity | findings | files | share |');
console.log('|---|---|---|---|---|');
for (const [id, c] of [...counts].sort((a, b) => b[1].findings - a[1].findings)) {
  console.log(`| \`${id}\` | ${c.severity} | ${c.findings} | ${c.files.size} | ${((100 * c.findings) / total).toFixed(1)}% |`);
}

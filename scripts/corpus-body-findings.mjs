#!/usr/bin/env node
// Findings that come from inside PL/pgSQL bodies (DO blocks, function bodies) on a directory of
// migrations (default ../shared/corpus), by rule and by kind of body, and an evenly spread sample
// of them with the source line, to be read by hand (issue #15). Markdown on stdout. Needs `pnpm build`.
//   node scripts/corpus-body-findings.mjs [DIR] [--preset recommended|strict] [--sample N]
import fs from 'node:fs';
import path from 'node:path';
import { defaultCorpus, lintCorpus } from './lib/lint-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const preset = option('--preset', 'recommended');
const sampleSize = Number(option('--sample', '20'));
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? defaultCorpus);
if (!fs.existsSync(dir)) {
  console.log(`corpus-body-findings: ${dir} does not exist; pass a directory of migrations`);
  process.exit(0);
}

/** Per file: the body ranges of its top-level DO / function statements. */
const bodies = new Map();
const { result, files } = await lintCorpus(dir, preset, (parsed) => {
  for (const file of parsed) {
    const ranges = file.statements.filter((s) => s.plpgsql).map((s) => ({ ...s.plpgsql.range, kind: s.plpgsql.kind }));
    if (ranges.length > 0) bodies.set(file.path, ranges);
  }
});

const counts = new Map();
const inside = [];
for (const file of result.files) {
  const ranges = bodies.get(file.path) ?? [];
  for (const m of file.messages) {
    if (m.suppressed) continue;
    const body = ranges.find((r) => r.start <= m.offset && m.offset < r.end);
    if (!body) continue;
    const where = body.kind === 'do' ? 'do' : 'function';
    const c = counts.get(m.ruleId) ?? { do: 0, function: 0, severity: m.severity };
    c[where]++;
    counts.set(m.ruleId, c);
    inside.push({ file, m, where });
  }
}
const sum = (key) => [...counts.values()].reduce((n, c) => n + c[key], 0);
console.log(`${files.length} files, preset \`${preset}\`: ${inside.length} findings inside bodies (${sum('do')} in DO blocks, ${sum('function')} in function bodies)\n`);
console.log('| rule | severity | in DO | in functions |');
console.log('|---|---|---|---|');
for (const [id, c] of [...counts].sort((a, b) => b[1].do + b[1].function - (a[1].do + a[1].function))) {
  console.log(`| \`${id}\` | ${c.severity} | ${c.do} | ${c.function} |`);
}
console.log(`\n## Sample (${Math.min(sampleSize, inside.length)}, evenly spread)\n`);
const step = inside.length / Math.max(1, sampleSize);
for (let i = 0; i < Math.min(sampleSize, inside.length); i++) {
  const { file, m, where } = inside[Math.floor(i * step)];
  const line = String(file.file.value).split(/\r?\n/)[m.line - 1] ?? '';
  const shown = line.trim().replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 140);
  console.log(`${i + 1}. \`${file.path}:${m.line}:${m.column}\` (${where}) **${m.ruleId}**: ${m.message.slice(0, 160)}\n   \`${shown}\``);
}

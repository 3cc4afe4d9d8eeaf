#!/usr/bin/env node
// Per-rule finding counts on a directory of migrations (default ../shared/corpus), with a preset
// (default `recommended`; `strict` = every rule), as a Markdown table — the numbers behind the
// presets' choices in docs/comparison/squawk.md. Needs `pnpm build`.
//   node scripts/corpus-rule-counts.mjs [DIR] [--preset recommended|strict]
import { corpusArgs, lintCorpus } from './lib/lint-corpus.mjs';

const { dir, preset } = corpusArgs('corpus-rule-counts');
const { result, files, ms } = await lintCorpus(dir, preset);
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

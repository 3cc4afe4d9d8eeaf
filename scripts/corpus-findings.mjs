#!/usr/bin/env node
// Every finding on a directory of migrations (default ../shared/corpus), one sorted line each
// (`path:line:column severity rule message`), for checking that a refactor changes nothing:
//   node scripts/corpus-findings.mjs [DIR] [--preset recommended|strict] > before.txt
//   ... change ...
//   node scripts/corpus-findings.mjs [DIR] [--preset …] > after.txt && diff before.txt after.txt
// Needs `pnpm build`.
import fs from 'node:fs';
import path from 'node:path';
import { defaultCorpus, lintCorpus } from './lib/lint-corpus.mjs';

const args = process.argv.slice(2);
const presetAt = args.indexOf('--preset');
const preset = presetAt === -1 ? 'recommended' : args[presetAt + 1];
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--preset') ?? defaultCorpus);
if (!fs.existsSync(dir)) {
  console.error(`corpus-findings: ${dir} does not exist; pass a directory of migrations`);
  process.exit(0);
}
const { result } = await lintCorpus(dir, preset);
const lines = [];
for (const file of result.files) {
  for (const m of file.messages) {
    if (m.suppressed) continue;
    lines.push(`${file.path}:${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`);
  }
}
for (const n of result.notifications) lines.push(`(internal) ${JSON.stringify(n).slice(0, 300)}`);
lines.sort();
process.stdout.write(lines.join('\n') + '\n');
console.error(`corpus-findings: ${lines.length} lines, preset ${preset}`);

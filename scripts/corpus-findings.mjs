#!/usr/bin/env node
// Every finding on a directory of migrations (default ../shared/corpus), one sorted line each
// (`path:line:column severity rule message`), for checking that a refactor changes nothing:
//   node scripts/corpus-findings.mjs [DIR] [--preset recommended|strict] > before.txt
//   ... change ...
//   node scripts/corpus-findings.mjs [DIR] [--preset …] > after.txt && diff before.txt after.txt
// Needs `pnpm build`.
import { corpusArgs, lintCorpus } from './lib/lint-corpus.mjs';

const { dir, preset } = corpusArgs('corpus-findings');
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

#!/usr/bin/env node
// A seeded random sample of findings on a directory of migrations (default ../shared/corpus), with
// the default config (`recommended`), for judging precision by hand (issue #16). Re-run it after a
// change with the same seed to draw the "after" sample by the same procedure. Needs `pnpm build`.
//
//   node scripts/precision-sample.mjs [DIR] [--seed 16] [--count 60] [--preset recommended]
//
// How the sample is drawn: each rule gets a share of `count` proportional to its number of findings
// (largest remainder), so the sample's precision estimates the precision of all findings; within a
// rule the picks go round-robin over repositories (the first path segment) in a seeded random
// order, so no single repository fills a rule's share. Each finding is printed with its file,
// position, message and the source lines it covers.
import fs from 'node:fs';
import path from 'node:path';
import { defaultCorpus, lintCorpus } from './lib/lint-corpus.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const seed = Number(option('seed', '16'));
const count = Number(option('count', '60'));
const preset = option('preset', 'recommended');
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? defaultCorpus);
if (!fs.existsSync(dir)) {
  console.log(`precision-sample: ${dir} does not exist; pass a directory of migrations`);
  process.exit(0);
}

/** mulberry32: a small seeded PRNG, so the same seed draws the same sample from the same findings. */
function prng(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const shuffle = (list) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

const { result, files } = await lintCorpus(dir, preset);
const texts = new Map(files.map((f) => [f.path, f.content.toString('utf8')]));
const byRule = new Map();
for (const file of result.files) {
  for (const m of file.messages) {
    if (m.suppressed) continue;
    const list = byRule.get(m.ruleId) ?? [];
    list.push({ path: file.path, message: m });
    byRule.set(m.ruleId, list);
  }
}
const total = [...byRule.values()].reduce((n, l) => n + l.length, 0);

// Largest-remainder allocation of `count` over rules, proportional to their findings.
const rules = [...byRule.keys()].sort();
const quotas = rules.map((rule) => ({ rule, exact: (count * byRule.get(rule).length) / total }));
for (const q of quotas) q.take = Math.floor(q.exact);
let left = count - quotas.reduce((n, q) => n + q.take, 0);
for (const q of [...quotas].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.rule.localeCompare(b.rule))) {
  if (left-- <= 0) break;
  q.take++;
}

const sample = [];
for (const { rule, take } of quotas) {
  if (take === 0) continue;
  const byRepo = new Map();
  for (const f of shuffle(byRule.get(rule))) {
    const repo = f.path.split(/[\\/]/)[0];
    const list = byRepo.get(repo) ?? [];
    list.push(f);
    byRepo.set(repo, list);
  }
  const repos = shuffle([...byRepo.keys()].sort());
  for (let round = 0, picked = 0; picked < take; round++) {
    for (const repo of repos) {
      const f = byRepo.get(repo)[round];
      if (f && picked < take) {
        sample.push({ rule, ...f });
        picked++;
      }
    }
  }
}

// Never print raw control characters from the corpus to a terminal.
const clean = (s) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
console.log(`# Precision sample: ${sample.length} of ${total} findings, preset \`${preset}\`, seed ${seed}\n`);
sample.forEach(({ rule, path: file, message: m }, i) => {
  const lines = texts.get(file).split(/\r?\n/);
  const from = Math.max(1, m.line - 1);
  const to = Math.min(lines.length, Math.max(m.endLine, m.line) + 1, from + 11);
  console.log(`## ${i + 1}. \`${rule}\` (${m.severity}) — ${file}:${m.line}:${m.column}\n`);
  console.log(`> ${clean(m.message).replace(/\n/g, '\n> ')}\n`);
  console.log('```sql');
  for (let n = from; n <= to; n++) console.log(`${String(n).padStart(5)}${n >= m.line && n <= m.endLine ? '>' : ' '} ${clean(lines[n - 1].slice(0, 160))}`);
  console.log('```\n');
});

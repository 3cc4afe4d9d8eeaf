// THROWAWAY: rollback rules over ../shared/corpus (deleted after the run).
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { lint } from '@migralint/core';
import { builtinPlugins } from '@migralint/config';
import { buildModel } from '@migralint/migrations';

const corpus = '/work/shared/corpus';
const sqlFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sqlFiles(p) : e.name.endsWith('.sql') ? [p] : [];
  });

it('corpus', { timeout: 600_000 }, async () => {
  const rules = ['missing-down', 'empty-down', 'down-does-not-reverse', 'irreversible-needs-annotation'];
  const t0 = Date.now();
  const result = await lint({
    files: sqlFiles(corpus).map((f) => ({ path: path.relative(corpus, f), content: fs.readFileSync(f) })),
    buildModel,
    readAux: (p) => (fs.existsSync(path.join(corpus, p)) ? fs.readFileSync(path.join(corpus, p), 'utf8') : undefined),
    config: { plugins: [...builtinPlugins], rules: Object.fromEntries(rules.map((r) => [`rollback/${r}`, 'error'])) },
  });
  const out = [`files ${result.files.length}, ${Date.now() - t0} ms, notifications ${JSON.stringify(result.notifications)}, failed ${result.failed}`];
  const messages = result.files.flatMap((f) => f.messages.map((m) => ({ ...m, file: f.path }))).filter((m) => m.ruleId.startsWith('rollback/'));
  for (const r of rules) {
    const mine = messages.filter((m) => m.ruleId === `rollback/${r}`);
    out.push(`${r}: ${mine.length} in ${new Set(mine.map((m) => m.file.split('/')[0])).size} repos`);
  }
  for (const m of messages) out.push(`${m.ruleId}\t${m.file}:${m.line}:${m.column}\t${m.message}`);
  fs.writeFileSync('/tmp/rb/corpus-final.txt', out.join('\n') + '\n');
});

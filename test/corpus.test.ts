// The real-world corpus (../shared/corpus, 6,636 migrations from 48 projects) through lint():
// no crash, no internal error, every file read. It is test data we may not copy, so the test reads it
// in place and skips, saying so, when it is not beside the repository.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '@migralint/migrations';
import { ConfigLoader } from '@migralint/config';
import { RULE_PACKS } from '../packages/cli/src/rule-packs.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/corpus');
const present = fs.existsSync(corpus);
if (!present) console.warn(`corpus.test.ts: skipped — ${corpus} is not present`);

function sqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sqlFiles(p) : e.name.endsWith('.sql') ? [p] : [];
  });
}

describe.skipIf(!present)('shared corpus', () => {
  it('lints every file with the recommended rules: no internal error, nothing unreadable', { timeout: 300_000 }, async () => {
    const files = sqlFiles(corpus);
    expect(files.length).toBeGreaterThan(6000);
    const config = await new ConfigLoader({ cwd: corpus, builtinPacks: RULE_PACKS }).forDirectory(corpus);
    const result = await lint({ files: files.map((f) => ({ path: path.relative(corpus, f), content: fs.readFileSync(f) })), config });
    expect(result.notifications).toEqual([]);
    expect(result.failed).toBe(false);
    expect(result.files.filter((f) => f.unreadable).map((f) => f.path)).toEqual([]);
    // Every statement either parsed or became a parse-error finding: nothing is silently dropped.
    const parseErrors = result.files.flatMap((f) => f.messages).filter((m) => m.ruleId === 'migralint/parse-error').length;
    expect(result.stats.statements).toBeGreaterThan(20_000);
    expect(parseErrors).toBeLessThan(result.stats.statements / 50);
  });
});

// On the real-world corpus (../shared/corpus, skipped with a message when absent): the findings are
// the same whether the whole corpus goes through one lint() call, or the CLI lints history by history
// in one thread, on workers, or from a warm cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigLoader } from '@migralint/config';
import { lint } from '@migralint/migrations';
import { assertBuilt, repoRoot, runCli } from './run-cli.js';
import { RULE_PACKS } from '../src/rule-packs.js';

const corpus = path.resolve(repoRoot, '../shared/corpus');
const present = fs.existsSync(corpus);
if (!present) console.warn(`corpus-concurrency.e2e.test.ts: skipped — ${corpus} is not present`);

function sqlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sqlFiles(p) : e.name.endsWith('.sql') ? [p] : [];
  });
}

type Finding = { path: string; messages: Array<{ ruleId: string; line: number; column: number; message: string; suppressed?: unknown }> };
const lines = (files: Finding[]) =>
  files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId} ${m.suppressed ? 'suppressed ' : ''}${m.message}`)).sort();

describe.skipIf(!present)('the corpus, split into histories', () => {
  it('gives one lint() call’s findings with --concurrency off, on workers, and from a warm cache', { timeout: 1_200_000 }, async () => {
    assertBuilt();
    const files = sqlFiles(corpus);
    const config = await new ConfigLoader({ cwd: corpus, builtinPacks: RULE_PACKS }).forDirectory(corpus);
    const readAux = (file: string) => {
      try {
        return fs.readFileSync(path.resolve(corpus, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    const whole = await lint({ files: files.map((f) => ({ path: path.relative(corpus, f), content: fs.readFileSync(f) })), config, cwd: corpus, readAux });
    const expected = lines(whole.files);
    expect(expected.length).toBeGreaterThan(5000);

    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-cache-'));
    const runs = [
      ['--concurrency', 'off'],
      ['--concurrency', '2'],
      ['--cache', '--cache-location', cache],
      ['--cache', '--cache-location', cache],
    ];
    for (const args of runs) {
      const run = await runCli([...args, '--format', 'json', '.'], { cwd: corpus });
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.notifications).toEqual([]);
      expect(lines(report.files), args.join(' ')).toEqual(expected);
    }
    fs.rmSync(cache, { recursive: true, force: true });
  });
});

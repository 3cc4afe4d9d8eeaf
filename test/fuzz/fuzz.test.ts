// The fuzz harness (issue #17): the engine on generated and mutated SQL and on generated histories,
// with every rule on, checked by lint-checked.ts. In `pnpm test` it runs a bounded number of cases
// (seconds). `pnpm fuzz` runs it for a time budget (FUZZ_SECONDS, default 600), first over every
// history of ../shared/corpus when present (as is, then its files as further seeds), and prints the
// counts by outcome; a failing input is saved under the system's temp folder for replay.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintChecked, type Outcome } from './lint-checked.js';
import { fixtureSeeds, history, repoRoot, sqlContent, type InputFile } from './sql-inputs.js';

const budgetSeconds = Number(process.env.FUZZ_SECONDS ?? 0);
/** `pnpm test` runs the same cases every time (a red CI is never luck); `pnpm fuzz` explores. */
const SEED = 20261206;
const seeds = fixtureSeeds();

const asFile = (content: Uint8Array): InputFile[] => [{ path: 'migrations/0001_fuzz.sql', content }];

/**
 * Failures `pnpm fuzz` found, fixed, and kept here. A control character in a quoted name made
 * libpg-query's scanner fail, so rules saw no tokens (design/prefer-robust-stmts crashed). A syntax
 * error at a statement's `;` had an empty range (the `;` lies outside the statement's range), and
 * so did one at a token starting with a character JavaScript calls whitespace and Postgres does not.
 */
const FOUND = [
  'ALTER TABLE t ADD ;\nSELECT (;\n',
  // A parse error at a BOM or a no-break space (JavaScript's \s, not Postgres' whitespace).
  '\r;\uFEFFALTER TABLE t ADD COLUMN c int;\nSELECT\u00A0 1;\n',
  'CREATE FUNCTION "x\u001B[2J\u001B]8;;https://evil\u0007"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\nSELECT 1;\n',
];

describe.runIf(budgetSeconds === 0)('fuzz (bounded, part of pnpm test)', () => {
  it('generated and mutated single files: no throw, no internal error, positions in range, deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(sqlContent(seeds), async (content) => {
        const checked = await lintChecked(asFile(content));
        expect(checked.problems).toEqual([]);
      }),
      // Inputs the long runs found once, kept as fixed cases.
      { numRuns: 60, seed: SEED, examples: FOUND.map((text): [Uint8Array] => [new TextEncoder().encode(text)]) },
    );
  });

  it('generated histories (several layouts, odd names, pairs, duplicates): the same', async () => {
    await fc.assert(
      fc.asyncProperty(history(seeds), async (files) => {
        const checked = await lintChecked(files);
        expect(checked.problems).toEqual([]);
      }),
      { numRuns: 15, seed: SEED },
    );
  });
});

describe.runIf(budgetSeconds > 0)('fuzz (long run: pnpm fuzz)', () => {
  it('runs for the budget and finds no failure', { timeout: (budgetSeconds + 600) * 1000 }, async () => {
    const deadline = Date.now() + budgetSeconds * 1000;
    const failures: string[] = [];
    const record = (kind: string, files: readonly InputFile[], problems: string[]) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-fuzz-failure-'));
      for (const f of files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.content);
      }
      failures.push(`${kind}: ${problems.slice(0, 3).join(' | ').slice(0, 600)} (input saved in ${dir})`);
    };

    // 1. The corpus, one history (a folder's .sql files) at a time.
    const corpus = path.resolve(repoRoot, '../shared/corpus');
    const corpusCounts = emptyCounts();
    const corpusSeeds: string[] = [];
    if (fs.existsSync(corpus)) {
      for (const [dir, files] of corpusHistories(corpus)) {
        if (Date.now() > deadline - budgetSeconds * 500) break; // at most half the budget
        const inputs = files.map((f) => ({ path: path.relative(corpus, f), content: fs.readFileSync(f) }));
        const checked = await lintChecked(inputs);
        corpusCounts[checked.outcome]++;
        if (checked.outcome === 'failure') record(`corpus ${path.relative(corpus, dir)}`, inputs, checked.problems);
        for (const input of inputs) if (input.content.length < 200_000) corpusSeeds.push(Buffer.from(input.content).toString('utf8'));
      }
    }

    // 2. Generated and mutated files and histories until the deadline.
    const pool = [...seeds, ...corpusSeeds];
    const counts = emptyCounts();
    let cases = 0;
    const input = fc.oneof(sqlContent(pool).map(asFile), history(pool));
    await fc.check(
      fc.asyncProperty(input, async (files) => {
        cases++;
        const checked = await lintChecked(files);
        counts[checked.outcome]++;
        if (checked.outcome === 'failure') record('generated', files, checked.problems);
        return true;
      }),
      { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.max(1000, deadline - Date.now()), markInterruptAsFailure: false, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );

    const line = (label: string, c: Record<Outcome, number>) => `${label.padEnd(22)} ${Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ')}`;
    console.log(
      [
        `migralint fuzz: ${budgetSeconds} s budget, ${pool.length} seeds (${seeds.length} fixtures, ${corpusSeeds.length} corpus files)`,
        line(`corpus histories (${Object.values(corpusCounts).reduce((a, b) => a + b, 0)})`, corpusCounts),
        line(`generated cases (${cases})`, counts),
        `failures: ${failures.length}`,
        ...failures.map((f) => `  ${f}`),
      ].join('\n'),
    );
    expect(failures).toEqual([]);
  });
});

function emptyCounts(): Record<Outcome, number> {
  return { clean: 0, findings: 0, 'parse-error': 0, unreadable: 0, failure: 0 };
}

/** Each folder of the corpus that holds .sql files, with the .sql files in it and one level below (a folder per migration). */
function corpusHistories(root: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    const sql = entries.filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => path.join(dir, e.name));
    if (sql.length > 0) out.set(dir, sql);
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') walk(path.join(dir, e.name));
  };
  walk(root);
  return out;
}

// Squawk conformance: every Squawk rule this pack has an equivalent for, run on Squawk's own rule
// tests (../shared/peer-cases/squawk-cases.jsonl), must give Squawk's verdict — except the
// deliberate differences listed below with the reason (also in docs/rules/destructive/*.md).
// Cases of kind `ignore` test Squawk's own `-- squawk-ignore` comments and are left out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { lintCase, validateOptions } from '@migralint/rule-tester';
import destructive from '../src/index.js';

const CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/peer-cases/squawk-cases.jsonl');

/** Squawk rule → our rule (and options that make it the same check). */
const EQUIVALENTS: Record<string, { rule: string; options?: Record<string, unknown> }> = {
  'ban-drop-column': { rule: 'no-drop-column' },
  'ban-drop-table': { rule: 'no-drop-table' },
  'ban-drop-database': { rule: 'no-drop-database' },
  'ban-drop-not-null': { rule: 'no-drop-not-null' },
  // By default we report every TRUNCATE; `cascadeOnly` is Squawk's rule exactly.
  'ban-truncate-cascade': { rule: 'no-truncate', options: { cascadeOnly: true } },
  'renaming-column': { rule: 'no-rename-column' },
  'renaming-table': { rule: 'no-rename-table' },
  'changing-column-type': { rule: 'no-column-type-change' },
};

/** Case id → why our verdict differs on purpose. */
const DELIBERATE: Record<string, string> = {};

interface SquawkCase {
  id: string;
  rule: string;
  kind: string;
  sql: string;
  expect_violation: boolean;
  settings?: { pg_version?: number; assume_in_transaction?: boolean };
}

const present = fs.existsSync(CASES);
if (!present) console.warn(`squawk-conformance: skipped — ${CASES} is not present`);
const cases: SquawkCase[] = present
  ? fs.readFileSync(CASES, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SquawkCase)
  : [];

describe.skipIf(!present)('Squawk conformance: destructive', () => {
  const tally = new Map<string, { agree: number; total: number }>();
  for (const [squawkRule, { rule: name, options }] of Object.entries(EQUIVALENTS)) {
    const rule = destructive.rules[name] as Rule;
    const ruleId = `destructive/${name}`;
    const mine = cases.filter((c) => c.rule === squawkRule && c.kind === 'rule');
    describe(`${squawkRule} → ${ruleId}`, () => {
      it('has cases', () => expect(mine.length).toBeGreaterThan(0));
      for (const c of mine) {
        it(c.id, async () => {
          const outcome = await lintCase({
            ruleId,
            rule,
            plugins: [destructive],
            settings: {
              ...(c.settings?.pg_version ? { postgresVersion: c.settings.pg_version } : {}),
              ...(c.settings?.assume_in_transaction ? { assumeTransaction: true } : {}),
            },
            options: validateOptions(ruleId, rule, options),
            files: [{ path: 'migration.sql', code: c.sql }],
          });
          expect(outcome.crashes).toEqual([]);
          const violation = outcome.findings.length > 0;
          const t = tally.get(squawkRule) ?? { agree: 0, total: 0 };
          t.total++;
          if (violation === c.expect_violation) t.agree++;
          tally.set(squawkRule, t);
          const deliberate = DELIBERATE[c.id];
          if (deliberate) expect(violation, `listed as a deliberate difference: ${deliberate}`).toBe(!c.expect_violation);
          else expect(violation, `Squawk expects ${c.expect_violation ? 'a violation' : 'none'}`).toBe(c.expect_violation);
        });
      }
    });
  }
  it('agreement summary', () => {
    for (const [rule, t] of tally) console.log(`squawk ${rule}: ${t.agree}/${t.total}`);
  });
});

// Conformance with Squawk: for each of Squawk's own test cases of the Squawk rule a rule of ours
// matches (../shared/peer-cases/squawk-cases.jsonl, `kind: "rule"`), run our rule on the case's
// SQL with the case's settings — `pg_version` → `postgresVersion`, `assume_in_transaction` →
// `assumeTransaction` — and compare verdicts (fired or not). A case where we differ on purpose is
// listed with the reason and must keep differing; the file missing skips with a message.

import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { lintCase, readSquawkCases as readAllCases, squawkCasesFile, squawkSettings, type SquawkCase } from '@migralint/rule-tester';
import concurrently from '../src/index.js';

export type { SquawkCase };

export function readSquawkCases(squawkRule: string): SquawkCase[] | undefined {
  return readAllCases()?.filter((c) => c.rule === squawkRule);
}

/** Did our rule fire on the case? Broken SQL or a crash fails the test instead. */
export async function firesOn(ruleId: string, rule: Rule, c: SquawkCase): Promise<boolean> {
  const outcome = await lintCase({
    ruleId,
    rule,
    plugins: [concurrently],
    settings: squawkSettings(c),
    options: undefined,
    files: [{ path: 'migration.sql', code: c.sql }],
  });
  expect(outcome.parseErrors.map((f) => `${f.line}:${f.column} ${f.message}`), 'Postgres parses the case').toEqual([]);
  expect(outcome.crashes.map((n) => n.message)).toEqual([]);
  return outcome.findings.length > 0;
}

/**
 * One test per Squawk case of `squawkRule`. `differences` maps a case id to the reason we give a
 * different verdict on purpose (also listed in the rule's docs page). `only` keeps the cases of the
 * part of a Squawk rule ours covers (e.g. the CREATE INDEX CONCURRENTLY cases of prefer-robust-stmts).
 */
export function squawkConformance(
  ruleId: string,
  rule: Rule,
  squawkRule: string,
  differences: Record<string, string> = {},
  only?: { description: string; test: (c: SquawkCase) => boolean },
): void {
  describe(`${ruleId} ↔ Squawk ${squawkRule}${only ? ` (${only.description})` : ''}`, () => {
    const cases = readSquawkCases(squawkRule)?.filter((c) => !only || only.test(c));
    if (!cases) {
      it.skip(`skipped: ${squawkCasesFile()} not found (Squawk's cases live in ../shared/peer-cases/)`, () => {});
      return;
    }
    it('has Squawk cases, and every listed difference names one of them', () => {
      expect(cases.length).toBeGreaterThan(0);
      const ids = new Set(cases.map((c) => c.id));
      expect(Object.keys(differences).filter((id) => !ids.has(id))).toEqual([]);
    });
    for (const c of cases) {
      const reason = differences[c.id];
      const expected = reason ? !c.expect_violation : c.expect_violation;
      it(`${c.id}: ${expected ? 'fires' : 'passes'}${reason ? ` (Squawk ${c.expect_violation ? 'fires' : 'passes'}: ${reason})` : ''}`, async () => {
        expect(await firesOn(ruleId, rule, c)).toBe(expected);
      });
    }
  });
}

// Conformance with Squawk: for each of Squawk's own test cases of the Squawk rule a rule of ours
// matches (../shared/peer-cases/squawk-cases.jsonl, `kind: "rule"`), run our rule on the case's
// SQL with the case's settings — `pg_version` → `postgresVersion`, `assume_in_transaction` →
// `assumeTransaction` — and compare verdicts (fired or not). A case where we differ on purpose is
// listed with the reason and must keep differing; the file missing skips with a message.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Rule, Settings } from '@migralint/core';
import { lintCase } from '@migralint/rule-tester';
import concurrently from '../src/index.js';

const CASES_FILE = new URL('../../../../shared/peer-cases/squawk-cases.jsonl', import.meta.url);

export interface SquawkCase {
  id: string;
  rule: string;
  kind: 'rule' | 'ignore';
  sql: string;
  expect_violation: boolean;
  settings?: { pg_version?: string; assume_in_transaction?: boolean };
}

export function readSquawkCases(squawkRule: string): SquawkCase[] | undefined {
  if (!existsSync(CASES_FILE)) return undefined;
  return readFileSync(CASES_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SquawkCase)
    .filter((c) => c.kind === 'rule' && c.rule === squawkRule);
}

export function settingsOf(c: SquawkCase): Partial<Settings> {
  const settings: Partial<Settings> = {};
  if (c.settings?.pg_version !== undefined) settings.postgresVersion = Number(c.settings.pg_version);
  if (c.settings?.assume_in_transaction) settings.assumeTransaction = true;
  return settings;
}

/** Did our rule fire on the case? Broken SQL or a crash fails the test instead. */
export async function firesOn(ruleId: string, rule: Rule, c: SquawkCase): Promise<boolean> {
  const outcome = await lintCase({
    ruleId,
    rule,
    plugins: [concurrently],
    settings: settingsOf(c),
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
      it.skip(`skipped: ${CASES_FILE.pathname} not found (Squawk's cases live in ../shared/peer-cases/)`, () => {});
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

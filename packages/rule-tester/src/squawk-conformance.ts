// Conformance with Squawk (issue 4): run a pack's rules on Squawk's own rule tests
// (../shared/peer-cases/squawk-cases.jsonl) and compare verdicts. One harness for every pack, so
// each pack's test file is only its data: which of our rules answer which Squawk rule, and the
// deliberate differences with their reasons.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plugin, Rule, Settings } from '@migralint/core';
import { lintCase } from './lint-case.js';
import { validateOptions } from './check-meta.js';

export interface SquawkCase {
  id: string;
  rule: string;
  kind: 'rule' | 'ignore';
  sql: string;
  expect_violation: boolean;
  settings?: { pg_version?: number | string; assume_in_transaction?: boolean };
  squawk_isolated_reports_ordered?: unknown[];
}

/** Our rule (by its name in the pack) and the options that make it Squawk's check. */
export interface SquawkEquivalent {
  rule: string;
  options?: Record<string, unknown>;
}

export interface SquawkConformanceOptions {
  pack: Plugin;
  /** Squawk rule id → our rule(s); a finding of any of them is our "violation". */
  equivalents: Record<string, SquawkEquivalent | SquawkEquivalent[]>;
  /** Case id → why our verdict differs on purpose. A listed case that starts to agree fails. */
  deliberate?: Record<string, string>;
  /** Default: `MIGRALINT_SQUAWK_CASES`, else `../shared/peer-cases/squawk-cases.jsonl` from the cwd. */
  casesFile?: string;
}

export function squawkCasesFile(): string {
  return process.env.MIGRALINT_SQUAWK_CASES ?? path.resolve(process.cwd(), '../shared/peer-cases/squawk-cases.jsonl');
}

/** Squawk's rule cases (its `ignore` cases test its own comment syntax), or undefined when absent. */
export function readSquawkCases(file = squawkCasesFile()): SquawkCase[] | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SquawkCase)
    .filter((c) => c.kind === 'rule');
}

/** Squawk's settings in ours: `pg_version` (Squawk's default 15) and `assume_in_transaction`. */
export function squawkSettings(c: SquawkCase): Partial<Settings> {
  return {
    postgresVersion: c.settings?.pg_version !== undefined ? Number(c.settings.pg_version) : 15,
    ...(c.settings?.assume_in_transaction ? { assumeTransaction: true } : {}),
  };
}

/** Does any of our equivalent rules report on the case? A crash or SQL Postgres rejects fails the test. */
export async function violatesOn(pack: Plugin, equivalents: readonly SquawkEquivalent[], c: SquawkCase): Promise<boolean> {
  let violation = false;
  for (const { rule: name, options } of equivalents) {
    const ruleId = `${pack.name}/${name}`;
    const rule = pack.rules[name] as Rule | undefined;
    if (!rule) throw new Error(`${ruleId} does not exist in the pack`);
    const outcome = await lintCase({
      ruleId,
      rule,
      plugins: [pack],
      settings: squawkSettings(c),
      options: validateOptions(ruleId, rule, options),
      files: [{ path: 'migration.sql', code: c.sql }],
    });
    expect(outcome.crashes.map((n) => n.message)).toEqual([]);
    violation ||= outcome.findings.length > 0;
  }
  return violation;
}

/** Generates the vitest suite: one test per case, a coverage check, an agreement summary. */
export function squawkConformance({ pack, equivalents, deliberate = {}, casesFile }: SquawkConformanceOptions): void {
  const all = readSquawkCases(casesFile);
  if (!all) {
    describe(`Squawk conformance: ${pack.name}`, () => {
      it.skip(`skipped: ${casesFile ?? squawkCasesFile()} is not present (the peer cases live beside the repository)`, () => {});
    });
    return;
  }
  const cases = all.filter((c) => equivalents[c.rule] !== undefined);
  describe(`Squawk conformance: ${pack.name}`, () => {
    const tally = new Map<string, { agree: number; total: number }>();
    it('every mapped Squawk rule has cases, every deliberate difference names one', () => {
      expect([...new Set(cases.map((c) => c.rule))].sort()).toEqual(Object.keys(equivalents).sort());
      const ids = new Set(cases.map((c) => c.id));
      expect(Object.keys(deliberate).filter((id) => !ids.has(id))).toEqual([]);
    });
    for (const c of cases) {
      const ours = [equivalents[c.rule]!].flat();
      const reason = deliberate[c.id];
      const names = ours.map((e) => `${pack.name}/${e.rule}`).join(' + ');
      it(`${c.id} ↔ ${names}`, async () => {
        const violation = await violatesOn(pack, ours, c);
        const t = tally.get(c.rule) ?? { agree: 0, total: 0 };
        t.total++;
        if (violation === c.expect_violation) t.agree++;
        tally.set(c.rule, t);
        if (reason) expect(violation, `listed as a deliberate difference: ${reason}`).toBe(!c.expect_violation);
        else expect(violation, `Squawk expects ${c.expect_violation ? 'a violation' : 'none'}`).toBe(c.expect_violation);
      });
    }
    it('agreement summary', () => {
      for (const [rule, t] of tally) console.log(`squawk ${rule}: ${t.agree}/${t.total} agree`);
      expect(tally.size).toBe(Object.keys(equivalents).length);
    });
  });
}

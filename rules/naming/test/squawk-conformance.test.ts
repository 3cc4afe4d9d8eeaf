// Conformance with Squawk: every case of Squawk's own tests (../shared/peer-cases) for the two Squawk
// rules the naming pack has an equivalent for, run through our rule with the case's settings
// (`pg_version` → `postgresVersion`), must give Squawk's verdict — except the deliberate differences
// listed here with their reason, which must keep differing (so the list stays true). The rules' docs
// pages repeat the reasons.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { lintCase } from '@migralint/rule-tester';
import naming from '../src/index.js';

const CASES = fileURLToPath(new URL('../../../../shared/peer-cases/squawk-cases.jsonl', import.meta.url));

interface SquawkCase {
  id: string;
  rule: string;
  kind: 'rule' | 'ignore';
  sql: string;
  expect_violation: boolean;
  settings: { pg_version?: string; assume_in_transaction?: boolean };
  /** What Squawk reported with only this rule enabled: one entry per finding. */
  squawk_isolated_reports_ordered?: string[];
}

/** Squawk rule → our rule. */
const EQUIVALENTS: Record<string, string> = {
  'identifier-too-long': 'identifier-too-long',
  'require-table-schema': 'require-schema-qualified',
};

/** `<squawk rule> <case id>` → why we differ on purpose. None so far. */
const DELIBERATE: Record<string, string> = {};

function readCases(): SquawkCase[] {
  return readFileSync(CASES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SquawkCase)
    .filter((c) => c.kind === 'rule' && EQUIVALENTS[c.rule] !== undefined);
}

if (!existsSync(CASES)) {
  describe('Squawk conformance', () => {
    it.skip(`skipped: ${CASES} not found (the peer cases live beside the repository)`, () => {});
  });
} else {
  const cases = readCases();

  describe('Squawk conformance', () => {
    it('covers every Squawk rule the naming pack has an equivalent for', () => {
      expect([...new Set(cases.map((c) => c.rule))].sort()).toEqual(Object.keys(EQUIVALENTS).sort());
    });

    for (const c of cases) {
      const ours = EQUIVALENTS[c.rule]!;
      const key = `${c.rule} ${c.id}`;
      const reason = DELIBERATE[key];
      const expected = reason ? !c.expect_violation : c.expect_violation;
      it(`${c.rule} ${c.id} ↔ naming/${ours}: ${expected ? 'violation' : 'ok'}${reason ? ` (deliberate: ${reason})` : ''}`, async () => {
        const outcome = await lintCase({
          ruleId: `naming/${ours}`,
          rule: naming.rules[ours] as Rule,
          plugins: [naming],
          // Squawk's default target is Postgres 15.
          settings: { postgresVersion: c.settings.pg_version ? Number(c.settings.pg_version) : 15, assumeTransaction: c.settings.assume_in_transaction === true },
          options: undefined,
          files: [{ path: 'migration.sql', code: c.sql }],
        });
        expect(outcome.parseErrors.map((f) => `${f.line}:${f.column} ${f.message}`), 'Postgres parses the case').toEqual([]);
        expect(outcome.crashes.map((n) => n.message)).toEqual([]);
        expect(outcome.findings.length > 0, outcome.findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')).toBe(expected);
        // Beyond the verdict: as many findings as Squawk (one per long name, one per unqualified table).
        if (!reason && c.squawk_isolated_reports_ordered) expect(outcome.findings.length).toBe(c.squawk_isolated_reports_ordered.length);
      });
    }

    it('every deliberate difference names a case that exists', () => {
      const keys = new Set(cases.map((c) => `${c.rule} ${c.id}`));
      expect(Object.keys(DELIBERATE).filter((k) => !keys.has(k))).toEqual([]);
    });
  });
}

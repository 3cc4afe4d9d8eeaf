// Squawk conformance: every Squawk rule this pack has an equivalent for, run on Squawk's own rule
// tests (../shared/peer-cases/squawk-cases.jsonl), must give Squawk's verdict — except the
// deliberate differences listed below with the reason (also in docs/rules/design/*.md).
// Cases of kind `ignore` test Squawk's own `-- squawk-ignore` comments and are left out.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { lintCase, validateOptions } from '@migralint/rule-tester';
import design from '../src/index.js';

const CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/peer-cases/squawk-cases.jsonl');

/** Squawk rule → our rule (and options that make it the same check). */
const EQUIVALENTS: Record<string, { rule: string; options?: Record<string, unknown> }> = {
  'prefer-bigint-over-int': { rule: 'prefer-bigint-over-int' },
  'prefer-bigint-over-smallint': { rule: 'prefer-bigint-over-smallint' },
  'prefer-identity': { rule: 'prefer-identity' },
  'prefer-text-field': { rule: 'prefer-text-field' },
  'prefer-timestamp-tz': { rule: 'prefer-timestamptz' },
  'ban-char-field': { rule: 'no-char-field' },
  'prefer-robust-stmts': { rule: 'prefer-robust-stmts' },
  'ban-duplicate-column-assignments': { rule: 'no-duplicate-column-assignment' },
};

const LAST_STATEMENT =
  'the statement is the last of its part: a statement that fails changes nothing, so only statements followed by another one can leave a half-applied migration behind';

/** Case id → why our verdict differs on purpose. */
const DELIBERATE: Record<string, string> = {
  'ban_char_field::all_the_types#1': '`m int array[]` is a syntax error in PostgreSQL; we report migralint/parse-error for the statement instead',
  'prefer_robust_stmts::alter_table_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::alter_table_drop_column_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::alter_table_drop_constraint_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::create_table_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::create_table_with_on_commit_drop_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::drop_index_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::double_add_after_drop_err#1': LAST_STATEMENT,
  'prefer_robust_stmts::create_index_concurrently_err#1':
    `${LAST_STATEMENT}; and CREATE INDEX CONCURRENTLY without IF NOT EXISTS belongs to the concurrently pack, which also says how to drop the invalid index a failed build leaves`,
  'prefer_robust_stmts::create_temp_table_without_on_commit_drop_err#1': `${LAST_STATEMENT}; and a temporary table is gone when the session that failed ends`,
  'prefer_robust_stmts::alter_column_set_not_null#1': `${LAST_STATEMENT}; and SET NOT NULL can run twice`,
  'prefer_robust_stmts::enable_row_level_security_err#1': `${LAST_STATEMENT}; and ENABLE ROW LEVEL SECURITY can run twice`,
  'prefer_robust_stmts::enable_row_level_security_without_exists_check_err#1': `${LAST_STATEMENT}; and ENABLE ROW LEVEL SECURITY can run twice`,
  'prefer_robust_stmts::disable_row_level_security_err#1': `${LAST_STATEMENT}; and DISABLE ROW LEVEL SECURITY can run twice`,
};

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

describe.skipIf(!present)('Squawk conformance: design', () => {
  const tally = new Map<string, { agree: number; total: number }>();
  for (const [squawkRule, { rule: name, options }] of Object.entries(EQUIVALENTS)) {
    const rule = design.rules[name] as Rule;
    const ruleId = `design/${name}`;
    const mine = cases.filter((c) => c.rule === squawkRule && c.kind === 'rule');
    describe(`${squawkRule} → ${ruleId}`, () => {
      it('has cases', () => expect(mine.length).toBeGreaterThan(0));
      for (const c of mine) {
        it(c.id, async () => {
          const outcome = await lintCase({
            ruleId,
            rule,
            plugins: [design],
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

// Conformance with Squawk: every case of Squawk's own rule tests (../shared/peer-cases) for a Squawk
// rule we have an equivalent for, run through our rule(s) with the case's settings, must give
// Squawk's verdict — except the deliberate differences listed below, each with its reason, which
// must still differ (so the list stays true). docs/rules/locking/*.md repeat the reasons.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { lintCase, validateOptions } from '@migralint/rule-tester';
import locking from '../src/index.js';

const CASES = fileURLToPath(new URL('../../../../shared/peer-cases/squawk-cases.jsonl', import.meta.url));

interface SquawkCase {
  id: string;
  rule: string;
  kind: 'rule' | 'ignore';
  sql: string;
  expect_violation: boolean;
  settings: { pg_version?: string; assume_in_transaction?: boolean };
  squawk_reports: string[];
}

/** Squawk rule → our rules (a finding of any of them is our "violation"), with options. */
const EQUIVALENTS: Record<string, Array<{ rule: string; options?: Record<string, unknown> }>> = {
  'adding-field-with-default': [{ rule: 'adding-field-with-default' }],
  'adding-foreign-key-constraint': [{ rule: 'constraint-missing-not-valid' }],
  'adding-not-nullable-field': [{ rule: 'set-not-null' }],
  'adding-required-field': [{ rule: 'adding-required-field' }],
  'adding-serial-primary-key-field': [{ rule: 'primary-key-using-index' }],
  'ban-alter-domain-with-add-constraint': [{ rule: 'domain-constraint' }],
  'ban-create-domain-with-constraint': [{ rule: 'domain-constraint' }],
  'constraint-missing-not-valid': [{ rule: 'constraint-missing-not-valid' }, { rule: 'validate-in-same-transaction' }],
  'disallowed-unique-constraint': [{ rule: 'unique-constraint-using-index' }],
  'prefer-repack': [{ rule: 'prefer-repack' }],
  'require-enum-value-ordering': [{ rule: 'enum-add-value', options: { requirePosition: true } }],
  'require-lock-timeout': [{ rule: 'require-lock-timeout' }],
  'require-statement-timeout': [{ rule: 'require-statement-timeout' }],
};

/** Squawk's require-timeout-settings cases test both timeout rules: compare each with Squawk's default-run report. */
const TIMEOUT_CASE_RULES = new Set(['require-lock-timeout', 'require-statement-timeout', 'require-timeout-settings']);

const NO_TABLE_LOCK = 'it locks no table that existed before the migration, so nothing can queue behind it';

/** `<squawk rule> <case id>` → why we differ on purpose. */
const DELIBERATE: Record<string, string> = {
  'adding-field-with-default adding_field_with_default::docs_example_error_on_pg_11#1':
    'Postgres 11 added the fast default: a constant DEFAULT needs no rewrite from 11 on (Squawk treats 11 like 10)',
  'ban-alter-domain-with-add-constraint ban_alter_domain_with_add_constraint::ok#1':
    'we also report ALTER DOMAIN … SET NOT NULL and, before Postgres 19, VALIDATE CONSTRAINT on an existing domain: both check every column of the domain under SHARE locks',
  'prefer-repack prefer_repack::cluster_below_pg19_ok#1': 'we report CLUSTER on every version (pg_repack/pg_squeeze exist for all); Squawk only from Postgres 19',
  'prefer-repack prefer_repack::vacuum_full_below_pg19_ok#1': 'we report VACUUM FULL on every version (pg_repack/pg_squeeze exist for all); Squawk only from Postgres 19',
  ...Object.fromEntries(
    ['require-lock-timeout', 'require-statement-timeout'].flatMap((rule) => [
      [`${rule} require_timeout_settings::err_other_ddl_operations#1`, `CREATE TYPE: ${NO_TABLE_LOCK}`],
      [`${rule} require_timeout_settings::err_comment_on_explains_lock_impact#1`, 'COMMENT ON takes SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes'],
      [`${rule} require_timeout_settings::err_vacuum_full_false_uses_non_full_lock#1`, 'plain VACUUM takes SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes'],
      [`${rule} require_timeout_settings::err_lock_access_share_uses_correct_article#1`, 'LOCK … IN ACCESS SHARE MODE blocks only ACCESS EXCLUSIVE requests'],
      [`${rule} require_timeout_settings::fix_multiple_ddl_statements#1`, `the ALTER TABLE is on a table created earlier in the same file: ${NO_TABLE_LOCK}`],
    ]),
  ),
};

function readCases(): SquawkCase[] {
  return readFileSync(CASES, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SquawkCase);
}

/** Each comparison: one Squawk rule, one case, the verdict Squawk gives. */
function comparisonsOf(c: SquawkCase): Array<{ squawkRule: string; expected: boolean }> {
  if (c.kind !== 'rule') return [];
  if (TIMEOUT_CASE_RULES.has(c.rule)) {
    return ['require-lock-timeout', 'require-statement-timeout'].map((squawkRule) => ({ squawkRule, expected: c.squawk_reports.includes(squawkRule) }));
  }
  return EQUIVALENTS[c.rule] ? [{ squawkRule: c.rule, expected: c.expect_violation }] : [];
}

async function ourVerdict(squawkRule: string, c: SquawkCase): Promise<{ violation: boolean; findings: string[] }> {
  const findings: string[] = [];
  for (const { rule: name, options } of EQUIVALENTS[squawkRule]!) {
    const ruleId = `locking/${name}`;
    const rule = locking.rules[name] as Rule;
    const outcome = await lintCase({
      ruleId,
      rule,
      plugins: [locking],
      // Squawk's default target is Postgres 15.
      settings: { postgresVersion: c.settings.pg_version ? Number(c.settings.pg_version) : 15, assumeTransaction: c.settings.assume_in_transaction === true },
      options: validateOptions(ruleId, rule, options),
      files: [{ path: 'migration.sql', code: c.sql }],
    });
    expect(outcome.crashes.map((n) => n.message)).toEqual([]);
    findings.push(...outcome.findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.message}`));
  }
  return { violation: findings.length > 0, findings };
}

if (!existsSync(CASES)) {
  describe('Squawk conformance', () => {
    it.skip(`skipped: ${CASES} not found (the peer cases live beside the repository)`, () => {});
  });
} else {
  const cases = readCases();
  const bySquawkRule = new Map<string, Array<{ c: SquawkCase; expected: boolean }>>();
  for (const c of cases) {
    for (const { squawkRule, expected } of comparisonsOf(c)) {
      if (!bySquawkRule.has(squawkRule)) bySquawkRule.set(squawkRule, []);
      bySquawkRule.get(squawkRule)!.push({ c, expected });
    }
  }

  describe('Squawk conformance', () => {
    it('covers every Squawk rule the locking pack has an equivalent for', () => {
      expect([...bySquawkRule.keys()].sort()).toEqual(Object.keys(EQUIVALENTS).sort());
    });

    for (const [squawkRule, list] of bySquawkRule) {
      const ours = EQUIVALENTS[squawkRule]!.map((e) => `locking/${e.rule}`).join(' + ');
      it(`${squawkRule} ↔ ${ours}: same verdict on ${list.length} cases, except the deliberate differences`, async () => {
        const unexpected: string[] = [];
        const stale: string[] = [];
        for (const { c, expected } of list) {
          const { violation, findings } = await ourVerdict(squawkRule, c);
          const key = `${squawkRule} ${c.id}`;
          const differs = violation !== expected;
          if (differs && !DELIBERATE[key]) {
            unexpected.push(`${c.id}: Squawk says ${expected ? 'violation' : 'ok'}, we say ${violation ? 'violation' : 'ok'}\n${c.sql}\n${findings.join('\n')}`);
          }
          if (!differs && DELIBERATE[key]) stale.push(`${c.id} now agrees; remove it from DELIBERATE`);
        }
        expect(unexpected, 'verdicts that differ from Squawk without a documented reason').toEqual([]);
        expect(stale).toEqual([]);
      });
    }

    it('every deliberate difference names a case that exists', () => {
      const keys = new Set([...bySquawkRule].flatMap(([rule, list]) => list.map(({ c }) => `${rule} ${c.id}`)));
      expect(Object.keys(DELIBERATE).filter((k) => !keys.has(k))).toEqual([]);
    });
  });
}

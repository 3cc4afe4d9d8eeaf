// Squawk conformance (issue 4, docs/comparison/squawk.md): this pack's rules on Squawk's own rule
// tests must give Squawk's verdict, except the deliberate differences listed with their reasons.
// The harness is @migralint/rule-tester's `squawkConformance`; this file is the data.
import { squawkConformance } from '@migralint/rule-tester';
import design from '../src/index.js';

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

squawkConformance({ pack: design, equivalents: EQUIVALENTS, deliberate: DELIBERATE });

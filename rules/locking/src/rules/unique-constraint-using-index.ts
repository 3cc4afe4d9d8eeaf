/**
 * A UNIQUE constraint is backed by a unique index. `ALTER TABLE … ADD [CONSTRAINT x] UNIQUE (…)` and
 * `ADD COLUMN c … UNIQUE` build that index inside the ALTER TABLE, under its ACCESS EXCLUSIVE lock:
 * on a big table, reads and writes stop for the whole build. Build the index first with
 * `CREATE UNIQUE INDEX CONCURRENTLY` (reads and writes go on), then adopt it with
 * `ADD CONSTRAINT x UNIQUE USING INDEX x`, which is instant. A table created in the same migration
 * is empty: not reported.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { constraintsBuildingAnIndex, describeConstraint, usingIndexRecipe } from '../index-backed-constraints.js';
import { displayName } from '@migralint/core';
import { constraintRange } from '../sql-tokens.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report UNIQUE constraints added to an existing table without `USING INDEX`.',
      url: ruleDocsUrl('locking', 'unique-constraint-using-index'),
      why:
        'ADD UNIQUE builds its index under the ALTER TABLE’s ACCESS EXCLUSIVE lock, blocking reads and writes for the ' +
        'whole build; create the unique index CONCURRENTLY, then add the constraint USING INDEX.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      unique:
        'Adding {{what}} to "{{table}}" builds its unique index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build; create the index CONCURRENTLY first, then add the constraint USING INDEX',
    },
    sources: [{ tool: 'squawk', rule: 'disallowed-unique-constraint' }],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        const result = constraintsBuildingAnIndex(context, node, 'CONSTR_UNIQUE');
        for (const found of result?.found ?? []) {
          context.report({
            messageId: 'unique',
            data: { what: describeConstraint('UNIQUE constraint', found), table: displayName(result!.table) },
            at: constraintRange(context, found.constraint, statement),
            note: usingIndexRecipe(result!.table, found, 'UNIQUE'),
          });
        }
      },
    };
  },
});

/**
 * A primary key is backed by a unique index. `ALTER TABLE … ADD PRIMARY KEY (…)` and
 * `ADD COLUMN id … PRIMARY KEY` build that index inside the ALTER TABLE, under its ACCESS EXCLUSIVE
 * lock — reads and writes stop for the whole build — and make the key columns NOT NULL, which scans
 * the table too unless they already are. Build the index first with
 * `CREATE UNIQUE INDEX CONCURRENTLY` (reads and writes go on), then adopt it with
 * `ADD CONSTRAINT x PRIMARY KEY USING INDEX x`, which is instant once the columns are NOT NULL. A
 * table created in the same migration is empty: not reported.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { constraintsBuildingAnIndex, describeConstraint, usingIndexRecipe } from '../index-backed-constraints.js';
import { displayName } from '@migralint/core';
import { constraintRange } from '../sql-tokens.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report primary keys added to an existing table without `USING INDEX`.',
      url: ruleDocsUrl('locking', 'primary-key-using-index'),
      why:
        'ADD PRIMARY KEY builds its index under the ALTER TABLE’s ACCESS EXCLUSIVE lock, blocking reads and writes for ' +
        'the whole build; create a unique index CONCURRENTLY, then add the primary key USING INDEX.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      primaryKey:
        'Adding {{what}} to "{{table}}" builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole build; create a unique index CONCURRENTLY first, then add the primary key USING INDEX',
    },
    sources: [{ tool: 'squawk', rule: 'adding-serial-primary-key-field' }],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        const result = constraintsBuildingAnIndex(context, node, 'CONSTR_PRIMARY');
        for (const found of result?.found ?? []) {
          context.report({
            messageId: 'primaryKey',
            data: { what: describeConstraint('primary key', found), table: displayName(result!.table) },
            at: constraintRange(context, found.constraint, statement),
            note: usingIndexRecipe(result!.table, found, 'PRIMARY KEY'),
          });
        }
      },
    };
  },
});

/**
 * `DELETE FROM t` without `WHERE` deletes every row of a table that production already filled — like
 * `TRUNCATE`, but slower, row by row, in one long transaction — and no down migration brings the
 * rows back. In a migration it is almost always a cleanup meant for a developer's database. Tables
 * the migration created hold no deployed rows and are exempt. A DELETE inside a WITH clause counts.
 */
import { defineRule, ruleDocsUrl, type AstNode, matchesTablePattern, allowTablesOnly } from '@migralint/core';
import { isNewTable } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';
import { dataChangesOf } from '@migralint/core';

export interface NoDeleteWithoutWhereOptions {
  /** Tables that may be emptied (`tmp_*`, `staging.*`). */
  allowTables: string[];
}

const NOTE =
  'Safe way: delete only what you mean to, with a WHERE clause; to empty a table on purpose, do it in a reviewed ' +
  'one-off data task (in batches for big tables), or add ' +
  '`-- migralint-disable-next-statement destructive/no-delete-without-where -- <reason>`.';

export default defineRule<NoDeleteWithoutWhereOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DELETE` without `WHERE` on a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-delete-without-where'),
      why:
        'A DELETE without WHERE removes every row of a production table for good; deleting data belongs in a ' +
        'deliberate, reviewed data task, and a migration should delete only the rows it names.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      deleteAll:
        'DELETE without WHERE deletes every row of "{{table}}" for good; add a WHERE clause, or empty the table in a reviewed data task',
    },
    ...allowTablesOnly('Tables that may be emptied'),
  },
  create(context) {
    return {
      Statement(_node, statement) {
        for (const { kind, node } of dataChangesOf(statement)) {
          if (kind !== 'DeleteStmt' || node.whereClause) continue;
          check(node);
        }
      },
    };

    function check(node: AstNode) {
      const table = nameOfRangeVar(node.relation ?? {});
      if (node.relation?.relpersistence === 't') return;
      if (matchesTablePattern(table, context.options.allowTables ?? [])) return;
      if (isNewTable(context, table)) return;
      context.report({ messageId: 'deleteAll', data: { table: displayName(table) }, at: node.relation, note: NOTE });
    }
  },
});

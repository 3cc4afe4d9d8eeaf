/**
 * `UPDATE t SET c = …` without `WHERE` overwrites `c` in every row of a table production already
 * filled; the old values are gone for good, and deployed code that wrote them is silently
 * overruled. Backfilling a column the same migration added overwrites nothing (it held only its
 * default), so it is not reported — whether to batch a large backfill is a locking question, not a
 * data-loss one. Tables the migration created are exempt too.
 */
import { defineRule, ruleDocsUrl, type AstNode, matchesTablePattern, allowTablesOnly } from '@migralint/core';
import { dataChangesOf } from '@migralint/core';
import { isNewColumn, isNewTable } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';

export interface NoUpdateWithoutWhereOptions {
  /** Tables whose rows may all be updated (`tmp_*`, `staging.*`). */
  allowTables: string[];
}

const NOTE =
  'Safe way: update only the rows you mean to, with a WHERE clause (e.g. `WHERE c IS NULL` for a backfill); to ' +
  'rewrite a column on purpose, keep the old values (a new column, or a backup table) and run it as a reviewed ' +
  'data task, in batches for big tables.';

export default defineRule<NoUpdateWithoutWhereOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `UPDATE` without `WHERE` that overwrites existing columns of a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-update-without-where'),
      why:
        'An UPDATE without WHERE overwrites the column in every production row and the old values are lost; backfilling ' +
        'a column the migration just added is fine, overwriting existing data should name its rows.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      updateAll:
        'UPDATE without WHERE overwrites {{columns}} in every row of "{{table}}" and the old values are lost; add a WHERE clause naming the rows to change',
    },
    ...allowTablesOnly('Tables whose rows may all be updated'),
  },
  create(context) {
    return {
      Statement(_node, statement) {
        for (const { kind, node } of dataChangesOf(statement)) {
          if (kind === 'UpdateStmt' && !node.whereClause) check(node);
        }
      },
    };

    function check(node: AstNode) {
      const table = nameOfRangeVar(node.relation ?? {});
      if (node.relation?.relpersistence === 't') return;
      if (matchesTablePattern(table, context.options.allowTables ?? [])) return;
      if (isNewTable(context, table)) return;
      const columns = [...new Set<string>((node.targetList ?? []).map((t: AstNode) => String(t.ResTarget?.name ?? '')))];
      const overwritten = columns.filter((column) => column !== '' && !isNewColumn(context, table, column));
      if (overwritten.length === 0) return;
      context.report({
        messageId: 'updateAll',
        data: { columns: overwritten.map((c) => `"${c}"`).join(', '), table: displayName(table) },
        at: node.relation,
        note: NOTE,
      });
    }
  },
});

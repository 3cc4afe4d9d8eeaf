/**
 * `ADD COLUMN c … NOT NULL` without a `DEFAULT` gives every existing row a NULL in a column that
 * forbids it: on a table with rows, the migration fails ("column c contains null values") — in
 * production, where the table has rows, even if it passed on an empty development database. And
 * once it is in, deployed code that inserts without naming the column starts failing. An inline
 * `PRIMARY KEY` implies NOT NULL and fails the same way. Identity, serial and generated columns
 * fill themselves, so they are fine here (adding-field-with-default reports their rewrite). A table
 * created in the same migration is empty: not reported.
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { constraintsOf, isNullConstant, serialType } from '../column-definitions.js';
import { isNew } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';

const NOTE =
  'Safe way: either add it with a constant DEFAULT (instant since Postgres 11: `ADD COLUMN c <type> NOT NULL DEFAULT …`), ' +
  'or (1) add it nullable, (2) deploy code that writes it, (3) backfill old rows in batches, (4) make it NOT NULL ' +
  'without a long lock (see locking/set-not-null).';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ADD COLUMN … NOT NULL` without a `DEFAULT` on an existing table.',
      url: ruleDocsUrl('locking', 'adding-required-field'),
      why:
        'Existing rows get NULL in a column that forbids it, so the migration fails on any table that has rows; ' +
        'add the column with a DEFAULT, or nullable and backfilled first.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      required:
        'Adding NOT NULL column "{{column}}" to "{{table}}" without a DEFAULT fails when the table has rows, and breaks inserts from code that does not set it; add it with a DEFAULT, or nullable and backfill first',
      requiredPrimaryKey:
        'Adding PRIMARY KEY column "{{column}}" to "{{table}}" without a DEFAULT fails when the table has rows (they would all be NULL); add it nullable, backfill unique values, then add the primary key USING INDEX',
    },
    sources: [{ tool: 'squawk', rule: 'adding-required-field' }],
  },
  create(context) {
    return {
      AlterTableStmt(node) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const table = nameOfRangeVar(node.relation);
        const columns: AstNode[] = (node.cmds ?? [])
          .map((c: AstNode) => c.AlterTableCmd)
          .filter((c: AstNode | undefined) => c?.subtype === 'AT_AddColumn' && c.def?.ColumnDef)
          .map((c: AstNode) => c.def.ColumnDef);
        if (columns.length === 0 || isNew(context, 'table', table)) return;
        for (const column of columns) {
          const constraints = constraintsOf(column);
          const has = (contype: string) => constraints.some((c) => c.contype === contype);
          const defaultExpr = constraints.find((c) => c.contype === 'CONSTR_DEFAULT')?.raw_expr;
          const fillsItself =
            (defaultExpr !== undefined && !isNullConstant(defaultExpr)) ||
            has('CONSTR_IDENTITY') ||
            has('CONSTR_GENERATED') ||
            serialType(column) !== undefined;
          if (fillsItself) continue;
          const primaryKey = has('CONSTR_PRIMARY');
          if (!has('CONSTR_NOTNULL') && !primaryKey) continue;
          context.report({
            messageId: has('CONSTR_NOTNULL') ? 'required' : 'requiredPrimaryKey',
            data: { column: String(column.colname), table: displayName(table) },
            at: column,
            note: NOTE,
          });
        }
      },
    };
  },
});

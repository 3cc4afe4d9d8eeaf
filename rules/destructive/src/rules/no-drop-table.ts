/**
 * `DROP TABLE` deletes the table's rows for good, and every deployed process that still queries
 * the table starts failing the moment the migration commits. Code and schema deploy at different
 * times, so the safe order is: ship code that no longer uses the table, then drop it in a later
 * migration (with a directive that says why). A table the same migration created held no deployed
 * data, so dropping it is fine.
 */
import { defineRule, ruleDocsUrl, type AstNode, type RuleContext, type Statement, matchesTablePattern, allowTablesOnly } from '@migralint/core';
import { isKeyword, readNameList, dataChangesOf, nameOfRangeVar, sameName, type WrittenName } from '@migralint/core';
import { isNewTable, tableBefore } from '../new-objects.js';
import { dropsNothing } from '../never-existed.js';
import { displayName, nameOfDropObject } from '@migralint/core';

export interface NoDropTableOptions {
  /** Tables that may be dropped (`tmp_*`, `staging.*`). */
  allowTables: string[];
}

const NOTE =
  'Safe way: (1) deploy code that no longer reads or writes the table; (2) optionally rename it or revoke ' +
  'access first to flush out forgotten users, and take a backup; (3) drop it in a later migration, with ' +
  '`-- migralint-disable-next-statement destructive/no-drop-table -- <reason>`.';

export default defineRule<NoDropTableOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP TABLE` of a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-drop-table'),
      why:
        'Dropping a table deletes its data irreversibly and breaks every deployed process that still uses it; ' +
        'stop using the table in code first and drop it in a later migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      dropTable:
        'Dropping table "{{table}}" deletes its data and breaks code that still uses it; deploy code that stops using it first, then drop it in a later migration',
      dropTableCascade:
        'Dropping table "{{table}}" with CASCADE also drops the views and foreign keys that depend on it; deploy code that stops using it first, then drop it alone in a later migration',
    },
    ...allowTablesOnly('Tables that may be dropped'),
    sources: [{ tool: 'squawk', rule: 'ban-drop-table' }],
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TABLE') return;
        const objects: AstNode[] = node.objects ?? [];
        // Where the names are written: read from the tokens for the first drop reported (most drop a new table).
        let names: ReturnType<typeof namesInText> | null = null;
        objects.forEach((object, i) => {
          const table = nameOfDropObject(object);
          if (!table) return;
          if (matchesTablePattern(table, context.options.allowTables ?? [])) return;
          if (isNewTable(context, table) || dropsNothing(context, node, 'table', table) || copiedOutOfRenamed(context, statement, table)) return;
          if (names === null) names = namesInText(context, statement);
          context.report({
            messageId: node.behavior === 'DROP_CASCADE' ? 'dropTableCascade' : 'dropTable',
            data: { table: displayName(table) },
            // The AST has no location for the names: point at the i-th name in the text.
            at: names?.length === objects.length && names[i]!.parts.at(-1) === table.name ? names[i]!.range : statement,
            note: NOTE,
          });
        });
      },
    };
  },
});

/**
 * The end of a swap: the migration renamed the table away (`RENAME TO t_legacy`, so no deployed code
 * uses the name it is dropped by) and copied its rows out first (`INSERT INTO t … SELECT … FROM
 * t_legacy` earlier in the file). Nothing deployed loses data or breaks.
 */
function copiedOutOfRenamed(context: RuleContext<NoDropTableOptions>, statement: Statement, table: WrittenName): boolean {
  const before = tableBefore(context, table);
  if (!before || before.name.name === table.name) return false;
  return context.statements.some(
    (s) => s.index < statement.index && dataChangesOf(s).some(({ kind, node }) => kind === 'InsertStmt' && readsTable(node.selectStmt?.SelectStmt?.fromClause, table)),
  );
}

/** Does a FROM list name `table` (joins and sub-selects included)? */
function readsTable(value: unknown, table: WrittenName): boolean {
  if (Array.isArray(value)) return value.some((item) => readsTable(item, table));
  if (value === null || typeof value !== 'object') return false;
  const rangeVar = (value as AstNode).RangeVar;
  if (rangeVar && sameName(nameOfRangeVar(rangeVar), table)) return true;
  return Object.values(value).some((child) => readsTable(child, table));
}

/** The names after `DROP TABLE [IF EXISTS]`, with their ranges. */
function namesInText(context: RuleContext<NoDropTableOptions>, statement: Statement) {
  const tokens = context.tokensOf(statement);
  if (!isKeyword(tokens[0], 'drop') || !isKeyword(tokens[1], 'table')) return undefined;
  return readNameList(tokens, 2);
}

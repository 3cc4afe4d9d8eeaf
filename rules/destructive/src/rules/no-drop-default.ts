/**
 * `ALTER COLUMN … DROP DEFAULT` changes what deployed code gets when it inserts without naming the
 * column: on a NOT NULL column every such INSERT starts failing; on a nullable one, rows silently
 * get NULL instead of the default. Columns the migration added are exempt (Django and others add a
 * column with a default to fill existing rows, then drop the default at once). With the migration
 * model, a column that had no default, or one that is an identity or generated column, is skipped;
 * so is a default the migration sets again later (a restore).
 */
import { defineRule, indexStatements, ruleDocsUrl, type AstNode, type Range, type Statement } from '@migralint/core';
import { columnBefore, isNewColumn } from '../new-objects.js';
import { alterTableSubcommands, findName } from '../scan-names.js';
import { displayTable, sameTable, tableFromRangeVar, type TableRef } from '../table-names.js';

const NOTE =
  'Safe way: (1) deploy code that always sets the column on INSERT; (2) then drop the default in a later migration. ' +
  'Check other writers too (scripts, other services, `INSERT … SELECT`).';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ALTER COLUMN … DROP DEFAULT` on a column this migration did not add.',
      url: ruleDocsUrl('destructive', 'no-drop-default'),
      why:
        'Deployed code that inserts without naming the column relied on the default: without it, inserts fail on a NOT ' +
        'NULL column and silently store NULL on a nullable one. Make every writer set the column first.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropDefaultNotNull:
        'Dropping the default of NOT NULL column "{{column}}" of "{{table}}" makes every INSERT that omits it fail; deploy code that always sets it first',
      dropDefault:
        'Dropping the default of "{{column}}" of "{{table}}" changes what INSERTs that omit it store (NULL, or a failure if the column is NOT NULL); deploy code that always sets it first',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation || node.relation.relpersistence === 't') return;
        const table = tableFromRangeVar(node.relation);
        const cmds: AstNode[] = node.cmds ?? [];
        let subcommands: ReturnType<typeof alterTableSubcommands> | null = null;
        cmds.forEach((entry, i) => {
          const cmd = entry.AlterTableCmd;
          // DROP DEFAULT is AT_ColumnDefault without a new default.
          if (cmd?.subtype !== 'AT_ColumnDefault' || cmd.def || typeof cmd.name !== 'string') return;
          if (isNewColumn(context, table, cmd.name)) return;
          const known = columnBefore(context, table, cmd.name);
          if (known && (known.default === undefined || known.identity || known.generated)) return;
          if (defaultSetLater(context.statements, statement, i, table, cmd.name)) return;
          if (subcommands === null) subcommands = alterTableSubcommands(context.tokensOf(statement), context.rangeOf(node.relation).start);
          const tokens = subcommands?.length === cmds.length ? subcommands[i] : undefined;
          const at: Range | typeof statement = (tokens && findName(tokens, cmd.name, 1)) || statement;
          context.report({
            messageId: known?.notNull ? 'dropDefaultNotNull' : 'dropDefault',
            data: { column: cmd.name, table: displayTable(table) },
            at,
            note: NOTE,
          });
        });
      },
    };
  },
});

/**
 * Does the migration give the column a default again, later in this statement or file? Then the
 * drop is a restore (Prisma's enum swap drops the default, changes the type, sets it back):
 * deployed INSERTs that omit the column still get one once the migration commits.
 */
function defaultSetLater(statements: readonly Statement[], current: Statement, cmdIndex: number, table: TableRef, column: string): boolean {
  // Indexed once per file by column name: a lookup per call, not a pass over the file.
  return (indexStatements(statements, defaultsSet).get(column) ?? []).some(
    (set) => set.index >= current.index && !(set.index === current.index && set.cmdIndex <= cmdIndex) && sameTable(set.table, table),
  );
}

/** Every `ALTER COLUMN … SET DEFAULT` of an ALTER TABLE, keyed by column name. */
function defaultsSet(statement: Statement): Array<[string, { index: number; cmdIndex: number; table: TableRef }]> {
  if (statement.kind !== 'AlterTableStmt' || !statement.node.relation) return [];
  const table = tableFromRangeVar(statement.node.relation);
  const out: Array<[string, { index: number; cmdIndex: number; table: TableRef }]> = [];
  (statement.node.cmds ?? []).forEach((entry: AstNode, cmdIndex: number) => {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype === 'AT_ColumnDefault' && cmd.def !== undefined) out.push([cmd.name, { index: statement.index, cmdIndex, table }]);
  });
  return out;
}

/**
 * `ALTER COLUMN … DROP DEFAULT` changes what deployed code gets when it inserts without naming the
 * column: on a NOT NULL column every such INSERT starts failing; on a nullable one, rows silently
 * get NULL instead of the default. Columns the migration added are exempt (Django and others add a
 * column with a default to fill existing rows, then drop the default at once). With the migration
 * model, a column that had no default, or one that is an identity or generated column, is skipped;
 * so is a default the migration sets again later (a restore), and a default dropped by the same
 * `ALTER TABLE` that drops the column's NOT NULL: storing NULL when an INSERT omits the column is
 * then what the statement asks for (Prisma writes this when a field becomes optional without default).
 */
import { defineRule, indexStatements, ruleDocsUrl, type AstNode, type Range, type Statement } from '@migralint/core';
import { columnBefore, isNewColumn } from '../new-objects.js';
import { subcommandIndex, subcommandTokens, findName } from '@migralint/core';
import { displayName, sameName, nameOfRangeVar, type WrittenName } from '@migralint/core';

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
      AlterTableCmd(cmd, statement) {
        // DROP DEFAULT is AT_ColumnDefault without a new default.
        if (cmd.subtype !== 'AT_ColumnDefault' || cmd.def || typeof cmd.name !== 'string') return;
        const node = statement.node;
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation || node.relation.relpersistence === 't') return;
        const table = nameOfRangeVar(node.relation);
        const i = subcommandIndex(statement, cmd);
        if (isNewColumn(context, table, cmd.name)) return;
        const known = columnBefore(context, table, cmd.name);
        if (known && (known.default === undefined || known.identity || known.generated)) return;
        if (defaultSetLater(context.statements, statement, i, table, cmd.name)) return;
        if (dropsNotNull(node.cmds ?? [], cmd.name)) return;
        const tokens = subcommandTokens(context, statement, i);
        const at: Range | typeof statement = (tokens && findName(tokens, cmd.name, 1)) || statement;
        context.report({
          messageId: known?.notNull ? 'dropDefaultNotNull' : 'dropDefault',
          data: { column: cmd.name, table: displayName(table) },
          at,
          note: NOTE,
        });
      },
    };
  },
});

/** Does this `ALTER TABLE` also drop the column's NOT NULL (`ALTER COLUMN c DROP NOT NULL`)? */
function dropsNotNull(cmds: AstNode[], column: string): boolean {
  return cmds.some((entry) => entry.AlterTableCmd?.subtype === 'AT_DropNotNull' && entry.AlterTableCmd.name === column);
}

/**
 * Does the migration give the column a default again, later in this statement or file (`SET
 * DEFAULT`, or `ADD GENERATED … AS IDENTITY` when a serial becomes an identity)? Then the drop is a
 * restore (Prisma's enum swap drops the default, changes the type, sets it back):
 * deployed INSERTs that omit the column still get one once the migration commits.
 */
function defaultSetLater(statements: readonly Statement[], current: Statement, cmdIndex: number, table: WrittenName, column: string): boolean {
  // Indexed once per file by column name: a lookup per call, not a pass over the file.
  return (indexStatements(statements, defaultsSet).get(column) ?? []).some(
    (set) => set.index >= current.index && !(set.index === current.index && set.cmdIndex <= cmdIndex) && sameName(set.table, table),
  );
}

/** Every `ALTER COLUMN … SET DEFAULT` / `ADD GENERATED … AS IDENTITY` of an ALTER TABLE, keyed by column name. */
function defaultsSet(statement: Statement): Array<[string, { index: number; cmdIndex: number; table: WrittenName }]> {
  if (statement.kind !== 'AlterTableStmt' || !statement.node.relation) return [];
  const table = nameOfRangeVar(statement.node.relation);
  const out: Array<[string, { index: number; cmdIndex: number; table: WrittenName }]> = [];
  (statement.node.cmds ?? []).forEach((entry: AstNode, cmdIndex: number) => {
    const cmd = entry.AlterTableCmd;
    // `ADD GENERATED … AS IDENTITY` (serial → identity) gives it a value again just as well.
    if (cmd?.subtype === 'AT_AddIdentity' || (cmd?.subtype === 'AT_ColumnDefault' && cmd.def !== undefined)) out.push([cmd.name, { index: statement.index, cmdIndex, table }]);
  });
  return out;
}

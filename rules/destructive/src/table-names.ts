// Whether a column was added earlier in the file: the fallback of `isNewColumn` in new-objects.ts
// for a table the migration model cannot answer for.

import { nameOfRangeVar, sameName, type AstNode, type Statement, type WrittenName } from '@migralint/core';

/** Did a statement before `before` in this file add `column` to `table` (ADD COLUMN, without IF NOT EXISTS)? */
export function columnAddedEarlierInFile(
  statements: readonly Statement[],
  before: Statement,
  table: WrittenName,
  column: string,
): boolean {
  return statements.some(
    (statement) =>
      statement.index < before.index &&
      statement.kind === 'AlterTableStmt' &&
      statement.node.objtype === 'OBJECT_TABLE' &&
      sameName(nameOfRangeVar(statement.node.relation ?? {}), table) &&
      (statement.node.cmds ?? []).some(
        (cmd: AstNode) =>
          cmd.AlterTableCmd?.subtype === 'AT_AddColumn' &&
          !cmd.AlterTableCmd.missing_ok &&
          cmd.AlterTableCmd.def?.ColumnDef?.colname === column,
      ),
  );
}


// Whether a column was added earlier in the file: the fallback of `isNewColumn` in new-objects.ts
// for a table the migration model cannot answer for. Indexed once per file, looked up per statement.

import { indexStatements, nameOfRangeVar, sameName, type AstNode, type Statement, type WrittenName } from '@migralint/core';

interface AddedColumn {
  table: WrittenName;
  statement: Statement;
}

/** Did a statement before `before` in this file add `column` to `table` (ADD COLUMN, without IF NOT EXISTS)? */
export function columnAddedEarlierInFile(statements: readonly Statement[], before: Statement, table: WrittenName, column: string): boolean {
  const added = indexStatements(statements, addedColumns).get(`${table.name}\0${column}`) ?? [];
  return added.some((a) => a.statement.index < before.index && sameName(a.table, table));
}

function addedColumns(statement: Statement): Array<[string, AddedColumn]> {
  if (statement.kind !== 'AlterTableStmt' || statement.node.objtype !== 'OBJECT_TABLE') return [];
  const table = nameOfRangeVar(statement.node.relation);
  return (statement.node.cmds ?? [])
    .map((cmd: AstNode) => cmd.AlterTableCmd)
    .filter((cmd: AstNode | undefined) => cmd?.subtype === 'AT_AddColumn' && !cmd.missing_ok && typeof cmd.def?.ColumnDef?.colname === 'string')
    .map((cmd: AstNode): [string, AddedColumn] => [`${table.name}\0${cmd.def.ColumnDef.colname}`, { table, statement }]);
}

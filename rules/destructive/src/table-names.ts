// Whether a column was added earlier in the file: the fallback of `isNewColumn` in new-objects.ts
// for a table the migration model cannot answer for, and a down re-adding what its up dropped.
// Indexed once per file, looked up per statement.

import { indexStatements, nameOfRangeVar, sameName, type AstNode, type Statement, type WrittenName } from '@migralint/core';

interface AddedColumn {
  table: WrittenName;
  statement: Statement;
  /** `ADD COLUMN IF NOT EXISTS`: it may have added nothing. */
  ifNotExists: boolean;
}

/** Did a statement before `before` in this file add `column` to `table` (ADD COLUMN, without IF NOT EXISTS)? */
export function columnAddedEarlierInFile(statements: readonly Statement[], before: Statement, table: WrittenName, column: string): boolean {
  return columnAdditions(statements, table, column).some((a) => a.statement.index < before.index && !a.ifNotExists);
}

/** The `ADD COLUMN`s of `column` to `table` in the file, in order. */
export function columnAdditions(statements: readonly Statement[], table: WrittenName, column: string): AddedColumn[] {
  return (indexStatements(statements, addedColumns).get(`${table.name}\0${column}`) ?? []).filter((a) => sameName(a.table, table));
}

function addedColumns(statement: Statement): Array<[string, AddedColumn]> {
  if (statement.kind !== 'AlterTableStmt' || statement.node.objtype !== 'OBJECT_TABLE') return [];
  const table = nameOfRangeVar(statement.node.relation);
  return (statement.node.cmds ?? [])
    .map((cmd: AstNode) => cmd.AlterTableCmd)
    .filter((cmd: AstNode | undefined) => cmd?.subtype === 'AT_AddColumn' && typeof cmd.def?.ColumnDef?.colname === 'string')
    .map((cmd: AstNode): [string, AddedColumn] => [`${table.name}\0${cmd.def.ColumnDef.colname}`, { table, statement, ifNotExists: cmd.missing_ok === true }]);
}

// Table identity for the destructive rules: which table a statement names, whether an
// `allowTables` pattern lets it through, and whether a column was added earlier in the file (the
// fallback of `isNewColumn` in new-objects.ts when there is no migration model). Names are compared
// as Postgres stores them: unquoted names folded to lowercase by the parser, quoted names exact,
// `public` when no schema is written.

import { indexStatements, type AstNode, type Statement } from '@migralint/core';

export interface TableRef {
  /** The schema as written, or undefined when unqualified. */
  schema: string | undefined;
  name: string;
}

export const DEFAULT_SCHEMA = 'public';

/** A `RangeVar` node (`relation` of ALTER TABLE, TRUNCATE, CREATE TABLE) as a table. */
export function tableFromRangeVar(rangeVar: AstNode): TableRef {
  return { schema: rangeVar.schemaname || undefined, name: String(rangeVar.relname ?? '') };
}

/** A `DROP` object (`{List: {items: [{String: {sval}}…]}}`) as a table; the last two parts count. */
export function tableFromNameList(object: AstNode): TableRef | undefined {
  const items: AstNode[] = object?.List?.items ?? [];
  const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1]! };
}

/** How a message names the table: as written, schema-qualified only when the SQL qualified it. */
export function displayTable(table: TableRef): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}

export function sameTable(a: TableRef, b: TableRef): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}

/** Did a statement before `before` in this file add `column` to `table` (ADD COLUMN, without IF NOT EXISTS)? */
export function columnAddedEarlierInFile(
  statements: readonly Statement[],
  before: Statement,
  table: TableRef,
  column: string,
): boolean {
  // Indexed once per file by column name: a lookup per call, not a pass over the file.
  return (indexStatements(statements, addedColumns).get(column) ?? []).some((added) => added.index < before.index && sameTable(added.table, table));
}

/** The columns an `ALTER TABLE … ADD COLUMN` (without IF NOT EXISTS) adds, keyed by column name. */
function addedColumns(statement: Statement): Array<[string, { index: number; table: TableRef }]> {
  if (statement.kind !== 'AlterTableStmt' || statement.node.objtype !== 'OBJECT_TABLE') return [];
  const table = tableFromRangeVar(statement.node.relation ?? {});
  return (statement.node.cmds ?? [])
    .map((cmd: AstNode) => cmd.AlterTableCmd)
    .filter((cmd: AstNode) => cmd?.subtype === 'AT_AddColumn' && !cmd.missing_ok && typeof cmd.def?.ColumnDef?.colname === 'string')
    .map((cmd: AstNode): [string, { index: number; table: TableRef }] => [cmd.def.ColumnDef.colname, { index: statement.index, table }]);
}

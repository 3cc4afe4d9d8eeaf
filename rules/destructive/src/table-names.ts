// Table identity for the destructive rules: which table a statement names, whether an
// `allowTables` pattern lets it through, and whether a column was added earlier in the file (the
// fallback of `isNewColumn` in new-objects.ts when there is no migration model). Names are compared
// as Postgres stores them: unquoted names folded to lowercase by the parser, quoted names exact,
// `public` when no schema is written.

import type { AstNode, Statement } from '@migralint/core';

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
  return statements.some(
    (statement) =>
      statement.index < before.index &&
      statement.kind === 'AlterTableStmt' &&
      statement.node.objtype === 'OBJECT_TABLE' &&
      sameTable(tableFromRangeVar(statement.node.relation ?? {}), table) &&
      (statement.node.cmds ?? []).some(
        (cmd: AstNode) =>
          cmd.AlterTableCmd?.subtype === 'AT_AddColumn' &&
          !cmd.AlterTableCmd.missing_ok &&
          cmd.AlterTableCmd.def?.ColumnDef?.colname === column,
      ),
  );
}


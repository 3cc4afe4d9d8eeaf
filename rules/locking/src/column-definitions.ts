// What a `ColumnDef` of `ADD COLUMN` says about the values existing rows get.

import type { AstNode } from '@migralint/core';

const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);

/** The column's constraints (`NOT NULL`, `DEFAULT`, `REFERENCES`, …), unwrapped. */
export function constraintsOf(column: AstNode): AstNode[] {
  return (column.constraints ?? []).map((c: AstNode) => c.Constraint).filter(Boolean);
}

/** `serial`, `bigserial`, … (a pseudo-type: an integer with a `nextval` default), or undefined. */
export function serialType(column: AstNode): string | undefined {
  const names: AstNode[] = column.typeName?.names ?? [];
  const name = names.length === 1 ? String(names[0]!.String?.sval) : undefined;
  return name !== undefined && SERIAL_TYPES.has(name) ? name : undefined;
}

/** `DEFAULT NULL` (possibly cast): stores nothing, fills nothing. */
export function isNullConstant(expr: AstNode): boolean {
  if (expr.A_Const) return expr.A_Const.isnull === true;
  if (expr.TypeCast) return isNullConstant(expr.TypeCast.arg ?? {});
  return false;
}

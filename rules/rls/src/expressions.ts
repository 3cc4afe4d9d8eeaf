// Readers of libpg-query expression trees (policy USING / WITH CHECK clauses): names, constants.

import type { AstNode } from '@migralint/core';

/** The `String` parts of a name list (`funcname`, `ColumnRef.fields`). */
export function nameParts(items: readonly AstNode[] | undefined): string[] {
  return (items ?? []).map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
}

/** The constant `true` (also `true::boolean`), or a comparison of two equal constants (`1 = 1`). */
export function isConstantTrue(expr: AstNode | undefined): boolean {
  if (!expr) return false;
  if (expr.A_Const) return expr.A_Const.boolval?.boolval === true;
  if (expr.TypeCast) {
    const names = nameParts(expr.TypeCast.typeName?.names);
    return ['bool', 'boolean'].includes(names.at(-1) ?? '') && expr.TypeCast.arg?.A_Const?.boolval?.boolval === true;
  }
  const op = expr.A_Expr;
  if (op?.kind === 'AEXPR_OP' && nameParts(op.name).join('.') === '=') {
    const left = constantValue(op.lexpr);
    return left !== undefined && left === constantValue(op.rexpr);
  }
  return false;
}

function constantValue(expr: AstNode | undefined): string | undefined {
  const c = expr?.A_Const;
  if (!c) return undefined;
  if (c.ival) return `i${c.ival.ival ?? 0}`;
  if (c.sval) return `s${c.sval.sval}`;
  if (c.fval) return `f${c.fval.fval}`;
  return undefined;
}

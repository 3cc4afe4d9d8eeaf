// Walks over libpg-query expression trees (policy USING / WITH CHECK clauses).

import type { AstNode } from '@migralint/core';

/**
 * Calls `fn(kind, fields, ancestors)` for every node under `node`, parents first. `kind` is the node
 * kind (`FuncCall`, `A_Const`, …); `ancestors` lists the enclosing nodes, outermost first.
 */
export function walk(node: unknown, fn: (kind: string, fields: AstNode, ancestors: readonly AstNode[]) => void, ancestors: AstNode[] = []): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, fn, ancestors);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (value === null || typeof value !== 'object') continue;
    if (/^[A-Z]/.test(key) && !Array.isArray(value)) {
      // A wrapped node: { Kind: { …fields } }.
      fn(key, value as AstNode, ancestors);
      ancestors.push({ [key]: value });
      walk(value, fn, ancestors);
      ancestors.pop();
    } else {
      walk(value, fn, ancestors);
    }
  }
}

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

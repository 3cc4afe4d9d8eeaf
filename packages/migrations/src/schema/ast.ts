// Small readers over libpg-query's JSON AST (`{ NodeKind: { …fields } }` wrappers).

import type { AstNode } from '@migralint/core';
import { stringList } from './names.js';

/** Calls `visit(kind, fields)` for every wrapped node under `node` (depth first, `node` included). */
export function visitNodes(node: unknown, visit: (kind: string, fields: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visitNodes(item, visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const key in node as AstNode) {
    const value = (node as AstNode)[key];
    if (!value || typeof value !== 'object') continue;
    // A wrapper key starts with an upper-case letter (`ColumnRef`, `A_Expr`); fields are lower case.
    const code = key.charCodeAt(0);
    if (code >= 65 && code <= 90 && !Array.isArray(value)) visit(key, value);
    visitNodes(value, visit);
  }
}

/** Column names an expression reads (`a`, `t.a` → `a`), distinct, in order. */
export function columnRefs(expr: unknown): string[] {
  const out: string[] = [];
  visitNodes(expr, (kind, fields) => {
    if (kind !== 'ColumnRef') return;
    const names = stringList(fields.fields);
    const last = names[names.length - 1];
    if (last !== undefined && names.length === (fields.fields?.length ?? 0) && !out.includes(last)) out.push(last);
  });
  return out;
}

/** Postgres' FigureColname for an index expression: `lower(a)` → `lower`; undefined → `expr`. */
export function figureColname(expr: AstNode | undefined): string | undefined {
  if (!expr || typeof expr !== 'object') return undefined;
  const [kind] = Object.keys(expr);
  const fields = kind ? expr[kind] : undefined;
  if (!kind || !fields) return undefined;
  switch (kind) {
    case 'ColumnRef': {
      const names = stringList(fields.fields);
      return names.length === (fields.fields?.length ?? 0) ? names[names.length - 1] : undefined;
    }
    case 'FuncCall': {
      const names = stringList(fields.funcname);
      return names[names.length - 1];
    }
    case 'TypeCast': {
      const inner = figureColname(fields.arg);
      if (inner) return inner;
      const names = stringList(fields.typeName?.names);
      return names[names.length - 1];
    }
    case 'A_Indirection': {
      const last = (fields.indirection ?? [])[fields.indirection?.length - 1];
      return last?.String?.sval ?? figureColname(fields.arg);
    }
    case 'CoalesceExpr':
      return 'coalesce';
    case 'CaseExpr':
      return 'case';
    case 'A_ArrayExpr':
      return 'array';
    case 'RowExpr':
      return 'row';
    case 'MinMaxExpr':
      return fields.op === 'IS_GREATEST' ? 'greatest' : 'least';
    case 'A_Expr':
      return fields.kind === 'AEXPR_NULLIF' ? 'nullif' : undefined;
    case 'CollateClause':
      return figureColname(fields.arg);
    default:
      return undefined;
  }
}

/** A DefElem's value as text (`security_invoker = true` → `true`; a bare option → `true`). */
export function defElemText(elem: AstNode | undefined): string {
  const arg = elem?.arg;
  if (arg === undefined) return 'true';
  if (arg.String) return String(arg.String.sval ?? '');
  if (arg.Boolean) return arg.Boolean.boolval ? 'true' : 'false';
  if (arg.Integer) return String(arg.Integer.ival ?? 0);
  if (arg.Float) return String(arg.Float.fval ?? '0');
  if (arg.TypeName) return stringList(arg.TypeName.names).join('.');
  if (arg.A_Const) {
    const c = arg.A_Const;
    if (c.sval) return String(c.sval.sval ?? '');
    if (c.boolval) return c.boolval.boolval ? 'true' : 'false';
    if (c.ival) return String(c.ival.ival ?? 0);
  }
  return '';
}

/** Postgres' boolean option spellings (`true`, `on`, `yes`, `1`, unambiguous prefixes). */
export function isTrueOption(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === 'true' || t === 'on' || t === '1' || t === 'yes' || t === 't' || t === 'y';
}

/** A rough text of an expression, for the rare case the source text cannot be cut out. */
export function expressionFallback(expr: AstNode | undefined): string {
  if (!expr) return '';
  const c = expr.A_Const;
  if (c) {
    if (c.isnull) return 'NULL';
    if (c.sval) return `'${String(c.sval.sval ?? '').replaceAll("'", "''")}'`;
    if (c.ival) return String(c.ival.ival ?? 0);
    if (c.fval) return String(c.fval.fval ?? '0');
    if (c.boolval) return c.boolval.boolval ? 'true' : 'false';
  }
  if (expr.FuncCall) return `${stringList(expr.FuncCall.funcname).join('.')}(…)`;
  if (expr.ColumnRef) return stringList(expr.ColumnRef.fields).join('.');
  return '…';
}

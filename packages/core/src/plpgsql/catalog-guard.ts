// Is an IF condition a catalog existence test, the idiom that makes DDL re-runnable?
//   IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN CREATE TYPE mood …
//   IF to_regclass('public.t') IS NULL THEN …
//   IF (SELECT count(*) FROM information_schema.columns WHERE …) = 0 THEN …
// The condition is parsed by the SQL parser (as `SELECT <condition>`) and read from its tree.

import type { AstNode } from '../types.js';
import { parseSql } from '../parser.js';
import type { CatalogGuard } from './types.js';

const CATALOG_SCHEMAS = new Set(['pg_catalog', 'information_schema']);
const LOOKUP_FUNCTIONS = new Set(['to_regclass', 'to_regtype', 'to_regproc', 'to_regprocedure', 'to_regnamespace', 'to_regrole', 'to_regoper', 'to_regcollation', 'to_regtypemod']);

export function catalogGuard(condition: string): CatalogGuard | undefined {
  const parsed = parseSql(`SELECT ${condition}`);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const select = parsed.stmts[0]!.stmt?.SelectStmt as AstNode | undefined;
  const target = select?.targetList?.[0]?.ResTarget?.val as AstNode | undefined;
  return target ? guardOf(target) : undefined;
}

export function negateGuard(guard: CatalogGuard | undefined): CatalogGuard | undefined {
  return guard && { catalogs: guard.catalogs, runsWhen: guard.runsWhen === 'absent' ? 'present' : 'absent' };
}

function guardOf(expr: AstNode): CatalogGuard | undefined {
  if (expr.BoolExpr) {
    const args = (expr.BoolExpr.args ?? []) as AstNode[];
    if (expr.BoolExpr.boolop === 'NOT_EXPR') return negateGuard(args[0] && guardOf(args[0]));
    // `a AND b` where both test the catalog the same way: runs when both say so.
    if (expr.BoolExpr.boolop === 'AND_EXPR') {
      const guards = args.map(guardOf);
      if (guards.some((g) => !g) || new Set(guards.map((g) => g!.runsWhen)).size !== 1) return undefined;
      return { catalogs: [...new Set(guards.flatMap((g) => g!.catalogs))], runsWhen: guards[0]!.runsWhen };
    }
    return undefined;
  }
  if (expr.SubLink?.subLinkType === 'EXISTS_SUBLINK') {
    const catalogs = catalogsIn(expr.SubLink.subselect);
    return catalogs.length > 0 ? { catalogs, runsWhen: 'present' } : undefined;
  }
  if (expr.NullTest) {
    const call = expr.NullTest.arg?.FuncCall as AstNode | undefined;
    const name = call && lastName(call.funcname);
    if (!name || !LOOKUP_FUNCTIONS.has(name)) return undefined;
    return { catalogs: [name], runsWhen: expr.NullTest.nulltesttype === 'IS_NULL' ? 'absent' : 'present' };
  }
  if (expr.A_Expr?.kind === 'AEXPR_OP') return countComparison(expr.A_Expr);
  return undefined;
}

/** `(SELECT count(*) FROM pg_… ) = 0` (absent) or `> 0` / `<> 0` (present). */
function countComparison(aexpr: AstNode): CatalogGuard | undefined {
  const op = lastName(aexpr.name);
  const sub = aexpr.lexpr?.SubLink as AstNode | undefined;
  const constant = aexpr.rexpr?.A_Const as AstNode | undefined;
  if (!sub || sub.subLinkType !== 'EXPR_SUBLINK' || !constant || constant.isnull) return undefined;
  if ((constant.ival?.ival ?? 0) !== 0 || constant.sval || constant.fval) return undefined;
  const catalogs = catalogsIn(sub.subselect);
  if (catalogs.length === 0) return undefined;
  if (op === '=') return { catalogs, runsWhen: 'absent' };
  if (op === '>' || op === '<>' || op === '!=') return { catalogs, runsWhen: 'present' };
  return undefined;
}

/** Catalog relations read by a subquery's FROM clauses (joins included), as written. */
function catalogsIn(select: AstNode | undefined): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === 'object') {
      const record = node as AstNode;
      if (record.RangeVar) {
        const { schemaname, relname } = record.RangeVar as { schemaname?: string; relname: string };
        if ((schemaname && CATALOG_SCHEMAS.has(schemaname)) || (!schemaname && relname.startsWith('pg_'))) {
          out.add(schemaname ? `${schemaname}.${relname}` : relname);
        }
        return;
      }
      for (const key in record) visit(record[key]);
    }
  };
  visit(select);
  return [...out];
}

function lastName(names: unknown): string | undefined {
  const list = (names ?? []) as AstNode[];
  return list[list.length - 1]?.String?.sval;
}

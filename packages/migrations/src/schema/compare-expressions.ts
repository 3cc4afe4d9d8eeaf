// Two expression texts (a default, a CHECK, a policy's USING) compared as Postgres reads them: each
// is parsed by libpg-query and printed back by pgsql-deparser (built for libpg-query 18's AST), so
// `NOW()` and `now()`, `(a > 0)` and `a > 0`, `interval '1 day'` and `'1 day'::interval` are one
// expression, while `'Foo'` and `'foo'` are two. Parentheses that only group an AND inside an AND (or
// an OR inside an OR) are dropped first, as Postgres' own planner flattens them, so pg_dump's fully
// parenthesised `((a) AND ((b) AND (c)))` equals the `a AND b AND c` it was written as. Done only for
// texts actually compared, once per text.

import { parseSql } from '@migralint/core';

type Deparse = typeof import('pgsql-deparser').deparseSync;
let loading: Promise<void> | undefined;
let deparseSync: Deparse | undefined;

/**
 * Loads the deparser (the model provider's `load`: `lint()` awaits it with the parser). Imported on first use, not at start-up:
 * 190 KB of code that a run answered from the result cache, `--version` or `init` never needs.
 */
export function loadDeparser(): Promise<void> {
  loading ??= import('pgsql-deparser').then((module) => {
    // pgsql-deparser is CommonJS: bundled (the CLI, the standalone file) its exports arrive as `default`.
    const exports = module as { deparseSync?: Deparse; default?: { deparseSync?: Deparse } };
    deparseSync = exports.deparseSync ?? exports.default?.deparseSync;
    if (!deparseSync) throw new Error('migralint: pgsql-deparser has no deparseSync export (a broken install?)');
  });
  return loading;
}

/** Canonical text by source text: a history repeats the same defaults; bounded for long-lived hosts. */
const canonical = new Map<string, string>();
const MAX_CACHED = 10_000;

/** The expression as the deparser prints it; a text that is not one expression (`fn(…)`, a placeholder) as written, spacing collapsed. */
export function canonicalExpression(text: string): string {
  let out = canonical.get(text);
  if (out === undefined) {
    out = deparsed(text) ?? text.replace(/\s+/g, ' ').trim();
    if (canonical.size >= MAX_CACHED) canonical.clear();
    canonical.set(text, out);
  }
  return out;
}

function deparsed(text: string): string | undefined {
  if (!deparseSync) throw new Error('migralint: the expression deparser is not loaded; await loadDeparser() (from @migralint/migrations) first');
  const parsed = parseSql(`SELECT ${text}`);
  if (!parsed.ok || parsed.stmts.length !== 1) return undefined;
  const targets = (parsed.stmts[0]!.stmt?.SelectStmt as { targetList?: Array<{ ResTarget?: { name?: string; val?: unknown } }> } | undefined)?.targetList;
  // One unnamed target, or the text was more than one expression (`a, b`, `x AS y`).
  if (targets?.length !== 1 || !targets[0]!.ResTarget?.val || targets[0]!.ResTarget.name !== undefined) return undefined;
  try {
    return deparseSync(flattenBoolean(targets[0]!.ResTarget.val) as never);
  } catch {
    return undefined;
  }
}

/** The tree with `x AND (y AND z)` as one `AND` of three (the same for OR); NOT is left alone. */
function flattenBoolean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(flattenBoolean);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = flattenBoolean(value);
  const bool = out.BoolExpr as { boolop?: string; args?: unknown[] } | undefined;
  if (bool && bool.boolop !== 'NOT_EXPR' && bool.args) {
    const args = bool.args.flatMap((arg) => {
      const inner = (arg as { BoolExpr?: { boolop?: string; args?: unknown[] } }).BoolExpr;
      return inner !== undefined && inner.boolop === bool.boolop && inner.args ? inner.args : [arg];
    });
    out.BoolExpr = { ...bool, args };
  }
  return out;
}

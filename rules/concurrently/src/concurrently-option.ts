// `REINDEX (CONCURRENTLY) …` and `REINDEX TABLE CONCURRENTLY …` both arrive as a `concurrently`
// DefElem in `ReindexStmt.params`; `(CONCURRENTLY false)` turns it off again.

import type { AstNode } from '@migralint/core';

/** The `concurrently` option of a ReindexStmt, when written. */
export function concurrentlyOption(node: AstNode): AstNode | undefined {
  const params: AstNode[] = node.params ?? [];
  return params.map((p) => p?.DefElem).find((d) => d?.defname === 'concurrently');
}

/** Is a boolean utility option on? No value means on; `false`, `off`, `0` mean off (Postgres' defGetBoolean). */
export function isOn(defElem: AstNode | undefined): boolean {
  if (!defElem) return false;
  const arg = defElem.arg;
  if (arg === undefined) return true;
  if (arg.String) return !['false', 'off', '0'].includes(String(arg.String.sval).toLowerCase());
  if (arg.Integer) return (arg.Integer.ival ?? 0) !== 0;
  if (arg.Boolean) return arg.Boolean.boolval === true;
  return true;
}

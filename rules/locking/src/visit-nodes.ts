// One walk over an AST subtree, for rules that look for a node kind anywhere in a statement
// (a function call in a default, a string literal, a `set_config` call).

import type { AstNode } from '@migralint/core';

/** Calls `fn` on every AST node under `node` (depth first, parents before children). */
export function visit(node: unknown, fn: (node: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  fn(node as AstNode);
  for (const value of Object.values(node)) if (value !== null && typeof value === 'object') visit(value, fn);
}

// The one walk over libpg-query's AST: the engine's nested visitors use it, and a rule that looks
// for a node type inside one expression (a policy's USING clause, a column default) calls
// `walkAst` rather than writing a walker of its own.

import type { AstAncestor } from '../ast-nodes.js';

export type NodeVisit = (type: string, node: Record<string, any>, ancestors: readonly AstAncestor[]) => void;

/**
 * Every wrapped node (`{ FuncCall: {...} }`) in `root` — `root` itself when it is one — in tree
 * order, parents first, with its ancestors inside `root` (unwrapped, outermost first). The
 * `ancestors` array is reused: copy it to keep it.
 */
export function walkAst(root: unknown, visit: NodeVisit): void {
  walkValue(root, [], visit);
}

/**
 * Every wrapped node below `value` (not `value` itself), in tree order, with its ancestors
 * (unwrapped, outermost first). libpg-query wraps each node in an object whose one key is its type.
 */
export function walkNodes(value: unknown, ancestors: AstAncestor[], visit: NodeVisit): void {
  for (const key in value as Record<string, unknown>) walkValue((value as Record<string, unknown>)[key], ancestors, visit);
}

function walkValue(value: unknown, ancestors: AstAncestor[], visit: NodeVisit): void {
  if (Array.isArray(value)) {
    for (const item of value) walkValue(item, ancestors, visit);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  // The one key of a wrapped node, found without allocating a key array (this runs for every
  // object of every statement's tree).
  let type: string | undefined;
  let keys = 0;
  for (const key in value as Record<string, unknown>) {
    if (keys++ > 0) {
      type = undefined;
      break;
    }
    type = key;
  }
  const inner = type !== undefined ? (value as Record<string, unknown>)[type] : undefined;
  if (type !== undefined && isUpperAscii(type.charCodeAt(0)) && inner !== null && typeof inner === 'object' && !Array.isArray(inner)) {
    const node = inner as Record<string, any>;
    visit(type, node, ancestors);
    ancestors.push({ type, node });
    walkNodes(node, ancestors, visit);
    ancestors.pop();
    return;
  }
  walkNodes(value, ancestors, visit);
}

const isUpperAscii = (code: number) => code >= 65 && code <= 90;

// Per-file (or per-part) indexes for rules: what each statement of a list contributes, grouped by
// key, computed in one pass the first time a rule asks and kept while the list lives. A rule that
// looks back or ahead per statement then does a lookup, not a scan: linear in the file's size.

import type { Statement } from './types.js';

const caches = new WeakMap<object, WeakMap<readonly Statement[], Map<string, unknown[]>>>();

/**
 * `entries(statement)` for every statement of `statements`, grouped by key, in statement order.
 * Cached per `entries` function and per list, so pass a module-level function, not a closure.
 */
export function indexStatements<T>(statements: readonly Statement[], entries: (statement: Statement) => Iterable<readonly [key: string, value: T]>): ReadonlyMap<string, readonly T[]> {
  let byList = caches.get(entries);
  if (!byList) caches.set(entries, (byList = new WeakMap()));
  let index = byList.get(statements) as Map<string, T[]> | undefined;
  if (index) return index;
  index = new Map();
  for (const statement of statements) {
    for (const [key, value] of entries(statement)) {
      const list = index.get(key);
      if (list) list.push(value);
      else index.set(key, [value]);
    }
  }
  byList.set(statements, index as Map<string, unknown[]>);
  return index;
}

/** Index of the last statement starting at or before `offset`, or -1: a binary search (statements in file order). */
export function lastStartingAtOrBefore(statements: readonly Statement[], offset: number): number {
  let lo = -1;
  let hi = statements.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (statements[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// A keyword a fix inserts, spelled like the SQL around it.

import type { SqlToken } from '@migralint/core';

/**
 * A keyword to insert, spelled in the case of the keyword next to it: `concurrently` after
 * `index`, `CONCURRENTLY` after `INDEX` (and after `Index`), so a fix reads like the author wrote it.
 */
export function inCaseOf(neighbour: SqlToken, keywords: string): string {
  const text = neighbour.text;
  return text === text.toLowerCase() && text !== text.toUpperCase() ? keywords.toLowerCase() : keywords.toUpperCase();
}

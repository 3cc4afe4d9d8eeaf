// Where things are in the text. libpg-query gives no `location` for the keywords these rules
// talk about (`INDEX`, `CONCURRENTLY`, `DETACH`) nor for the names of `DROP INDEX a, b`, so the
// rules read them from the statement's tokens — the ones Postgres' own scanner produced
// (`context.tokensOf`), never a lexer or a regular expression of our own. Offsets are UTF-16
// offsets into the file text, like every offset a rule reports.

import type { Range, SqlToken } from '@migralint/core';
import { isKeyword, isName, isPunctuation, readNameList, readQualifiedName, type ScannedName } from '@migralint/core';
// Shared readers, re-exported so this pack's modules keep one import.
export { isKeyword, isName, isPunctuation, readNameList, readQualifiedName, type ScannedName } from '@migralint/core';

/** Index of the first token at or after `from` that is the keyword `word`; -1 when there is none. */
export function findKeyword(tokens: readonly SqlToken[], word: string, from = 0): number {
  for (let i = from; i < tokens.length; i++) if (isKeyword(tokens[i], word)) return i;
  return -1;
}

/** The index after a parenthesised group starting at `tokens[i]` (`(` … `)`), or `i` when there is none. */
export function skipParentheses(tokens: readonly SqlToken[], i: number): number {
  if (!isPunctuation(tokens[i], '(')) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (isPunctuation(tokens[j], '(')) depth++;
    else if (isPunctuation(tokens[j], ')') && --depth === 0) return j + 1;
  }
  return tokens.length;
}

/**
 * A keyword to insert, spelled in the case of the keyword next to it: `concurrently` after
 * `index`, `CONCURRENTLY` after `INDEX` (and after `Index`), so a fix reads like the author wrote it.
 */
export function inCaseOf(neighbour: SqlToken, keywords: string): string {
  const text = neighbour.text;
  return text === text.toLowerCase() && text !== text.toUpperCase() ? keywords.toLowerCase() : keywords.toUpperCase();
}

/** The range from the start of `first` to the end of `last`. */
export function spanOf(first: SqlToken, last: SqlToken | Range): Range {
  return { start: first.start, end: last.end };
}

// Where things are in the text. libpg-query gives no `location` for the keywords these rules
// talk about (`INDEX`, `CONCURRENTLY`, `DETACH`) nor for the names of `DROP INDEX a, b`, so the
// rules read them from the statement's tokens — the ones Postgres' own scanner produced
// (`context.tokensOf`), never a lexer or a regular expression of our own. Offsets are UTF-16
// offsets into the file text, like every offset a rule reports.

import type { Range, SqlToken } from '@migralint/core';

/** Is `token` the keyword `word` (lower case)? */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'keyword' && token.value === word;
}

/** Can `token` be a name? Identifiers, and keywords Postgres allows as names (`name`, `type`, …). */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'identifier' || (token.kind === 'keyword' && token.keyword !== 'reserved'));
}

export function isPunctuation(token: SqlToken | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punctuation' && token.text === text;
}

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

/** One name of a list like `DROP INDEX a, s."B"`: its parts and its whole range in the file. */
export interface ScannedName {
  parts: string[];
  range: Range;
}

/** Read `a`, `s.a`, `"S"."a b"` at `tokens[i]`; returns the name and the index after it. */
export function readQualifiedName(tokens: readonly SqlToken[], i: number): { name: ScannedName; next: number } | undefined {
  const first = tokens[i];
  if (!isName(first)) return undefined;
  const parts = [first.value];
  let last = first;
  let j = i + 1;
  while (isPunctuation(tokens[j], '.') && isName(tokens[j + 1])) {
    last = tokens[j + 1]!;
    parts.push(last.value);
    j += 2;
  }
  return { name: { parts, range: { start: first.start, end: last.end } }, next: j };
}

/** The names of `a, b, …` starting at `tokens[i]` (after an optional `IF EXISTS`); undefined when not shaped that way. */
export function readNameList(tokens: readonly SqlToken[], i: number): ScannedName[] | undefined {
  if (isKeyword(tokens[i], 'if') && isKeyword(tokens[i + 1], 'exists')) i += 2;
  const names: ScannedName[] = [];
  for (;;) {
    const read = readQualifiedName(tokens, i);
    if (!read) return undefined;
    names.push(read.name);
    i = read.next;
    if (isPunctuation(tokens[i], ',')) i++;
    else return names;
  }
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

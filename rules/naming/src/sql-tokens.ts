// Where names are in the text. Most names a statement defines carry no `location` in the AST (an
// index name, a function name, the new name of a RENAME), so the rules read them from the tokens
// of Postgres' own scanner (`context.tokensOf`), never from a lexer of our own. Offsets are UTF-16
// offsets into the file text, like every offset a rule reports.

import type { Range, SqlToken } from '@migralint/core';
import { isKeyword, isName, isPunctuation, splitTopLevel } from '@migralint/core';
// Shared readers, re-exported so this pack's modules keep one import.
export { isKeyword, isName, isPunctuation, splitTopLevel } from '@migralint/core';

export type { SqlToken };

/** The token that starts exactly at `start`. */
export function tokenAt(tokens: readonly SqlToken[], start: number): number {
  return tokens.findIndex((t) => t.start === start);
}

/** The last name token inside `range` (the `name` of `schema.name`), or undefined. */
export function lastNameIn(tokens: readonly SqlToken[], range: Range): SqlToken | undefined {
  let found: SqlToken | undefined;
  for (const token of tokens) {
    if (token.start >= range.start && token.end <= range.end && isName(token)) found = token;
  }
  return found;
}

/** Read `a`, `s.a`, `"S"."a b"` at `tokens[i]`: its name tokens and the index after it. */
export function readQualifiedName(tokens: readonly SqlToken[], i: number): { parts: SqlToken[]; next: number } | undefined {
  const first = tokens[i];
  if (!isName(first)) return undefined;
  const parts = [first];
  let j = i + 1;
  while (isPunctuation(tokens[j], '.') && isName(tokens[j + 1])) {
    parts.push(tokens[j + 1]!);
    j += 2;
  }
  return { parts, next: j };
}

/** Index of the first keyword `word` at parenthesis depth 0, from `from`; -1 when absent. */
export function findTopLevelKeyword(tokens: readonly SqlToken[], word: string, from = 0): number {
  let depth = 0;
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (isPunctuation(token, '(') || isPunctuation(token, '[')) depth++;
    else if (isPunctuation(token, ')') || isPunctuation(token, ']')) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isKeyword(token, word)) return i;
  }
  return -1;
}

/** Skip `IF NOT EXISTS` / `IF EXISTS` at `tokens[i]`. */
export function skipIfExists(tokens: readonly SqlToken[], i: number): number {
  if (!isKeyword(tokens[i], 'if')) return i;
  if (isKeyword(tokens[i + 1], 'not') && isKeyword(tokens[i + 2], 'exists')) return i + 3;
  if (isKeyword(tokens[i + 1], 'exists')) return i + 2;
  return i;
}

/** Index just after the balanced `( … )` that starts at `tokens[i]`, or `i` when there is none. */
export function skipParenthesized(tokens: readonly SqlToken[], i: number): number {
  if (!isPunctuation(tokens[i], '(')) return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (isPunctuation(tokens[j], '(')) depth++;
    else if (isPunctuation(tokens[j], ')') && --depth === 0) return j + 1;
  }
  return tokens.length;
}

export function rangeOfTokens(first: SqlToken, last: SqlToken = first): Range {
  return { start: first.start, end: last.end };
}

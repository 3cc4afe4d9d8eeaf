// Where names are in a statement's text. libpg-query gives no location for the names of
// `DROP TABLE a, b` or the column of `DROP COLUMN c`, so they are read from the statement's
// tokens — Postgres' own scanner's (`tokensOf`), never a lexer of ours.

import type { Range, SqlToken } from '@migralint/core';

const isName = (t: SqlToken | undefined): t is SqlToken => t !== undefined && (t.kind === 'identifier' || (t.kind === 'keyword' && t.keyword !== 'reserved'));
const isKeyword = (t: SqlToken | undefined, word: string) => t !== undefined && t.kind === 'keyword' && t.value === word;
const isDot = (t: SqlToken | undefined) => t !== undefined && t.kind === 'punctuation' && t.text === '.';

export interface FoundName {
  range: Range;
  /** Index of the token after the name. */
  next: number;
}

/** The first `a`, `s.a` (the written `parts`, folded) at or after token `from`. */
export function findName(tokens: readonly SqlToken[], parts: readonly string[], from = 0): FoundName | undefined {
  for (let i = from; i < tokens.length; i++) {
    let j = i;
    let ok = true;
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) {
        if (!isDot(tokens[j])) ok = false;
        j++;
      }
      if (!ok || !isName(tokens[j]) || tokens[j]!.value !== parts[p]) {
        ok = false;
        break;
      }
      j++;
    }
    // A name that is the tail of a longer qualified name (`x.a` when looking for `a`) is not it.
    if (ok && !isDot(tokens[i - 1]) && !isDot(tokens[j])) return { range: { start: tokens[i]!.start, end: tokens[j - 1]!.end }, next: j };
  }
  return undefined;
}

/**
 * The column of `<lead> [COLUMN] [IF EXISTS] <column>` (lead: `drop`, `alter`) at or after token
 * `from`: `DROP COLUMN IF EXISTS c`, `ALTER c TYPE …`.
 */
export function findColumnCommand(tokens: readonly SqlToken[], lead: 'drop' | 'alter', column: string, from = 0): FoundName | undefined {
  for (let i = from; i < tokens.length; i++) {
    if (!isKeyword(tokens[i], lead)) continue;
    let j = i + 1;
    if (isKeyword(tokens[j], 'column')) j++;
    if (isKeyword(tokens[j], 'if') && isKeyword(tokens[j + 1], 'exists')) j += 2;
    const t = tokens[j];
    if (isName(t) && t.value === column) return { range: { start: t.start, end: t.end }, next: j + 1 };
  }
  return undefined;
}

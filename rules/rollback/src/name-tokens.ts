// Where a column subcommand's column is in a statement's text. libpg-query gives no location for
// the column of `DROP COLUMN c`, so it is read from the statement's tokens — Postgres' own
// scanner's (`tokensOf`), never a lexer of ours.

import { isKeyword, isName, tokenRange, type Range, type SqlToken } from '@migralint/core';

/**
 * The column of `<lead> [COLUMN] [IF EXISTS] <column>` (lead: `drop`, `alter`) at or after token
 * `from`: `DROP COLUMN IF EXISTS c`, `ALTER c TYPE …`; with the index of the token after it.
 */
export function findColumnCommand(tokens: readonly SqlToken[], lead: 'drop' | 'alter', column: string, from = 0): { range: Range; next: number } | undefined {
  for (let i = from; i < tokens.length; i++) {
    if (!isKeyword(tokens[i], lead)) continue;
    let j = i + 1;
    if (isKeyword(tokens[j], 'column')) j++;
    if (isKeyword(tokens[j], 'if') && isKeyword(tokens[j + 1], 'exists')) j += 2;
    const t = tokens[j];
    if (isName(t) && t.value === column) return { range: tokenRange(t), next: j + 1 };
  }
  return undefined;
}

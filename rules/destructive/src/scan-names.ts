// Where names are in the text. libpg-query gives no `location` for the names in `DROP TABLE a, b`
// or for the column of `DROP COLUMN c`, so the rules read them from the statement's tokens — the
// ones Postgres' own scanner produced (`context.tokensOf`), never a lexer of our own. Offsets are
// UTF-16 offsets into the file text, like every offset a rule reports.

import type { Range, SqlToken } from '@migralint/core';
import { isKeyword, isName, isPunctuation, readNameList, readQualifiedName, splitTopLevel, type ScannedName } from '@migralint/core';
// Shared readers, re-exported so this pack's modules keep one import.
export { isKeyword, isName, readNameList, readQualifiedName, splitTopLevel, type ScannedName } from '@migralint/core';

export type { SqlToken };

/** Tokens that start at or after `from` (e.g. the relation of an ALTER TABLE). */
export function tokensFrom(tokens: readonly SqlToken[], from: number): SqlToken[] {
  return tokens.filter((t) => t.start >= from);
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

/**
 * The names of `DROP <keywords> [CONCURRENTLY] [IF EXISTS] a, b, …` with their ranges, when the
 * statement's tokens start with `drop` and `keywords` (e.g. `['materialized', 'view']`). With
 * `withArgs`, a `(…)` argument list after each name is skipped (`DROP FUNCTION f(int), g`).
 */
export function readDropNames(tokens: readonly SqlToken[], keywords: readonly string[], withArgs = false): ScannedName[] | undefined {
  if (!isKeyword(tokens[0], 'drop')) return undefined;
  let i = 1;
  for (const word of keywords) {
    if (!isKeyword(tokens[i], word)) return undefined;
    i++;
  }
  if (isKeyword(tokens[i], 'concurrently')) i++;
  if (isKeyword(tokens[i], 'if') && isKeyword(tokens[i + 1], 'exists')) i += 2;
  const names: ScannedName[] = [];
  for (;;) {
    const read = readQualifiedName(tokens, i);
    if (!read) return undefined;
    names.push(read.name);
    i = withArgs ? skipParenthesized(tokens, read.next) : read.next;
    if (isPunctuation(tokens[i], ',')) i++;
    else return names;
  }
}

/** The range of the first name token after `from` whose folded value is `name` (a column or constraint named in a subcommand). */
export function findName(tokens: readonly SqlToken[], name: string, from = 0): Range | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (isName(token) && token.value === name) return { start: token.start, end: token.end };
  }
  return undefined;
}

/**
 * The tokens of each subcommand of `ALTER TABLE [IF EXISTS] [ONLY] name [*] a, b, …`, one list per
 * entry of `AlterTableStmt.cmds`; `relationStart` is where the table's name starts (its RangeVar
 * has a location, the subcommands have none). Undefined when the text is not shaped so.
 */
export function alterTableSubcommands(tokens: readonly SqlToken[], relationStart: number): SqlToken[][] | undefined {
  const rest = tokensFrom(tokens, relationStart);
  const relation = readQualifiedName(rest, 0);
  if (!relation) return undefined;
  let next = relation.next;
  if (rest[next]?.value === '*') next++;
  return splitTopLevel(rest.slice(next));
}

// Small readers over `context.tokensOf()` (Postgres' own scanner), for rules that need the place of
// something the AST gives no location for: the names of `DROP TABLE a, b`, the subcommands of an
// ALTER TABLE. Shared by every pack, and there for organisation packs too — never a lexer or a
// regular expression over SQL text.

import type { Range, SqlToken } from './types.js';

/** One name of a list like `DROP TABLE a, s."B"`: its parts (folded as Postgres folds) and its range. */
export interface ScannedName {
  parts: string[];
  range: Range;
}

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

/** The names of `DROP <object> [IF EXISTS] a, b, …` from `tokens[i]`; undefined when not shaped so. */
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
 * Split at commas outside parentheses and brackets (`numeric(10, 2)`, `ARRAY[1, 2]`): the
 * subcommands of `ALTER TABLE t a, b, c` line up one to one with `AlterTableStmt.cmds`.
 */
export function splitTopLevel(tokens: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (isPunctuation(token, '(') || isPunctuation(token, '[')) depth++;
    if (isPunctuation(token, ')') || isPunctuation(token, ']')) depth = Math.max(0, depth - 1);
    if (isPunctuation(token, ',') && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

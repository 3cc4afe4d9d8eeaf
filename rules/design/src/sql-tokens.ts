// Small readers over the statement tokens `context.tokensOf()` gives (Postgres' own scanner), for
// the places the AST has no location: index names, the names after DROP, subcommands of ALTER TABLE.

import type { SqlToken } from '@migralint/core';

export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'keyword' && token.value === word;
}

/** Identifiers, and keywords Postgres accepts as names. */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'identifier' || (token.kind === 'keyword' && token.keyword !== 'reserved'));
}

export function isPunctuation(token: SqlToken | undefined, text: string): boolean {
  return token !== undefined && token.kind === 'punctuation' && token.text === text;
}

/** Index of the first token at or after `i` that is the keyword sequence `words`, just after it; -1 when absent. */
export function afterKeywords(tokens: readonly SqlToken[], i: number, words: readonly string[]): number {
  for (let j = i; j < tokens.length; j++) {
    if (words.every((w, k) => isKeyword(tokens[j + k], w))) return j + words.length;
  }
  return -1;
}

/**
 * Split at commas outside parentheses: the subcommands of `ALTER TABLE t a, b` line up with
 * `AlterTableStmt.cmds` once the tokens before the first subcommand are cut off.
 */
export function splitTopLevel(tokens: readonly SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (isPunctuation(token, '(')) depth++;
    if (isPunctuation(token, ')')) depth = Math.max(0, depth - 1);
    if (isPunctuation(token, ',') && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

/** The subcommands of `ALTER TABLE [IF EXISTS] [ONLY] name [*] …`, given where the name starts. */
export function alterTableSubcommands(tokens: readonly SqlToken[], relationStart: number): SqlToken[][] | undefined {
  const rest = tokens.filter((t) => t.start >= relationStart);
  let i = 0;
  if (!isName(rest[i])) return undefined;
  i++;
  while (isPunctuation(rest[i], '.') && isName(rest[i + 1])) i += 2;
  if (rest[i]?.value === '*') i++;
  return splitTopLevel(rest.slice(i));
}

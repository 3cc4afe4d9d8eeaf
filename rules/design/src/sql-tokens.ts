// Small readers over the statement tokens `context.tokensOf()` gives (Postgres' own scanner), for
// the places the AST has no location: index names, the names after DROP, subcommands of ALTER TABLE.

import type { SqlToken } from '@migralint/core';
import { isKeyword, isName, isPunctuation, splitTopLevel } from '@migralint/core';
// Shared readers, re-exported so this pack's modules keep one import.
export { isKeyword, isName, isPunctuation, splitTopLevel } from '@migralint/core';

/** Index of the first token at or after `i` that is the keyword sequence `words`, just after it; -1 when absent. */
export function afterKeywords(tokens: readonly SqlToken[], i: number, words: readonly string[]): number {
  for (let j = i; j < tokens.length; j++) {
    if (words.every((w, k) => isKeyword(tokens[j + k], w))) return j + words.length;
  }
  return -1;
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

// Places the AST gives no location for (`ENABLE ROW LEVEL SECURITY`, a policy's name, the end of a
// function call), found in the tokens of Postgres' own scanner — never by a regular expression over
// SQL text.

import type { Range, SqlToken } from '@migralint/core';

export function isWord(token: SqlToken | undefined, value: string): boolean {
  return token !== undefined && (token.kind === 'keyword' || token.kind === 'identifier') && token.value === value;
}

/** Every run of consecutive tokens spelling `words` (folded values), in order, as ranges. */
export function wordRuns(tokens: readonly SqlToken[], words: readonly string[]): Range[] {
  const runs: Range[] = [];
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => isWord(tokens[i + k], w))) {
      runs.push({ start: tokens[i]!.start, end: tokens[i + words.length - 1]!.end });
      i += words.length - 1;
    }
  }
  return runs;
}

/** The range of the name after `CREATE POLICY` / `ALTER POLICY` (the policy's name), if there. */
export function policyNameRange(tokens: readonly SqlToken[]): Range | undefined {
  const name = isWord(tokens[1], 'policy') ? tokens[2] : undefined;
  return name ? { start: name.start, end: name.end } : undefined;
}

/**
 * A function call starting at UTF-16 offset `start` (`auth.uid()`, `pg_catalog.now()`): from its
 * first name token through the parenthesis closing its argument list.
 */
export function callRange(tokens: readonly SqlToken[], start: number): Range | undefined {
  let i = tokens.findIndex((t) => t.start === start);
  if (i === -1) return undefined;
  // The qualified name: name (. name)*
  while (tokens[i + 1]?.text === '.' && tokens[i + 2]) i += 2;
  if (tokens[i + 1]?.text !== '(') return undefined;
  let depth = 0;
  for (let k = i + 1; k < tokens.length; k++) {
    const text = tokens[k]!.text;
    if (text === '(' || text === '[') depth++;
    else if (text === ')' || text === ']') {
      depth--;
      if (depth === 0) return { start, end: tokens[k]!.end };
    }
  }
  return undefined;
}

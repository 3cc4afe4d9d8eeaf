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

/** Read `a`, `s.a`, `"S"."a b"` at `tokens[i]`; returns the name, its name tokens and the index after it. */
export function readQualifiedName(tokens: readonly SqlToken[], i: number): { name: ScannedName; tokens: SqlToken[]; next: number } | undefined {
  const first = tokens[i];
  if (!isName(first)) return undefined;
  const parts = [first.value];
  const nameTokens = [first];
  let last = first;
  let j = i + 1;
  while (isPunctuation(tokens[j], '.') && isName(tokens[j + 1])) {
    last = tokens[j + 1]!;
    parts.push(last.value);
    nameTokens.push(last);
    j += 2;
  }
  return { name: { parts, range: { start: first.start, end: last.end } }, tokens: nameTokens, next: j };
}

/**
 * The names of `DROP <object> [IF EXISTS] a, b, …` from `tokens[i]`; undefined when not shaped so.
 * With `withArgs`, a `(…)` argument list after each name is skipped (`DROP FUNCTION f(int), g`).
 */
export function readNameList(tokens: readonly SqlToken[], i: number, withArgs = false): ScannedName[] | undefined {
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

/** The range from the start of `first` to the end of `last` (default: `first` alone). */
export function tokenRange(first: SqlToken, last: SqlToken | Range = first): Range {
  return { start: first.start, end: last.end };
}

/** Index of the first token at or after `from` that is the keyword `word`; -1 when there is none. */
export function findKeyword(tokens: readonly SqlToken[], word: string, from = 0): number {
  for (let i = from; i < tokens.length; i++) if (isKeyword(tokens[i], word)) return i;
  return -1;
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

/** Index just after the first run of the keywords `words` at or after `i`; -1 when absent. */
export function afterKeywords(tokens: readonly SqlToken[], i: number, words: readonly string[]): number {
  for (let j = i; j < tokens.length; j++) {
    if (words.every((w, k) => isKeyword(tokens[j + k], w))) return j + words.length;
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

/** The range of the first name token at or after `from` whose folded value is `name`. */
export function findName(tokens: readonly SqlToken[], name: string, from = 0): Range | undefined {
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (isName(token) && token.value === name) return tokenRange(token);
  }
  return undefined;
}

/**
 * The first place `a` or `s.a` (the folded `parts`) is written at or after token `from`, not as the
 * tail or head of a longer qualified name; with the index of the token after it.
 */
export function findQualifiedName(tokens: readonly SqlToken[], parts: readonly string[], from = 0): { range: Range; next: number } | undefined {
  for (let i = from; i < tokens.length; i++) {
    let j = i;
    let ok = true;
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) {
        if (!isPunctuation(tokens[j], '.')) ok = false;
        j++;
      }
      if (!ok || !isName(tokens[j]) || tokens[j]!.value !== parts[p]) {
        ok = false;
        break;
      }
      j++;
    }
    if (ok && !isPunctuation(tokens[i - 1], '.') && !isPunctuation(tokens[j], '.')) return { range: tokenRange(tokens[i]!, tokens[j - 1]!), next: j };
  }
  return undefined;
}

/**
 * The names of `DROP <keywords> [CONCURRENTLY] [IF EXISTS] a, b, …` with their ranges, when the
 * statement's tokens start with `drop` and `keywords` (e.g. `['materialized', 'view']`); `withArgs`
 * as for `readNameList`.
 */
export function readDropNames(tokens: readonly SqlToken[], keywords: readonly string[], withArgs = false): ScannedName[] | undefined {
  if (!isKeyword(tokens[0], 'drop')) return undefined;
  let i = 1;
  for (const word of keywords) {
    if (!isKeyword(tokens[i], word)) return undefined;
    i++;
  }
  if (isKeyword(tokens[i], 'concurrently')) i++;
  return readNameList(tokens, i, withArgs);
}

/**
 * The tokens of each subcommand of `ALTER TABLE [IF EXISTS] [ONLY] name [*] a, b, …`, one list per
 * entry of `AlterTableStmt.cmds`; `relationStart` is where the table's name starts (its RangeVar
 * has a location, the subcommands have none). Undefined when the text is not shaped so.
 */
export function alterTableSubcommands(tokens: readonly SqlToken[], relationStart: number): SqlToken[][] | undefined {
  const rest = tokens.filter((t) => t.start >= relationStart);
  const relation = readQualifiedName(rest, 0);
  if (!relation) return undefined;
  let next = relation.next;
  if (rest[next]?.value === '*') next++;
  return splitTopLevel(rest.slice(next));
}

/** The index of the token that starts exactly at `start`; -1 when none does. */
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

/** Does `token` spell `value` (folded) as a keyword or an identifier? */
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

// Where names are in the text. libpg-query gives no `location` for the names in
// `DROP TABLE a, b` or for the column of `DROP COLUMN c`, so the rules find them with a small
// lexer that knows what matters for that: whitespace, `--` and nested `/* */` comments,
// '…' / E'…' strings, $tag$…$tag$ bodies and "quoted" identifiers. Offsets are UTF-16 offsets
// into the file text, like every offset a rule reports.

import type { Range } from '@migralint/core';

export interface SqlToken {
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  /** For `word`: lowercased ASCII (Postgres' folding); for `quoted`: the unescaped name; else the text. */
  value: string;
  start: number;
  end: number;
}

/** One name of a list like `DROP TABLE a, s."B"`: its parts and its whole range in the file. */
export interface ScannedName {
  parts: string[];
  range: Range;
}

const WHITESPACE = /[ \t\n\r\f\v]/;
const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Tokens of `text` between `start` and `end`, comments and whitespace skipped. */
export function scanTokens(text: string, start: number, end: number): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = start;
  while (i < end) {
    const c = text[i]!;
    if (WHITESPACE.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      i = skipBlockComment(text, i, end);
    } else if (c === "'") {
      const close = skipQuoted(text, i, end, "'", false);
      tokens.push({ kind: 'string', value: text.slice(i, close), start: i, end: close });
      i = close;
    } else if (c === '"') {
      const close = skipQuoted(text, i, end, '"', false);
      tokens.push({ kind: 'quoted', value: text.slice(i + 1, close - 1).replaceAll('""', '"'), start: i, end: close });
      i = close;
    } else if (c === '$' && /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.test(text.slice(i, i + 130))) {
      const tag = /^\$[^$]*\$/.exec(text.slice(i, i + 130))![0];
      const close = text.indexOf(tag, i + tag.length);
      const stop = close === -1 || close + tag.length > end ? end : close + tag.length;
      tokens.push({ kind: 'string', value: text.slice(i, stop), start: i, end: stop });
      i = stop;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < end && IDENT_PART.test(text[j]!)) j++;
      if (j === i + 1 && (c === 'e' || c === 'E') && text[j] === "'") {
        const close = skipQuoted(text, j, end, "'", true);
        tokens.push({ kind: 'string', value: text.slice(i, close), start: i, end: close });
        i = close;
      } else {
        tokens.push({ kind: 'word', value: text.slice(i, j).replace(/[A-Z]+/g, (s) => s.toLowerCase()), start: i, end: j });
        i = j;
      }
    } else if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < end && /[0-9A-Za-z_.]/.test(text[j]!)) j++;
      tokens.push({ kind: 'number', value: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      tokens.push({ kind: 'punct', value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}

function skipBlockComment(text: string, i: number, end: number): number {
  let depth = 0;
  while (i < end) {
    if (text[i] === '/' && text[i + 1] === '*') {
      depth++;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return end;
}

/** Offset just after the closing quote of the literal opening at `i`; a doubled quote is an escape. */
function skipQuoted(text: string, i: number, end: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < end) {
    if (backslashEscapes && text[j] === '\\') j += 2;
    else if (text[j] === quote && text[j + 1] === quote) j += 2;
    else if (text[j] === quote) return j + 1;
    else j++;
  }
  return end;
}

/** Is `token` an identifier (a word or a "quoted" name)? */
export function isName(token: SqlToken | undefined): token is SqlToken {
  return token !== undefined && (token.kind === 'word' || token.kind === 'quoted');
}

/** Is `token` the keyword `word` (lowercase)? */
export function isKeyword(token: SqlToken | undefined, word: string): boolean {
  return token !== undefined && token.kind === 'word' && token.value === word;
}

/** Read `a`, `s.a`, `"S"."a b"` at `tokens[i]`; returns the name and the index after it. */
export function readQualifiedName(tokens: SqlToken[], i: number): { name: ScannedName; next: number } | undefined {
  const first = tokens[i];
  if (!isName(first)) return undefined;
  const parts = [first.value];
  let last = first;
  let j = i + 1;
  while (tokens[j]?.kind === 'punct' && tokens[j]!.value === '.' && isName(tokens[j + 1])) {
    last = tokens[j + 1]!;
    parts.push(last.value);
    j += 2;
  }
  return { name: { parts, range: { start: first.start, end: last.end } }, next: j };
}

/**
 * The names listed by `DROP <object> [IF EXISTS] a, b, …` starting at `tokens[i]`
 * (the token after the object keywords). Undefined when the text is not shaped that way.
 */
export function readNameList(tokens: SqlToken[], i: number): ScannedName[] | undefined {
  if (isKeyword(tokens[i], 'if') && isKeyword(tokens[i + 1], 'exists')) i += 2;
  const names: ScannedName[] = [];
  for (;;) {
    const read = readQualifiedName(tokens, i);
    if (!read) return undefined;
    names.push(read.name);
    i = read.next;
    if (tokens[i]?.kind === 'punct' && tokens[i]!.value === ',') i++;
    else return names;
  }
}

/**
 * Split `tokens` at commas outside parentheses: the subcommands of `ALTER TABLE t a, b, c`
 * line up one to one with `AlterTableStmt.cmds`.
 */
export function splitTopLevel(tokens: SqlToken[]): SqlToken[][] {
  const parts: SqlToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' && token.value === '(') depth++;
    if (token.kind === 'punct' && token.value === ')') depth = Math.max(0, depth - 1);
    if (token.kind === 'punct' && token.value === ',' && depth === 0) parts.push([]);
    else parts[parts.length - 1]!.push(token);
  }
  return parts;
}

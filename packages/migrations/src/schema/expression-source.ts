// Expression text (defaults, CHECK, policy USING / WITH CHECK) as written in the file, for messages
// and plans. AST nodes carry only a start `location` (a UTF-8 byte offset, often of an operator
// rather than the expression's first token), so the text is cut from the source along Postgres' own
// scanner tokens (core's `scanSql`: quotes, dollar quotes, comments, operators as Postgres reads
// them). Whitespace and comments between tokens show as one space, so `USING (\n  a = b\n)` reads
// `a = b`. Comparing two expressions is not done on this text: see compare-expressions.ts.

import { createByteMap, isComment, scanSql, type SourceFile, type Statement } from '@migralint/core';

interface Token {
  /** Upper-cased for a bare word; the token's text otherwise. */
  value: string;
  word: boolean;
  /** UTF-16 offsets in the file. */
  start: number;
  end: number;
}

/**
 * Per file, the tokens last scanned: of one statement, from offset `from` (a token's start: the
 * statement's own when it was scanned whole) to its end. One statement's only: the replay reads a
 * statement's expressions one after the other, so they are scanned once however many are read;
 * keeping every statement's tokens held megabytes for the whole run that are never read again.
 */
const scanned = new WeakMap<SourceFile, { statement: Statement; from: number; tokens: Token[] | undefined }>();

/** All the statement's tokens. */
function tokensOf(file: SourceFile, statement: Statement): Token[] | undefined {
  let s = scanned.get(file);
  if (s === undefined || s.statement !== statement || s.from !== statement.start) {
    scanned.set(file, (s = { statement, from: statement.start, tokens: scanTokens(statement.text, statement.start) }));
  }
  return s.tokens;
}

/** Tokens of `text`, which starts at UTF-16 offset `at` in the file, comments left out. */
function scanTokens(text: string, at: number): Token[] | undefined {
  const raw = scanSql(text);
  if (!raw) return undefined;
  const map = createByteMap(text);
  const tokens: Token[] = [];
  for (const t of raw) {
    if (isComment(t)) continue;
    const word = isWordToken(t.text);
    tokens.push({ value: word ? t.text.toUpperCase() : t.text, word, start: at + map.fromByte(t.start), end: at + map.fromByte(t.end) });
  }
  return tokens;
}

/** A keyword or bare identifier (not a quoted name, string, number or operator). */
function isWordToken(text: string): boolean {
  return /^[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*$/.test(text);
}

const isPunct = (token: Token | undefined, value: string) => token !== undefined && !token.word && token.value === value;

/** Index of the first token at or after `offset`. */
function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text of tokens[from..to) with any gap between tokens shown as one space. */
function joinTokens(text: string, tokens: Token[], from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const token = tokens[k]!;
    if (k > from && token.start > tokens[k - 1]!.end) out += ' ';
    out += text.slice(token.start, token.end);
  }
  return out;
}

/** Index of the `)` matching the `(` at tokens[open], or -1. */
function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (isPunct(tokens[k], '(')) depth++;
    else if (isPunct(tokens[k], ')') && --depth === 0) return k;
  }
  return -1;
}

/**
 * The statement's tokens from the one at a node's byte `location` on (earlier ones may be left
 * out), or undefined when it is not in this statement.
 */
function tokensFrom(file: SourceFile, statement: Statement, byteLocation: number | undefined): { tokens: Token[]; first: number } | undefined {
  if (typeof byteLocation !== 'number' || byteLocation < 0) return undefined;
  const start = byteToOffset(file, byteLocation);
  if (start < statement.start || start >= statement.end) return undefined;
  // Expressions are read in statement order (a CREATE TABLE's defaults column by column), often
  // near the end of a long statement: the first read scans from its own place to the end (a
  // token's start, so the scanner reads the same tokens from there as in the whole statement) and
  // later reads after it use those; a read before it scans the whole statement, once.
  const seen = scanned.get(file);
  if (seen?.statement !== statement) {
    const tokens = scanTokens(statement.text.slice(start - statement.start), start);
    if (tokens && tokens[0]?.start === start) {
      scanned.set(file, { statement, from: start, tokens });
      return { tokens, first: 0 };
    }
  } else if (seen.tokens && seen.from <= start) return { tokens: seen.tokens, first: tokenAt(seen.tokens, start) };
  const tokens = tokensOf(file, statement);
  return tokens && { tokens, first: tokenAt(tokens, start) };
}

// --- offsets --------------------------------------------------------------------------------

const byteMaps = new WeakMap<SourceFile, ReturnType<typeof createByteMap>>();

/** UTF-8 byte offset (libpg-query `location`) → UTF-16 offset in `file.text`. */
function byteToOffset(file: SourceFile, byte: number): number {
  let map = byteMaps.get(file);
  if (map === undefined) {
    map = createByteMap(file.text);
    byteMaps.set(file, map);
  }
  return map.fromByte(byte);
}

// --- the expressions the model keeps -----------------------------------------------------------

/** Words that end a column DEFAULT expression in a column definition. */
const COLUMN_CONSTRAINT_WORDS = new Set([
  'NOT', 'NULL', 'CONSTRAINT', 'CHECK', 'DEFAULT', 'PRIMARY', 'UNIQUE', 'REFERENCES', 'GENERATED',
  'COLLATE', 'DEFERRABLE', 'INITIALLY', 'COMPRESSION', 'STORAGE',
]);

/**
 * The parenthesised expression after a constraint's location: `CHECK (a > 0)` → `a > 0`,
 * `GENERATED ALWAYS AS (lower(b)) STORED` → `lower(b)`.
 */
export function parenthesisedAt(file: SourceFile, statement: Statement, byteLocation: number | undefined): string | undefined {
  const at = tokensFrom(file, statement, byteLocation);
  if (!at) return undefined;
  let open = at.first;
  while (open < at.tokens.length && !isPunct(at.tokens[open], '(')) open++;
  if (open === at.tokens.length) return undefined;
  const close = matchingParen(at.tokens, open);
  if (close === -1) return undefined;
  return joinTokens(file.text, at.tokens, open + 1, close);
}

/** The expression after `DEFAULT` at a column constraint's location, up to the next column constraint. */
export function columnDefaultAt(file: SourceFile, statement: Statement, byteLocation: number | undefined): string | undefined {
  const at = tokensFrom(file, statement, byteLocation);
  if (!at) return undefined;
  const { tokens } = at;
  // `CONSTRAINT name DEFAULT …`: the constraint's location is its CONSTRAINT keyword.
  const first = tokens[at.first]?.word && tokens[at.first]!.value === 'CONSTRAINT' ? at.first + 2 : at.first;
  if (!tokens[first]?.word || tokens[first]!.value !== 'DEFAULT') return undefined;
  return expressionFrom(file.text, tokens, first + 1, true);
}

/**
 * The expressions of `ALTER COLUMN … SET DEFAULT expr` in a statement, in order of appearance
 * (one per AT_ColumnDefault command that sets a default).
 */
export function setDefaultExpressions(file: SourceFile, statement: Statement): string[] {
  const tokens = tokensOf(file, statement) ?? [];
  const out: string[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (isPunct(t, '(')) depth++;
    else if (isPunct(t, ')')) depth--;
    else if (depth === 0 && t.word && t.value === 'SET' && tokens[k + 1]?.word && tokens[k + 1]!.value === 'DEFAULT') {
      out.push(expressionFrom(file.text, tokens, k + 2, false) ?? '');
    }
  }
  return out;
}

/** A policy's `USING (…)` and `WITH CHECK (…)` texts. */
export function policyExpressions(file: SourceFile, statement: Statement): { using?: string; withCheck?: string } {
  const tokens = tokensOf(file, statement) ?? [];
  const out: { using?: string; withCheck?: string } = {};
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.word) continue;
    let open = -1;
    let which: 'using' | 'withCheck' | undefined;
    if (t.value === 'USING' && isPunct(tokens[k + 1], '(')) {
      open = k + 1;
      which = 'using';
    } else if (t.value === 'WITH' && tokens[k + 1]?.word && tokens[k + 1]!.value === 'CHECK' && isPunct(tokens[k + 2], '(')) {
      open = k + 2;
      which = 'withCheck';
    }
    if (!which || out[which] !== undefined) continue;
    const close = matchingParen(tokens, open);
    if (close === -1) break;
    out[which] = joinTokens(file.text, tokens, open + 1, close);
    k = close;
  }
  return out;
}

/** Tokens from `first` up to a top-level `,`, an unmatched `)`, `;`, or (in a column definition) the next constraint. */
function expressionFrom(text: string, tokens: Token[], first: number, inColumnDef: boolean): string | undefined {
  let depth = 0;
  let k = first;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      if (t.value === '(' || t.value === '[') depth++;
      else if (t.value === ')' || t.value === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (t.value === ',' || t.value === ';')) break;
    } else if (inColumnDef && depth === 0 && k > first && COLUMN_CONSTRAINT_WORDS.has(t.value)) {
      break;
    }
  }
  return k > first ? joinTokens(text, tokens, first, k) : undefined;
}

// Expression text (defaults, CHECK, policy USING / WITH CHECK) as written in the file.
//
// libpg-query ships no deparser, and AST nodes only carry a start `location` (a UTF-8 byte
// offset, often of an operator rather than the expression's first token). So the text is cut
// from the source with a small lexer that knows what matters for finding an expression's end:
// quotes, dollar quotes, comments and parentheses. Whitespace and comments between tokens
// collapse to one space, so `USING (\n  a = b\n)` reads `a = b`.

import { createByteMap, type ByteMap, type SourceFile, type Statement } from '@migralint/core';

interface Token {
  /** `word`: bare identifier or keyword (value upper-cased); `quoted`: "identifier"; `string`, `number`, `punct`. */
  kind: 'word' | 'quoted' | 'string' | 'number' | 'punct';
  value: string;
  start: number;
  end: number;
}

/**
 * Tokens of `text` in [from, to), comments and whitespace dropped. `enough` is asked after each
 * token, so a caller that needs only the start of a long statement stops early.
 */
function lex(text: string, from: number, to: number, enough?: (tokens: Token[]) => boolean): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to && !(enough && tokens.length > 0 && enough(tokens))) {
    const c = text.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) {
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (c === 45 /* - */ && next === 45) {
      const nl = text.indexOf('\n', i);
      i = nl === -1 || nl > to ? to : nl + 1;
      continue;
    }
    if (c === 47 /* / */ && next === 42 /* * */) {
      let depth = 1;
      i += 2;
      while (i < to && depth > 0) {
        if (text.startsWith('/*', i)) {
          depth++;
          i += 2;
        } else if (text.startsWith('*/', i)) {
          depth--;
          i += 2;
        } else i++;
      }
      continue;
    }
    if (c === 39 /* ' */) {
      const end = quotedEnd(text, i, to, 39, false);
      tokens.push({ kind: 'string', value: '', start: i, end });
      i = end;
      continue;
    }
    if (c === 34 /* " */) {
      const end = quotedEnd(text, i, to, 34, false);
      tokens.push({ kind: 'quoted', value: text.slice(i + 1, end - 1).replaceAll('""', '"'), start: i, end });
      i = end;
      continue;
    }
    if (c === 36 /* $ */) {
      const tag = /^\$([A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/.exec(text.slice(i, Math.min(to, i + 64)));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const end = close === -1 || close + tag[0].length > to ? to : close + tag[0].length;
        tokens.push({ kind: 'string', value: '', start: i, end });
        i = end;
        continue;
      }
    }
    if (isWordStart(c)) {
      let j = i + 1;
      while (j < to && isWordPart(text.charCodeAt(j))) j++;
      // E'…' (backslash escapes), B'…', X'…', N'…', U&'…': a prefixed string is one token.
      if (text.charCodeAt(j) === 39 && j - i === 1) {
        const end = quotedEnd(text, j, to, 39, c === 69 || c === 101);
        tokens.push({ kind: 'string', value: '', start: i, end });
        i = end;
        continue;
      }
      tokens.push({ kind: 'word', value: text.slice(i, j).toUpperCase(), start: i, end: j });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < to && isNumberPart(text.charCodeAt(j))) j++;
      tokens.push({ kind: 'number', value: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    tokens.push({ kind: 'punct', value: text[i]!, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

/** Digits, `.`, `_`, exponents and hex/octal/binary digits: enough to keep a number one token. */
function isNumberPart(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 95 || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === 120 || c === 88 || c === 111 || c === 79;
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57) || c === 36;
}

/** End (exclusive) of a quoted token starting at `i`; a doubled quote stays inside. */
function quotedEnd(text: string, i: number, to: number, quote: number, backslashes: boolean): number {
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    if (backslashes && c === 92) {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (text.charCodeAt(j + 1) === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return to;
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
    const v = tokens[k]!;
    if (v.kind !== 'punct') continue;
    if (v.value === '(') depth++;
    else if (v.value === ')' && --depth === 0) return k;
  }
  return -1;
}

// --- offsets --------------------------------------------------------------------------------

const byteMaps = new WeakMap<SourceFile, ByteMap>();

/** UTF-8 byte offset (libpg-query `location`) → UTF-16 offset in `file.text`. */
export function byteToOffset(file: SourceFile, byte: number): number {
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
  if (typeof byteLocation !== 'number' || byteLocation < 0) return undefined;
  const start = byteToOffset(file, byteLocation);
  if (start < statement.start || start >= statement.end) return undefined;
  const tokens = lex(file.text, start, statement.end, parenClosed());
  const open = tokens.findIndex((t) => t.kind === 'punct' && t.value === '(');
  if (open === -1) return undefined;
  const close = matchingParen(tokens, open);
  if (close === -1) return undefined;
  return joinTokens(file.text, tokens, open + 1, close);
}

/** The expression after `DEFAULT` at a column constraint's location, up to the next column constraint. */
export function columnDefaultAt(file: SourceFile, statement: Statement, byteLocation: number | undefined): string | undefined {
  if (typeof byteLocation !== 'number' || byteLocation < 0) return undefined;
  const start = byteToOffset(file, byteLocation);
  if (start < statement.start || start >= statement.end) return undefined;
  const tokens = lex(file.text, start, statement.end, expressionEnded());
  // `CONSTRAINT name DEFAULT …`: the constraint's location is its CONSTRAINT keyword.
  const first = tokens[0]?.kind === 'word' && tokens[0].value === 'CONSTRAINT' ? 2 : 0;
  if (tokens[first]?.kind !== 'word' || tokens[first]!.value !== 'DEFAULT') return undefined;
  return expressionFrom(file.text, tokens, first + 1, true);
}

/**
 * The expressions of `ALTER COLUMN … SET DEFAULT expr` in a statement, in order of appearance
 * (one per AT_ColumnDefault command that sets a default).
 */
export function setDefaultExpressions(file: SourceFile, statement: Statement): string[] {
  const tokens = lex(file.text, statement.start, statement.end);
  const out: string[] = [];
  let depth = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') {
      if (t.value === '(') depth++;
      else if (t.value === ')') depth--;
      continue;
    }
    if (depth === 0 && t.kind === 'word' && t.value === 'SET' && tokens[k + 1]?.kind === 'word' && tokens[k + 1]!.value === 'DEFAULT') {
      out.push(expressionFrom(file.text, tokens, k + 2, false) ?? '');
    }
  }
  return out;
}

/** A policy's `USING (…)` and `WITH CHECK (…)` texts. */
export function policyExpressions(file: SourceFile, statement: Statement): { using?: string; withCheck?: string } {
  const tokens = lex(file.text, statement.start, statement.end);
  const out: { using?: string; withCheck?: string } = {};
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') continue;
    let open = -1;
    let which: 'using' | 'withCheck' | undefined;
    if (t.value === 'USING' && isOpen(tokens[k + 1])) {
      open = k + 1;
      which = 'using';
    } else if (t.value === 'WITH' && tokens[k + 1]?.kind === 'word' && tokens[k + 1]!.value === 'CHECK' && isOpen(tokens[k + 2])) {
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

/** Stops lexing once the first parenthesis has closed. */
function parenClosed(): (tokens: Token[]) => boolean {
  let depth = 0;
  let opened = false;
  return (tokens) => {
    const t = tokens[tokens.length - 1]!;
    if (t.kind === 'punct' && t.value === '(') {
      depth++;
      opened = true;
    } else if (t.kind === 'punct' && t.value === ')') depth--;
    return opened && depth <= 0;
  };
}

/** Stops lexing at a top-level `,` or an unmatched `)` (a column DEFAULT's end, or past it). */
function expressionEnded(): (tokens: Token[]) => boolean {
  let depth = 0;
  return (tokens) => {
    const t = tokens[tokens.length - 1]!;
    if (t.kind !== 'punct') return false;
    if (t.value === '(' || t.value === '[') depth++;
    else if (t.value === ')' || t.value === ']') return --depth < 0;
    else if (t.value === ',' || t.value === ';') return depth === 0;
    return false;
  };
}

function isOpen(token: Token | undefined): boolean {
  return token?.kind === 'punct' && token.value === '(';
}

/** Tokens from `first` up to a top-level `,`, an unmatched `)`, `;`, or (in a column definition) the next constraint. */
function expressionFrom(text: string, tokens: Token[], first: number, inColumnDef: boolean): string | undefined {
  let depth = 0;
  let k = first;
  for (; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct') {
      if (t.value === '(' || t.value === '[') depth++;
      else if (t.value === ')' || t.value === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (t.value === ',' || t.value === ';')) break;
    } else if (inColumnDef && depth === 0 && k > first && t.kind === 'word' && COLUMN_CONSTRAINT_WORDS.has(t.value)) {
      break;
    }
  }
  return k > first ? joinTokens(text, tokens, first, k) : undefined;
}

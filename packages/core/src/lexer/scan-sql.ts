// PostgreSQL's lexer (src/backend/parser/scan.l, as libpg-query builds it) in JavaScript: the same
// tokens, byte offsets, texts, names and keyword categories as libpg-query's `scanSync`, without its
// cost. `scanSync` builds a JSON string of every token inside WebAssembly and parses it back: on the
// corpus that was a fifth of a lint run and most of its garbage, more than the parse itself.
//
// Statements are still parsed only by libpg-query: this reads tokens (quotes, comments, operators,
// keywords), which rules use to find words and positions the syntax tree does not keep. Where the
// lexer would have to decode a string to know whether Postgres accepts it (E'' escapes that make
// bytes or code points), it answers UNSURE and the caller asks libpg-query (parser.ts).
// test/lexer.test.ts compares it with `scanSync` on fixtures, fuzzed input and, in e2e, the corpus.
import type { Token } from '../parser.js';
import { CHAR_TOKEN_NAMES, KEYWORDS, TOKEN_NAMES } from './keywords.js';

/** The lexer cannot tell without decoding a string literal: ask libpg-query's scanner. */
export const UNSURE = Symbol('unsure');

// Character classes of scan.l, by UTF-16 code unit (every non-ASCII unit is part of a name, as
// every byte >= 0x80 is in Postgres).
const SPACE = 1; // [ \t\n\r\f\v]
const IDENT_START = 2; // [A-Za-z\200-\377_]
const DIGIT = 4;
const OP_CHAR = 8; // [~!@#^&|`?+\-*/%<>=]
const SELF = 16; // [,()\[\].;:+\-*/%^<>=]: one-character tokens
const classes = new Uint8Array(128);
for (const c of ' \t\n\r\f\v') classes[c.charCodeAt(0)]! |= SPACE;
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) classes[c]! |= IDENT_START;
  if (/[0-9]/.test(ch)) classes[c]! |= DIGIT;
}
for (const c of '~!@#^&|`?+-*/%<>=') classes[c.charCodeAt(0)]! |= OP_CHAR;
for (const c of ',()[].;:+-*/%^<>=') classes[c.charCodeAt(0)]! |= SELF;

/** `code` is NaN past the end of the text: no class. */
const classOf = (code: number): number => (code >= 128 ? IDENT_START : (classes[code] ?? 0));
const isIdentStart = (code: number) => (classOf(code) & IDENT_START) !== 0;
/** [A-Za-z\200-\377_0-9\$] */
const isIdentCont = (code: number) => code === 36 || (classOf(code) & (IDENT_START | DIGIT)) !== 0;
const isDigit = (code: number) => code >= 48 && code <= 57;
const isSpace = (code: number) => code < 128 && (classes[code]! & SPACE) !== 0;
const isHex = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

const Q = 39; // '
const DQ = 34; // "
const DOLLAR = 36;
const NL = 10;
const CR = 13;

const LONGEST_KEYWORD = Math.max(...[...KEYWORDS.keys()].map((k) => k.length));

// How a string literal reads: '' doubles a quote in '…', E'…' (with backslash escapes) and U&'…';
// B'…' and X'…' end at the first quote.
const STANDARD = 0;
const ESCAPES = 1;
const BITS = 2;
type StringStyle = typeof STANDARD | typeof ESCAPES | typeof BITS;

/** int4's largest value: a larger integer literal is a numeric constant (scan.l's process_integer_literal). */
const INT4_MAX = 2147483647;

class Lexer {
  readonly tokens: Token[] = [];
  private pos = 0;
  // UTF-8 offsets are counted as tokens are emitted, in order: one pass over the text.
  private charAt = 0;
  private byteAt = 0;

  constructor(
    private readonly sql: string,
    private readonly ascii: boolean,
  ) {}

  /** false: a lexer error (Postgres rejects the text). */
  run(): boolean | typeof UNSURE {
    const { sql } = this;
    const n = sql.length;
    while (this.pos < n) {
      const start = this.pos;
      const c = sql.charCodeAt(start);
      if (isSpace(c)) {
        this.pos++;
        continue;
      }
      const next = start + 1 < n ? sql.charCodeAt(start + 1) : -1;
      let outcome: boolean | typeof UNSURE;
      if (c === 45 /* - */ && next === 45) outcome = this.lineComment(start);
      else if (c === 47 /* / */ && next === 42 /* * */) outcome = this.blockComment(start);
      else if (c === Q) outcome = this.quoted(start, start, TOKEN_NAMES.SCONST, STANDARD);
      else if (c === DQ) outcome = this.quotedName(start, start, TOKEN_NAMES.IDENT);
      else if (isDigit(c) || (c === 46 /* . */ && isDigit(next))) outcome = this.number(start);
      else if (c === DOLLAR) outcome = this.dollar(start, next);
      else if (isIdentStart(c)) outcome = this.word(start, c, next);
      else if (c === 58 /* : */ && next === 58) outcome = this.emit(start, start + 2, TOKEN_NAMES.TYPECAST);
      else if (c === 58 && next === 61 /* = */) outcome = this.emit(start, start + 2, TOKEN_NAMES.COLON_EQUALS);
      else if (c === 46 && next === 46) outcome = this.emit(start, start + 2, TOKEN_NAMES.DOT_DOT);
      else if (c < 128 && classes[c]! & OP_CHAR) outcome = this.operator(start);
      // scan.l's "self" and "other": every other character is a token of its own.
      else outcome = this.char(start);
      if (outcome !== true) return outcome;
    }
    return true;
  }

  private emit(start: number, end: number, tokenName: string, keywordKind = 0): true {
    const text = this.sql.slice(start, end);
    const from = this.byteOffset(start);
    this.tokens.push({ start: from, end: this.byteOffset(end), text, tokenName, keywordKind });
    this.pos = end;
    return true;
  }

  /** The one-character token at `start` (scan.l's "self" and "other"). */
  private char(start: number): true {
    return this.emit(start, start + 1, CHAR_TOKEN_NAMES.get(this.sql.charCodeAt(start)) ?? 'UNKNOWN');
  }

  private byteOffset(index: number): number {
    if (this.ascii) return index;
    const { sql } = this;
    let i = this.charAt;
    let bytes = this.byteAt;
    while (i < index) {
      const c = sql.charCodeAt(i++);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && i < sql.length && (sql.charCodeAt(i) & 0xfc00) === 0xdc00) {
        bytes += 4;
        i++;
      } else bytes += 3;
    }
    this.charAt = i;
    this.byteAt = bytes;
    return bytes;
  }

  /** `--` to the end of the line, the line break not included. */
  private lineComment(start: number): true {
    const { sql } = this;
    let i = start + 2;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === NL || c === CR) break;
      i++;
    }
    return this.emit(start, i, TOKEN_NAMES.SQL_COMMENT);
  }

  /** `/* … *\/`, nested as Postgres nests them. */
  private blockComment(start: number): boolean {
    const { sql } = this;
    let depth = 1;
    let i = start + 2;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === 47 && sql.charCodeAt(i + 1) === 42) {
        depth++;
        i += 2;
      } else if (c === 42 && sql.charCodeAt(i + 1) === 47) {
        i += 2;
        if (--depth === 0) return this.emit(start, i, TOKEN_NAMES.C_COMMENT);
      } else i++;
    }
    return false; // unterminated /* comment
  }

  /**
   * A string literal from its opening quote at `quote` (its prefix, E, B, X or U&, from `start`),
   * with the continuation Postgres reads as one string: another quote after whitespace holding a
   * line break (`'a'` newline `'b'`).
   */
  private quoted(start: number, quote: number, tokenName: string, style: StringStyle): boolean | typeof UNSURE {
    const { sql } = this;
    let i = quote + 1;
    for (;;) {
      if (i >= sql.length) return false; // unterminated quoted string
      const c = sql.charCodeAt(i);
      if (c === Q) {
        if (style !== BITS && sql.charCodeAt(i + 1) === Q) {
          i += 2;
          continue;
        }
        const end = i + 1;
        const resume = this.continuation(end);
        if (resume === -1) return this.emit(start, end, tokenName);
        i = resume + 1;
      } else if (style === ESCAPES && c === 92 /* \ */) {
        if (i + 1 >= sql.length) return false;
        const e = sql.charCodeAt(i + 1);
        // Escapes that make a byte or a code point: whether Postgres accepts the string depends on
        // what they decode to (an invalid UTF-8 sequence, a zero byte, a lone surrogate).
        if ((e >= 48 && e <= 55) || e === 117 /* u */ || e === 85 /* U */ || (e === 120 /* x */ && isHex(sql.charCodeAt(i + 2)))) return UNSURE;
        i += 2;
      } else i++;
    }
  }

  /** After a closing quote at `end`: the index of the quote that continues the string, or -1. */
  private continuation(end: number): number {
    const { sql } = this;
    let i = end;
    let newline = false;
    while (i < sql.length) {
      const c = sql.charCodeAt(i);
      if (c === NL || c === CR) newline = true;
      else if (!isSpace(c)) break;
      i++;
    }
    return newline && sql.charCodeAt(i) === Q ? i : -1;
  }

  /** A "quoted name" (`""` inside is a quote); empty or unterminated is an error. */
  private quotedName(start: number, quote: number, tokenName: string): boolean {
    const { sql } = this;
    let i = quote + 1;
    for (;;) {
      const close = sql.indexOf('"', i);
      if (close === -1) return false; // unterminated quoted identifier
      if (sql.charCodeAt(close + 1) === DQ) {
        i = close + 2;
        continue;
      }
      if (close === quote + 1) return false; // zero-length delimited identifier
      return this.emit(start, close + 1, tokenName);
    }
  }

  /** `$1`, `$tag$ … $tag$`, or a lone `$`. */
  private dollar(start: number, next: number): boolean {
    const { sql } = this;
    if (isDigit(next)) {
      let i = start + 1;
      while (isDigit(sql.charCodeAt(i))) i++;
      if (Number(sql.slice(start + 1, i)) > INT4_MAX) return false; // parameter number too large
      return this.emit(start, i, TOKEN_NAMES.PARAM);
    }
    // A dollar-quote delimiter: $$ or $name$ (a name without $ or, first, a digit).
    let i = start + 1;
    if (next !== DOLLAR) {
      if (next === -1 || !isIdentStart(next)) return this.char(start);
      while (i < sql.length && isIdentCont(sql.charCodeAt(i)) && sql.charCodeAt(i) !== DOLLAR) i++;
      // `$name` without a closing $ is a lone $ and then a name (scan.l's dolqfailed).
      if (sql.charCodeAt(i) !== DOLLAR) return this.char(start);
    }
    const delimiter = sql.slice(start, i + 1);
    const close = sql.indexOf(delimiter, i + 1);
    if (close === -1) return false; // unterminated dollar-quoted string
    return this.emit(start, close + delimiter.length, TOKEN_NAMES.SCONST);
  }

  /** A name or keyword, or a string with a letter prefix (E'', B'', X'', N'', U&'', U&""). */
  private word(start: number, c: number, next: number): boolean | typeof UNSURE {
    const { sql } = this;
    const lower = c | 0x20;
    if (next === Q) {
      if (lower === 101 /* e */) return this.quoted(start, start + 1, TOKEN_NAMES.SCONST, ESCAPES);
      if (lower === 98 /* b */) return this.quoted(start, start + 1, TOKEN_NAMES.BCONST, BITS);
      if (lower === 120 /* x */) return this.quoted(start, start + 1, TOKEN_NAMES.XCONST, BITS);
      // N'…' is the keyword NCHAR, spelled "N", followed by the string.
      if (lower === 110 /* n */) return this.emit(start, start + 1, 'UNKNOWN', KEYWORDS.get('nchar') ?? 0);
    }
    if (lower === 117 /* u */ && next === 38 /* & */) {
      const after = sql.charCodeAt(start + 2);
      if (after === Q) return this.quoted(start, start + 2, TOKEN_NAMES.USCONST, STANDARD);
      if (after === DQ) return this.quotedName(start, start + 2, TOKEN_NAMES.UIDENT);
    }
    let i = start + 1;
    let ascii = c < 128;
    for (; i < sql.length; i++) {
      const d = sql.charCodeAt(i);
      if (!isIdentCont(d)) break;
      if (d >= 128) ascii = false;
    }
    // Postgres folds only ASCII letters to look a word up, so a word with other letters is a name.
    const kind = ascii && i - start <= LONGEST_KEYWORD ? KEYWORDS.get(sql.slice(start, i).toLowerCase()) : undefined;
    return kind === undefined ? this.emit(start, i, TOKEN_NAMES.IDENT) : this.emit(start, i, 'UNKNOWN', kind);
  }

  /** Integer (decimal, 0x, 0o, 0b, with `_` between digits), numeric or real; a letter after one is an error. */
  private number(start: number): boolean {
    const { sql } = this;
    const c = sql.charCodeAt(start);
    const radix = c === 48 ? radixOf(sql.charCodeAt(start + 1)) : 0;
    if (radix !== 0) {
      const end = digitsEnd(sql, start + 2, radix, true);
      // `0x` without digits, or a name character right after the digits (`0x1g`, `0b12`).
      if (end === -1 || isIdentCont(sql.charCodeAt(end))) return false;
      return this.integer(start, end, sql.slice(start + 2, end), radix);
    }
    let i = c === 46 ? start : digitsEnd(sql, start, 10, false);
    let fractional = false;
    if (sql.charCodeAt(i) === 46) {
      // `1..5` is 1, `..`, 5 (a range in PL/pgSQL).
      if (sql.charCodeAt(i + 1) === 46) return this.integer(start, i, sql.slice(start, i), 10);
      fractional = true;
      i++;
      if (isDigit(sql.charCodeAt(i))) i = digitsEnd(sql, i, 10, false);
    }
    const e = sql.charCodeAt(i);
    if (e === 69 || e === 101) {
      let j = i + 1;
      const sign = sql.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (!isDigit(sql.charCodeAt(j))) return false; // trailing junk after numeric literal
      i = digitsEnd(sql, j, 10, false);
      fractional = true;
    }
    if (isJunkAfter(sql, start, i)) return false; // trailing junk after numeric literal
    if (fractional) return this.emit(start, i, TOKEN_NAMES.FCONST);
    return this.integer(start, i, sql.slice(start, i), 10);
  }

  /** An integer literal larger than int4 is a numeric constant. */
  private integer(start: number, end: number, digits: string, radix: number): true {
    const value = Number.parseInt(digits.replaceAll('_', ''), radix);
    return this.emit(start, end, value > INT4_MAX ? TOKEN_NAMES.FCONST : TOKEN_NAMES.ICONST);
  }

  /**
   * An operator: the longest run of operator characters, cut before a comment start, without
   * trailing + or - unless it holds a character SQL's own operators do not use (so `a*-1` is `*`,
   * `-`, 1); what remains of one or two characters may be a token of its own.
   */
  private operator(start: number): boolean {
    const { sql } = this;
    let end = start + 1;
    while (end < sql.length) {
      const c = sql.charCodeAt(end);
      if (c >= 128 || !(classes[c]! & OP_CHAR)) break;
      // `/*` and `--` start comments even inside an operator.
      if ((c === 42 && sql.charCodeAt(end - 1) === 47) || (c === 45 && sql.charCodeAt(end - 1) === 45)) {
        end--;
        break;
      }
      end++;
    }
    let length = end - start;
    if (length > 1 && isPlusMinus(sql.charCodeAt(start + length - 1))) {
      let qualifies = false;
      for (let i = start; i < start + length - 1 && !qualifies; i++) qualifies = '~!@#^&|`?%'.includes(sql[i]!);
      if (!qualifies) while (length > 1 && isPlusMinus(sql.charCodeAt(start + length - 1))) length--;
    }
    if (length >= 64) return false; // operator too long (NAMEDATALEN)
    const first = sql.charCodeAt(start);
    if (length === 1 && classes[first]! & SELF) return this.char(start);
    if (length === 2) {
      const pair = sql.slice(start, start + 2);
      if (pair === '=>') return this.emit(start, start + 2, TOKEN_NAMES.EQUALS_GREATER);
      if (pair === '>=') return this.emit(start, start + 2, TOKEN_NAMES.GREATER_EQUALS);
      if (pair === '<=') return this.emit(start, start + 2, TOKEN_NAMES.LESS_EQUALS);
      if (pair === '<>' || pair === '!=') return this.emit(start, start + 2, TOKEN_NAMES.NOT_EQUALS);
    }
    return this.emit(start, start + length, TOKEN_NAMES.Op);
  }
}

/**
 * scan.l's junk rules (a number, then a name: `1a`, `1e1$`, `1_0$`) beside its number rules: flex
 * takes the longest match, and a name may start at any `_` or `e` inside the number (`1` then
 * `_0$`), so a `$` after the number is junk when its last part (after a `.` or exponent sign) holds one.
 */
function isJunkAfter(sql: string, start: number, end: number): boolean {
  const after = sql.charCodeAt(end);
  if (isIdentStart(after)) return true;
  if (after !== DOLLAR) return false;
  for (let i = end - 1; i >= start; i--) {
    const c = sql.charCodeAt(i);
    if (c === 46 || isPlusMinus(c)) return false;
    if (isIdentStart(c)) return true;
  }
  return false;
}

const isPlusMinus = (c: number) => c === 43 || c === 45;

function radixOf(c: number): number {
  const lower = c | 0x20;
  return lower === 120 ? 16 : lower === 111 ? 8 : lower === 98 ? 2 : 0;
}

function isRadixDigit(c: number, radix: number): boolean {
  if (radix === 16) return isHex(c);
  return c >= 48 && c < 48 + radix;
}

/**
 * End of a run of digits in `radix` with single `_` between them, from `from`; -1 when there is no
 * digit (`0x`). `leadingUnderscore`: 0x_1F is allowed, 1_ is not.
 */
function digitsEnd(sql: string, from: number, radix: number, leadingUnderscore: boolean): number {
  let i = from;
  if (leadingUnderscore && sql.charCodeAt(i) === 95 && isRadixDigit(sql.charCodeAt(i + 1), radix)) i++;
  if (!isRadixDigit(sql.charCodeAt(i), radix)) return -1;
  i++;
  for (;;) {
    const c = sql.charCodeAt(i);
    if (isRadixDigit(c, radix)) i++;
    else if (c === 95 && isRadixDigit(sql.charCodeAt(i + 1), radix)) i += 2;
    else return i;
  }
}

/**
 * The tokens of `sql` as libpg-query's scanner gives them; undefined when Postgres' lexer rejects
 * the text (an unterminated quote or comment, junk after a number); UNSURE when only decoding a
 * string literal would tell (the caller asks libpg-query).
 */
export function lexSql(sql: string): Token[] | undefined | typeof UNSURE {
  // eslint-disable-next-line no-control-regex
  const ascii = !/[^\x01-\x7f]/.test(sql);
  // libpg-query hands the text to C, which ends it at a NUL character: only it knows what it reads then.
  if (!ascii && sql.includes('\0')) return UNSURE;
  const lexer = new Lexer(sql, ascii);
  const outcome = lexer.run();
  if (outcome === UNSURE) return UNSURE;
  return outcome ? lexer.tokens : undefined;
}

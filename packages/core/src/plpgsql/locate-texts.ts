// Where each text the PL/pgSQL parser returns sits in the body.
//
// The PL/pgSQL parser gives a statement's text and the line of its first token, not an offset.
// Finding the text again is exact, not a guess, for these reasons (PostgreSQL's pl_gram.y):
// - a statement or expression text is a verbatim copy of the body from its first token up to
//   (not including) its terminator, trailing blanks trimmed (`plpgsql_append_source_text`). The one
//   rewrite, `INTO target`, is replaced by as many spaces, so every other byte keeps its place; the
//   other, `PERFORM x` returned as `SELECT x`, is matched by `findPerform`;
// - a place matches only where the body's bytes equal the text's bytes (the blanked INTO target
//   aside) and Postgres' own scanner (the PL/pgSQL scanner is that same scanner) starts a token
//   there (and the INTO keyword where the blank starts). The scanner reads the same bytes from the
//   same token boundary the same way, so an equal span starting a token is the same token
//   sequence: a copy inside a string constant or a comment is not a token start and is skipped;
// - candidates are only places after what was found before (the tree is walked in source order
//   and every located text moves the cursor past itself) and, for a statement, on its line. What
//   lies between the cursor and the statement is PL/pgSQL syntax (THEN, LOOP, labels, END IF),
//   which is never the first token of a statement's copy. The remaining blind spot is an identical
//   statement text hidden earlier on the same line inside an expression that is not located (a
//   RAISE parameter, a simple CASE's WHEN list); then the first copy is taken.
//
// Cost. This was written when tokens came from libpg-query's scanner (~9 µs a token, about 30
// times its parser per byte); core's own lexer (lexer/scan-sql.ts) is about 12 times cheaper, which
// makes the economy below smaller but not wrong. The body is not scanned whole: a candidate comes from a byte search, and only the stretch from the
// cursor (always a token boundary: the end of the text found before) to just past the candidate is
// scanned to confirm it starts a token. Those stretches are the gaps between statements plus each
// statement's first bytes. When confirmations keep failing (copies in strings and comments), the
// whole body is scanned once and its tokens are used from then on.

import { scanSql, type Token } from '../parser.js';

/** Bytes scanned past a candidate to confirm it: a token starting there needs only its first bytes. */
const CONFIRM_AHEAD = 16;
/** Failed confirmations of one search before the whole body is scanned instead. */
const MAX_MISSES = 2;

export class BodyTexts {
  /** Byte offset after the last located text (or keyword); always a token boundary. */
  cursor = 0;
  private readonly bytes: Buffer;
  /** Byte offset where each line starts (line 1 at index 0). */
  private readonly lineStarts: number[] = [0];
  /** The whole body's tokens, once confirmations have failed too often. */
  private whole: { tokens: Token[]; byStart: Map<number, number> } | undefined;

  constructor(body: string) {
    this.bytes = Buffer.from(body, 'utf8');
    for (let i = this.bytes.indexOf(0x0a); i !== -1; i = this.bytes.indexOf(0x0a, i + 1)) this.lineStarts.push(i + 1);
  }

  /**
   * The body byte offset where `text` starts, searching from the cursor; moves the cursor past it.
   * `line` (1-based, in the body) is the line of the text's first token when `onLine`, else the
   * earliest line it may be on. `into`: the text is a statement whose INTO target was blanked.
   */
  find(text: string, line: number | undefined, options: { onLine?: boolean; into?: boolean } = {}): number | undefined {
    const wanted = Buffer.from(text, 'utf8');
    if (wanted.length === 0) return undefined;
    // With a blanked INTO, search for the part before the first run of blanks.
    const blank = options.into ? wanted.indexOf('  ') : -1;
    const needle = blank > 0 ? wanted.subarray(0, blank) : wanted;
    const start = this.search(needle, line, options.onLine ?? false, (p) => {
      const into = options.into ? this.blankedInto(wanted, p) : this.bytes.compare(wanted, 0, wanted.length, p, p + wanted.length) === 0 ? -1 : undefined;
      if (into === undefined) return false;
      return this.startsToken(p, p + wanted.length, into >= 0 ? { at: into, text: 'into' } : undefined);
    });
    if (start !== undefined) this.cursor = start + wanted.length;
    return start;
  }

  /**
   * `PERFORM x` comes back as `SELECT x` (PL/pgSQL swaps the keyword): the PERFORM keyword on
   * `line` followed by the bytes after `SELECT`. Returns the PERFORM keyword's start and end.
   */
  findPerform(text: string, line: number | undefined): { start: number; end: number } | undefined {
    if (!text.startsWith('SELECT')) return undefined;
    const rest = Buffer.from(text.slice('SELECT'.length), 'utf8');
    const keyword = Buffer.byteLength('perform');
    const needle = Buffer.concat([Buffer.from('perform'), rest]);
    const accept = (p: number) =>
      // The keyword in any case, the rest byte for byte.
      this.bytes.compare(rest, 0, rest.length, p + keyword, p + needle.length) === 0 && this.startsToken(p, p + needle.length, { at: p, text: 'perform' });
    const start = this.search(needle, line, true, accept, true);
    if (start === undefined) return undefined;
    this.cursor = start + needle.length;
    return { start, end: start + keyword };
  }

  /** Moves the cursor past the next `keyword` token at or after `line` (a block's BEGIN). */
  skipKeyword(keyword: string, line: number | undefined): void {
    const needle = Buffer.from(keyword);
    const found = this.search(needle, line, false, (p) => this.startsToken(p, p + needle.length, { at: p, text: keyword }), true);
    if (found !== undefined) this.cursor = found + needle.length;
  }

  /** Body bytes of a line (1-based) without its line break; the whole body when unknown. */
  lineSpan(line: number | undefined): { start: number; end: number } {
    const start = line ? this.lineStarts[line - 1] : undefined;
    if (start === undefined) return { start: 0, end: this.bytes.length };
    const next = this.lineStarts[line!];
    return { start, end: next === undefined ? this.bytes.length : next - 1 };
  }

  /**
   * The first place from the cursor (and `line`) where `needle` is written and `accept` agrees.
   * `caseless`: the needle's letters match either case (keywords).
   */
  private search(needle: Buffer, line: number | undefined, onLine: boolean, accept: (p: number) => boolean, caseless = false): number | undefined {
    const from = Math.max(this.cursor, this.lineStart(line));
    const until = onLine && line ? (this.lineStarts[line] ?? Infinity) : Infinity;
    let misses = 0;
    for (let p = this.indexOf(needle, from, caseless); p !== -1 && p < until; p = this.indexOf(needle, p + 1, caseless)) {
      if (accept(p)) return p;
      if (++misses >= MAX_MISSES && !this.whole) this.scanWhole();
    }
    return undefined;
  }

  private indexOf(needle: Buffer, from: number, caseless: boolean): number {
    if (!caseless) return this.bytes.indexOf(needle, from);
    // Keywords are ASCII: search the lower-case form in a lower-cased copy, made once.
    this.lower ??= Buffer.from(this.bytes.toString('latin1').toLowerCase(), 'latin1');
    return this.lower.indexOf(Buffer.from(needle.toString('latin1').toLowerCase(), 'latin1'), from);
  }

  private lower: Buffer | undefined;

  /** With a blanked INTO: -1 when equal, the INTO position when only blanks differ, else undefined. */
  private blankedInto(wanted: Buffer, p: number): number | undefined {
    if (p + wanted.length > this.bytes.length) return undefined;
    let into = -1;
    for (let k = 0; k < wanted.length; k++) {
      if (this.bytes[p + k] === wanted[k]) continue;
      if (wanted[k] !== 0x20) return undefined;
      if (into === -1) into = p + k;
    }
    return into;
  }

  /**
   * Does a token start at byte `p` (and, when asked, a `keyword.text` token at `keyword.at`)?
   * Scans from the cursor to a little past `p`; when that cut falls inside a string or comment,
   * to `end` (the candidate's end, where a real candidate's tokens end).
   */
  private startsToken(p: number, end: number, keyword?: { at: number; text: string }): boolean {
    if (this.whole) return this.tokenAt(this.whole, p) !== undefined && (!keyword || this.tokenAt(this.whole, keyword.at)?.text.toLowerCase() === keyword.text);
    const base = this.cursor;
    const need = Math.max(p, keyword?.at ?? p) + CONFIRM_AHEAD;
    for (const cut of need < end ? [need, end] : [end]) {
      const tokens = scanSql(this.bytes.toString('utf8', base, this.charBoundary(cut)));
      if (!tokens) continue;
      const starts = new Map(tokens.map((t) => [base + t.start, t]));
      return starts.has(p) && (!keyword || starts.get(keyword.at)?.text.toLowerCase() === keyword.text);
    }
    return false;
  }

  private scanWhole(): void {
    const tokens = scanSql(this.bytes.toString('utf8')) ?? [];
    this.whole = { tokens, byStart: new Map(tokens.map((t, i) => [t.start, i])) };
  }

  private tokenAt(whole: NonNullable<BodyTexts['whole']>, byte: number): Token | undefined {
    const index = whole.byStart.get(byte);
    return index === undefined ? undefined : whole.tokens[index];
  }

  private lineStart(line: number | undefined): number {
    return line ? (this.lineStarts[line - 1] ?? Infinity) : 0;
  }

  /** `byte`, moved forward off the middle of a multi-byte character. */
  private charBoundary(byte: number): number {
    let b = Math.min(byte, this.bytes.length);
    while (b < this.bytes.length && (this.bytes[b]! & 0xc0) === 0x80) b++;
    return b;
  }
}

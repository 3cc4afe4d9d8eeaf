// Where each text the PL/pgSQL parser returns sits in the body.
//
// The PL/pgSQL parser gives a statement's text and the line of its first token, not an offset.
// Finding the text again is exact, not a guess, for these reasons (PostgreSQL's pl_gram.y):
// - a statement or expression text is a verbatim copy of the body from its first token up to
//   (not including) its terminator, trailing blanks trimmed (`plpgsql_append_source_text`). The one
//   rewrite, `INTO target`, is replaced by as many spaces, so every other byte keeps its place; the
//   other, `PERFORM x` returned as `SELECT x`, is matched by `findPerform`;
// - the body is cut into tokens once by Postgres' own scanner (the PL/pgSQL scanner is that same
//   scanner). A text matches only at the start of a body token, and only where the body's bytes
//   equal the text's bytes (the blanked INTO target aside, which must start with the INTO token).
//   The scanner reads the same bytes from the same token boundary the same way, so an equal span
//   is the same token sequence: strings, quoted names and comments included;
// - candidates are only tokens after what was found before (the tree is walked in source order and
//   every located text moves the cursor past itself) and, for a statement, on its line. What lies
//   between the cursor and the statement is PL/pgSQL syntax (THEN, LOOP, labels, END IF), which is
//   never the first token of a statement's copy. The remaining blind spot is an identical statement
//   text hidden earlier on the same line inside an expression that is not located (a RAISE
//   parameter, a simple CASE's WHEN list); then the first copy is taken.
// Cost: the body is scanned once; each text is compared byte for byte at the token starts of one
// line (or from the cursor on), each try stopping at its first differing byte.

import { scanSql, type Token } from '../parser.js';

export class BodyTexts {
  private readonly tokens: Token[];
  /** Body token index by start byte. */
  private readonly byStart = new Map<number, number>();
  /** Byte offset where each line starts (line 1 at index 0). */
  private readonly lineStarts: number[] = [0];
  /** Byte offset after the last located text. */
  cursor = 0;

  private readonly bytes: Buffer;

  constructor(body: string) {
    this.tokens = scanSql(body) ?? [];
    this.tokens.forEach((t, i) => this.byStart.set(t.start, i));
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
    for (let i = this.firstCandidate(line); i < this.tokens.length && this.beforeLineEnd(i, line, options.onLine); i++) {
      const start = this.tokens[i]!.start;
      if (this.matches(wanted, start, options.into ?? false)) {
        this.cursor = start + wanted.length;
        return start;
      }
    }
    return undefined;
  }

  /**
   * `PERFORM x` comes back as `SELECT x` (PL/pgSQL swaps the keyword): the PERFORM token on `line`
   * followed by the bytes after `SELECT`. Returns the PERFORM keyword's start and end.
   */
  findPerform(text: string, line: number | undefined): { start: number; end: number } | undefined {
    if (!text.startsWith('SELECT')) return undefined;
    const rest = Buffer.from(text.slice('SELECT'.length), 'utf8');
    for (let i = this.firstCandidate(line); i < this.tokens.length && this.beforeLineEnd(i, line, true); i++) {
      const keyword = this.tokens[i]!;
      if (keyword.text.toLowerCase() !== 'perform' || !this.matches(rest, keyword.end, false)) continue;
      this.cursor = keyword.end + rest.length;
      return { start: keyword.start, end: keyword.end };
    }
    return undefined;
  }

  /** Moves the cursor past the next `keyword` token at or after `line` (a block's BEGIN). */
  skipKeyword(keyword: string, line: number | undefined): void {
    for (let i = this.firstCandidate(line); i < this.tokens.length; i++) {
      const token = this.tokens[i]!;
      if (token.keywordKind > 0 && token.text.toLowerCase() === keyword) {
        this.cursor = token.end;
        return;
      }
    }
  }

  /** Are the body's bytes from `start` those of `wanted` (a blanked INTO target aside)? */
  private matches(wanted: Buffer, start: number, into: boolean): boolean {
    if (start + wanted.length > this.bytes.length) return false;
    if (this.bytes.compare(wanted, 0, wanted.length, start, start + wanted.length) === 0) return true;
    if (!into) return false;
    let blanked = false;
    for (let k = 0; k < wanted.length; k++) {
      if (this.bytes[start + k] === wanted[k]) continue;
      if (wanted[k] !== 0x20) return false;
      // The first differing byte must be where the INTO keyword starts.
      if (!blanked) {
        const at = this.byStart.get(start + k);
        if (at === undefined || this.tokens[at]!.text.toLowerCase() !== 'into') return false;
        blanked = true;
      }
    }
    return true;
  }

  private firstCandidate(line: number | undefined): number {
    return this.firstTokenAt(Math.max(this.cursor, line ? (this.lineStarts[line - 1] ?? Infinity) : 0));
  }

  private beforeLineEnd(index: number, line: number | undefined, onLine: boolean | undefined): boolean {
    return !(onLine && line) || this.tokens[index]!.start < (this.lineStarts[line] ?? Infinity);
  }

  private firstTokenAt(byte: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.start < byte) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

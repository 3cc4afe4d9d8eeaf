// Where each text the PL/pgSQL parser returns sits in the body.
//
// The PL/pgSQL parser gives a statement's text and the line of its first token, not an offset.
// Finding the text again is exact, not a guess, for these reasons (PostgreSQL's pl_gram.y):
// - a statement or expression text is a verbatim copy of the body from its first token up to
//   (not including) its terminator, trailing blanks trimmed (`plpgsql_append_source_text`). The one
//   rewrite, `INTO target`, is replaced by as many spaces, so every other byte keeps its place; the
//   other, `PERFORM x` returned as `SELECT x`, is matched by `findPerform`;
// - the body is cut into tokens once by Postgres' own scanner (the PL/pgSQL scanner is that same
//   scanner), and so is each text; a text matches at a body token when every one of its tokens is a
//   body token with the same spelling at the same relative offset, and no other body token lies in
//   that span (save the INTO target). Comments are tokens too, so they must match as well;
// - candidates are only tokens after what was found before (the tree is walked in source order and
//   every located text moves the cursor past itself) and, for a statement, on its line. What lies
//   between the cursor and the statement is PL/pgSQL syntax (THEN, LOOP, labels, END IF), which is
//   never the first token of a statement's copy. The remaining blind spot is an identical statement
//   text hidden earlier on the same line inside an expression that is not located (a RAISE
//   parameter, a simple CASE's WHEN list); then the first copy is taken.
// Cost: the body is scanned once; each text is scanned once and tried against the tokens of one
// line (or from the cursor on), each try stopping at its first mismatch.

import { scanSql, type Token } from '../parser.js';

export class BodyTexts {
  private readonly tokens: Token[];
  /** Body token index by start byte. */
  private readonly byStart = new Map<number, number>();
  /** Byte offset where each line starts (line 1 at index 0). */
  private readonly lineStarts: number[] = [0];
  /** Byte offset after the last located text. */
  cursor = 0;

  constructor(body: string) {
    this.tokens = scanSql(body) ?? [];
    this.tokens.forEach((t, i) => this.byStart.set(t.start, i));
    const bytes = Buffer.from(body, 'utf8');
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) this.lineStarts.push(i + 1);
  }

  /**
   * The body byte offset where `text` starts, searching from the cursor; moves the cursor past it.
   * `line` (1-based, in the body) is the line of the text's first token when `onLine`, else the
   * earliest line it may be on. `into`: the text is a statement whose INTO target was blanked.
   */
  find(text: string, line: number | undefined, options: { onLine?: boolean; into?: boolean } = {}): number | undefined {
    const tokens = scanSql(text);
    if (!tokens || tokens.length === 0 || tokens[0]!.start !== 0) return undefined;
    const length = Buffer.byteLength(text);
    for (let i = this.firstCandidate(line); i < this.tokens.length && this.beforeLineEnd(i, line, options.onLine); i++) {
      const start = this.tokens[i]!.start;
      if (this.matches(tokens, i, start, options.into ?? false)) {
        this.cursor = start + length;
        return start;
      }
    }
    return undefined;
  }

  /**
   * `PERFORM x` comes back as `SELECT x` (PL/pgSQL swaps the keyword): the PERFORM token on `line`
   * whose remainder matches the text after `SELECT`. Returns the PERFORM keyword's start and end.
   */
  findPerform(text: string, line: number | undefined): { start: number; end: number } | undefined {
    if (!text.startsWith('SELECT')) return undefined;
    const rest = text.slice('SELECT'.length);
    const tokens = scanSql(rest);
    if (!tokens) return undefined;
    for (let i = this.firstCandidate(line); i < this.tokens.length && this.beforeLineEnd(i, line, true); i++) {
      const keyword = this.tokens[i]!;
      if (keyword.text.toLowerCase() !== 'perform') continue;
      if (tokens.length === 0 || this.matches(tokens, i + 1, keyword.end, false)) {
        this.cursor = keyword.end + Buffer.byteLength(rest);
        return { start: keyword.start, end: keyword.end };
      }
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

  /**
   * Do the text's tokens, placed at body byte `start`, coincide with the body's tokens from index
   * `first` on (same spelling, same offsets, none of the body's skipped but an INTO target)?
   */
  private matches(textTokens: Token[], first: number, start: number, into: boolean): boolean {
    let next = first;
    for (const t of textTokens) {
      const at = this.byStart.get(start + t.start);
      if (at === undefined || at < next || this.tokens[at]!.text !== t.text) return false;
      if (at !== next && !(into && this.tokens[next]!.text.toLowerCase() === 'into')) return false;
      next = at + 1;
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

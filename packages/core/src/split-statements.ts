// Turn a file's text into statements with real positions, recovering from bad statements.
//
// Fast path: the whole file goes to the parser once (most files parse). When it fails, the scanner
// (Postgres' own lexer: it knows quotes, dollar quotes and comments) splits the file at top-level
// semicolons and each piece is parsed alone, so one bad statement becomes one `ParseError`
// statement and the rest of the file is still linted. psql meta-commands (`\set`, `\i`, `\gexec`)
// are not SQL: they are blanked out before parsing (keeping every byte offset) and returned so the
// engine can say what it skipped.

import type { AstNode, Statement } from './types.js';
import { codePointsToUtf16, type OffsetMap } from './offsets.js';
import { isComment, parseSql, scanSql, type RawStmt, type Token } from './parser.js';

export interface MetaCommand {
  /** e.g. `\set`. */
  command: string;
  start: number;
  end: number;
}

export interface SplitResult {
  statements: Statement[];
  metaCommands: MetaCommand[];
  /** The text the parser saw (meta-commands blanked); same byte offsets as the file. */
  parseText: string;
}

/** A piece of the file parsed on its own; `base` is its byte offset in the file. */
interface Chunk {
  base: number;
  end: number;
  /** Code after the last top-level `;` (recovery's last chunk). */
  open?: boolean;
}

export function splitStatements(text: string, map: OffsetMap, sectionBreaks: readonly number[] = [], sizes: PieceSizes = PIECE_SIZES): SplitResult {
  const blanked = blankMetaCommands(text, map, sizes);
  const metaCommands = blanked.metaCommands;
  const parseText = endStatementsAt(blanked.parseText, sectionBreaks);
  // A big file is parsed in pieces as far as they hold; from there on (the whole of a small file)
  // it is parsed in one go and, failing that, recovered statement by statement.
  const pieces = map.byteLength >= sizes.from ? parseInPieces(parseText, text, map, sizes.piece) : { statements: [], rest: 0 };
  const statements = pieces.statements;
  if (pieces.rest === parseText.length) return { statements, metaCommands, parseText };
  const rest = { base: map.toByte(pieces.rest), end: map.byteLength };
  const restText = pieces.rest === 0 ? parseText : parseText.slice(pieces.rest);
  const parsed = parseSql(restText);
  if (parsed.ok) statements.push(...shifted(parsed.stmts, rest, parseText, text, map, statements.length));
  else statements.push(...(recover(parseText, text, map, rest, restText, parsed, statements.length).statements ?? []));
  return { statements, metaCommands, parseText };
}

/**
 * A runner that cuts the file at a marker line (dbmate, goose) sends each section alone, so a
 * statement ends there even without `;`. The line break before the marker becomes a `;` in the
 * text the parser sees: one ASCII character for another, so no offset moves.
 */
function endStatementsAt(parseText: string, breaks: readonly number[]): string {
  // One pass: the pieces between breaks are joined once, not the whole text copied per break.
  const pieces: string[] = [];
  let from = 0;
  for (const at of breaks) {
    if (at <= 0 || at <= from || parseText[at - 1] !== '\n') continue;
    pieces.push(parseText.slice(from, at - 1), ';');
    from = at;
  }
  if (from === 0) return parseText;
  pieces.push(parseText.slice(from));
  return pieces.join('');
}

// --- big files: parsed in pieces -----------------------------------------------------------

/**
 * libpg-query's parse of one string grows faster than the string (its JSON output and the wasm
 * heap): a 10 MB migration takes 2.9 s whole, 1.3 s in 64 KB pieces, and the heap stays small.
 * So a big file is cut after a `;` about every 64 KB and each piece is parsed alone.
 */
export interface PieceSizes {
  /** Files of this many bytes and more are parsed in pieces. */
  from: number;
  /** The least size of a piece, in UTF-16 units (a cut is at the first line-ending `;` after it). */
  piece: number;
}

const PIECE_SIZES: PieceSizes = { from: 512 * 1024, piece: 64 * 1024 };

/** A piece that does not end where its last statement does runs on to further cuts, up to this many times its size. */
const MAX_GROWTH = 16;

/**
 * The file's statements, parsed piece by piece, and where the pieces stopped (a UTF-16 offset; the
 * file's length when they reached the end). A cut is after a `;` that ends a line. It holds when
 * the piece parses and its last statement ends at that `;`: a piece that started at the top level
 * then ended there too, so its statements are the whole file's with the piece's offset added. A
 * `;` inside a string, a comment, a `BEGIN ATOMIC` body or a rule's parentheses fails that test;
 * the piece then runs on to the next cuts, then to cuts twice as far (so a long body is parsed a
 * few times, not once per line), up to MAX_GROWTH times. A piece with a syntax error is recovered alone
 * when the scanner agrees that its cut is a top-level `;` and no statement in it runs on past the
 * cut; otherwise the rest of the file is parsed (and recovered) as one.
 */
export function parseInPieces(parseText: string, text: string, map: OffsetMap, size = PIECE_SIZES.piece): { statements: Statement[]; rest: number } {
  const statements: Statement[] = [];
  const cuts = /;[ \t]*\r?\n/g;
  let from = 0;
  let length = size;
  let retries = 0;
  while (from < parseText.length) {
    cuts.lastIndex = from + length;
    const match = cuts.lastIndex < parseText.length ? cuts.exec(parseText) : null;
    const cut = match ? match.index + 1 : parseText.length;
    // The last piece is the rest of the file: the caller's, parsed as a small file is.
    if (cut === parseText.length) break;
    const pieceText = parseText.slice(from, cut);
    const piece = { base: map.toByte(from), end: map.toByte(cut) };
    const parsed = parseSql(pieceText);
    const last = parsed.ok ? parsed.stmts[parsed.stmts.length - 1] : undefined;
    const endsAtCut = last?.stmt_len !== undefined && piece.base + (last.stmt_location ?? 0) + last.stmt_len === piece.end - 1;
    const done = parsed.ok
      ? endsAtCut && shifted(parsed.stmts, piece, parseText, text, map, statements.length)
      : recover(parseText, text, map, piece, pieceText, parsed, statements.length, true).statements;
    if (!done) {
      if (cut - from >= MAX_GROWTH * size) break;
      // A string or body usually closes within a few lines: the next cuts first, then twice as far.
      length = ++retries < 4 ? cut - from + 1 : 2 * (cut - from);
      continue;
    }
    for (const statement of done) statements.push(statement);
    from = cut;
    length = size;
    retries = 0;
  }
  return { statements, rest: from };
}

// --- psql meta-commands -------------------------------------------------------------------

// A backslash at the start of a line (after blanks) is the only cheap sign of a meta-command;
// the scanner then confirms it is a token of its own (not inside a string, comment or body).
const META_HINT = /(^|\n)[ \t]*\\|\\g[a-z]*\s*$|\\gexec/m;

/** psql meta-commands that execute the query buffer. */
const SENDS_QUERY = /^\\(?:g|gx|gset|gexec|gdesc|crosstabview|watch)$/;

function blankMetaCommands(text: string, map: OffsetMap, sizes: PieceSizes): { parseText: string; metaCommands: MetaCommand[] } {
  if (!text.includes('\\') || !META_HINT.test(text)) return { parseText: text, metaCommands: [] };
  const tokens = backslashTokens(text, map, sizes);
  if (!tokens) return { parseText: text, metaCommands: [] };
  const metaCommands: MetaCommand[] = [];
  // The text between meta-commands and their blanks, joined once (not the whole text copied per command).
  const pieces: string[] = [];
  let from = 0;
  for (const token of tokens) {
    if (token.text !== '\\') continue;
    const start = map.fromByte(token.start);
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (text[end - 1] === '\r') end -= 1;
    if (metaCommands.length > 0 && metaCommands[metaCommands.length - 1]!.end > start) continue;
    const command = /^\\[A-Za-z!?.]*/.exec(text.slice(start, end))?.[0] ?? '\\';
    metaCommands.push({ command, start, end });
    // `\gset`, `\gexec` and the like send the query buffer, as `;` does: the statement ends there
    // (the backslash becomes the `;`, one byte for one), or it swallows the SQL after it.
    const sends = SENDS_QUERY.test(command) ? ';' : '';
    pieces.push(text.slice(from, start), sends, blank(text.slice(start + sends.length, end)));
    from = end;
  }
  if (from === 0) return { parseText: text, metaCommands };
  pieces.push(text.slice(from));
  return { parseText: pieces.join(''), metaCommands };
}

/**
 * The backslash tokens of the text (where meta-commands start), or undefined when the scanner
 * cannot read it. A big text is scanned in pieces, like the parse: libpg-query's scan of one string
 * grows faster than the string (1 MB: 0.55 s, 10 MB: 10.8 s), and recent pg_dump versions write a
 * `\\restrict` line into every dump. A cut holds when the piece's last token is a `;` ending at it: the piece began
 * between two tokens, so the scanner reads it as it reads the whole text. Otherwise the piece runs
 * on to the next cuts, then to cuts twice as far, up to the end.
 */
function backslashTokens(text: string, map: OffsetMap, sizes: PieceSizes): Token[] | undefined {
  if (map.byteLength < sizes.from) return scanSql(text)?.filter((t) => t.text === '\\');
  const found: Token[] = [];
  const cuts = /;[ \t]*\r?\n/g;
  let from = 0;
  let length = sizes.piece;
  let retries = 0;
  while (from < text.length) {
    cuts.lastIndex = from + length;
    const match = cuts.lastIndex < text.length ? cuts.exec(text) : null;
    const cut = match ? match.index + 1 : text.length;
    const tokens = scanSql(text.slice(from, cut));
    const base = map.toByte(from);
    const last = tokens?.[tokens.length - 1];
    if (!tokens) {
      if (cut === text.length) return undefined;
    } else if (cut === text.length || (last?.text === ';' && base + last.end === map.toByte(cut))) {
      for (const t of tokens) if (t.text === '\\') found.push({ ...t, start: base + t.start, end: base + t.end });
      from = cut;
      length = sizes.piece;
      retries = 0;
      continue;
    }
    length = ++retries < 4 ? cut - from + 1 : 2 * (cut - from);
  }
  return found;
}

/** Spaces with the same UTF-8 byte length as `s`, so byte offsets after it do not move. */
function blank(s: string): string {
  return ' '.repeat(Buffer.byteLength(s, 'utf8'));
}

// --- recovery -----------------------------------------------------------------------------

/**
 * The statements of `region` (the rest of the file from a statement boundary, the whole file when
 * its base is 0, or a piece of a big file), which does not parse as a whole: split at its top-level
 * `;` and parsed chunk by chunk. With `closed` (a piece), the statements are undefined unless the
 * region ends with a top-level `;` and no chunk in it failed for want of what follows (`BEGIN
 * ATOMIC` bodies): the whole file's recovery would then have cut and read it the same way.
 */
function recover(
  parseText: string,
  text: string,
  map: OffsetMap,
  region: Chunk,
  regionText: string,
  failure: { message: string; cursor: number },
  firstIndex: number,
  closed = false,
): { statements: Statement[] | undefined } {
  const scanned = scanSql(regionText);
  if (!scanned) {
    // The lexer itself gave up (an unterminated quote or comment): Postgres would read the rest
    // of the file as part of it too, so the rest is one unparseable statement.
    return { statements: closed ? undefined : [parseErrorStatement(firstIndex, region, text, map, failure, regionText, undefined)] };
  }
  const tokens = region.base === 0 ? scanned : scanned.map((t) => ({ ...t, start: t.start + region.base, end: t.end + region.base }));
  const chunks = chunksAtSemicolons(tokens, region.base, region.end);
  if (closed && (chunks.length === 0 || chunks[chunks.length - 1]!.end !== region.end || chunks[chunks.length - 1]!.open)) return { statements: undefined };
  const bytes = Buffer.from(parseText, 'utf8');
  const statements: Statement[] = [];
  // Chunks and tokens are both in file order: one moving index finds each chunk's tokens.
  let firstToken = 0;
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const sql = bytes.toString('utf8', chunk.base, chunk.end);
    const parsed = parseSql(sql);
    if (parsed.ok) {
      statements.push(...shifted(parsed.stmts, chunk, parseText, text, map, firstIndex + statements.length));
      continue;
    }
    // `BEGIN ATOMIC … END` bodies hold semicolons the scanner cannot see as inner: when a piece
    // ends too early ("at end of input"), try it joined with the next pieces before giving up.
    let merged = false;
    const endOfInput = /end of input/.test(parsed.message);
    if (endOfInput) {
      for (let j = i + 1; j < Math.min(chunks.length, i + 16); j++) {
        const joined = { base: chunk.base, end: chunks[j]!.end };
        const retry = parseSql(bytes.toString('utf8', joined.base, joined.end));
        if (retry.ok) {
          statements.push(...shifted(retry.stmts, joined, parseText, text, map, firstIndex + statements.length));
          i = j;
          merged = true;
          break;
        }
      }
    }
    if (!merged) {
      // In a piece, the joins might have reached past its end: the whole file's reading may differ.
      if (closed && endOfInput) return { statements: undefined };
      while (firstToken < tokens.length && tokens[firstToken]!.start < chunk.base) firstToken++;
      let endToken = firstToken;
      while (endToken < tokens.length && tokens[endToken]!.end <= chunk.end) endToken++;
      const tokensOfChunk = tokens.slice(firstToken, endToken);
      if (tokensOfChunk.every(isComment)) continue;
      statements.push(parseErrorStatement(firstIndex + statements.length, chunk, text, map, parsed, sql, tokensOfChunk));
    }
  }
  return { statements };
}

/**
 * Byte ranges between top-level `;` tokens (parentheses track CREATE RULE's `(a; b)` lists); code
 * after the last one is a final chunk marked `open`.
 */
function chunksAtSemicolons(tokens: Token[], from: number, byteLength: number): Chunk[] {
  const chunks: Chunk[] = [];
  let depth = 0;
  let base = from;
  for (const token of tokens) {
    if (token.text === '(') depth++;
    else if (token.text === ')') depth = Math.max(0, depth - 1);
    else if (token.text === ';' && depth === 0) {
      chunks.push({ base, end: token.end });
      base = token.end;
    }
  }
  if (tokens.some((t) => t.start >= base && !isComment(t))) chunks.push({ base, end: byteLength, open: true });
  return chunks;
}

function shifted(stmts: RawStmt[], chunk: Chunk, parseText: string, text: string, map: OffsetMap, firstIndex: number): Statement[] {
  if (chunk.base > 0) for (const raw of stmts) shiftLocations(raw.stmt, chunk.base);
  const moved = stmts.map((raw) => ({ ...raw, stmt_location: (raw.stmt_location ?? 0) + chunk.base }));
  return toStatements(moved, chunk.base, chunk.end, parseText, text, map, firstIndex);
}

/** Make every node `location` a file offset instead of an offset into the chunk. */
function shiftLocations(node: unknown, by: number): void {
  if (Array.isArray(node)) {
    for (const item of node) shiftLocations(item, by);
  } else if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (key === 'location' && typeof value === 'number' && value >= 0) record[key] = value + by;
      else if (value && typeof value === 'object') shiftLocations(value, by);
    }
  }
}

function parseErrorStatement(
  index: number,
  chunk: Chunk,
  text: string,
  map: OffsetMap,
  failure: { message: string; cursor: number },
  chunkSql: string,
  tokens: Token[] | undefined,
): Statement {
  const code = tokens?.filter((t) => !isComment(t) && t.text !== ';') ?? [];
  const startByte = code.length > 0 ? code[0]!.start : chunk.base;
  const endByte = code.length > 0 ? code[code.length - 1]!.end : chunk.end;
  const start = map.fromByte(startByte);
  const end = Math.max(start, map.fromByte(endByte));
  // Postgres counts the cursor in characters from the start of the string it was given.
  const errorOffset =
    failure.cursor >= 0 ? map.fromByte(chunk.base) + codePointsToUtf16(chunkSql, failure.cursor) : start;
  return {
    index,
    kind: 'ParseError',
    node: {},
    start,
    end,
    text: text.slice(start, end),
    // An error "at or near ";"" points at the statement's own `;`, just past its range: kept there.
    error: { message: failure.message, offset: Math.min(Math.max(errorOffset, start), text[errorOffset] === ';' ? errorOffset : Math.max(end, start)) },
  };
}

// --- raw statements → Statement -----------------------------------------------------------

function toStatements(
  stmts: RawStmt[],
  _chunkBase: number,
  chunkEnd: number,
  parseText: string,
  text: string,
  map: OffsetMap,
  firstIndex = 0,
): Statement[] {
  const out: Statement[] = [];
  for (const raw of stmts) {
    if (!raw.stmt) continue;
    const kind = Object.keys(raw.stmt)[0]!;
    const startByte = raw.stmt_location ?? 0;
    const endByte = raw.stmt_len !== undefined ? startByte + raw.stmt_len : lastCodeByte(parseText, map, startByte, chunkEnd);
    const start = map.fromByte(startByte);
    const end = trimEnd(text, start, map.fromByte(endByte));
    out.push({ index: firstIndex + out.length, kind, node: raw.stmt[kind] as AstNode, start, end, text: text.slice(start, end) });
  }
  return out;
}

/** End of the last non-comment token in [from, to) — a final statement without `;` has no length. */
function lastCodeByte(parseText: string, map: OffsetMap, from: number, to: number): number {
  const startU = map.fromByte(from);
  const endU = map.fromByte(to);
  const tail = parseText.slice(startU, endU);
  if (!tail.includes('--') && !tail.includes('/*')) return map.toByte(trimEnd(parseText, startU, endU));
  const tokens = scanSql(tail);
  const code = tokens?.filter((t) => !isComment(t) && t.text !== ';');
  if (!code || code.length === 0) return to;
  return from + code[code.length - 1]!.end;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s|;/.test(text[end - 1]!)) end--;
  return end;
}

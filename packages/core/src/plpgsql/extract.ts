// The entry: a parsed top-level statement in, the SQL its PL/pgSQL body runs out, each statement
// parsed by the SQL parser with a map from its bytes to the file. Layers of the map, innermost
// first: statement text → body (a shift; PERFORM's `SELECT` swap; an EXECUTE string's quoting and
// `format()`), body → statement text (the body literal's quoting), statement text → file (UTF-16).
// Nothing here throws on bad input: what cannot be read becomes a `problem` with a position.

import type { AstNode, Range, Statement } from '../types.js';
import { createByteMap } from '../offsets.js';
import { parseSql, scanSql, type Token } from '../parser.js';
import { foldExecute } from './constant-execute.js';
import { findBody, type BodySource } from './find-body.js';
import { parsePlpgsql } from './parse-plpgsql.js';
import { BodyTexts } from './locate-texts.js';
import { composeMappers, SegmentList, shiftMapper, type OffsetMapper } from './offset-map.js';
import type { EmbeddedStatement, BodyEnclosure, PlpgsqlBody, PlpgsqlProblem, BodyRuns, EmbeddedVia } from './types.js';
import { BodyWalker, type BodyItem } from './walk-body.js';

/** Deep enough for a DO that creates a function that EXECUTEs a DO; deeper is not followed. */
const MAX_DEPTH = 4;

/**
 * What a `DO` block or a `CREATE FUNCTION/PROCEDURE … LANGUAGE plpgsql` runs; undefined for any
 * other statement. Needs the parser loaded (`await loadParser()`), as every synchronous parse does.
 */
export function extractPlpgsql(statement: Statement): PlpgsqlBody | undefined {
  if (statement.kind !== 'DoStmt' && statement.kind !== 'CreateFunctionStmt') return undefined;
  const local = createByteMap(statement.text);
  const toFile: OffsetMapper = {
    start: (b) => statement.start + local.fromByte(b),
    end: (b) => statement.start + local.fromByte(b),
    exact: () => true,
  };
  return extractFrom(statement.text, statement.kind, statement.node, toFile, 'now', 0);
}

function extractFrom(text: string, kind: string, node: AstNode, toFile: OffsetMapper, outerRuns: BodyRuns, depth: number): PlpgsqlBody | undefined {
  const found = findBody(kind, node, text);
  if (!found) return undefined;
  const runs: BodyRuns = found.kind === 'do' ? outerRuns : 'later';
  const whole = { start: toFile.start(0), end: toFile.end(Buffer.byteLength(text)) };
  const token = found.token;
  const literal = found.literal;
  const body: PlpgsqlBody = {
    kind: found.kind,
    ...(found.name ? { name: found.name } : {}),
    runs,
    quoting: literal?.ok ? literal.quoting : 'standard',
    range: token ? { start: toFile.start(token.start), end: toFile.end(token.end) } : whole,
    statements: [],
    dynamic: [],
    problems: [],
  };
  if (!token || !literal?.ok || literal.value !== found.value) {
    const reason = !token ? 'a body whose string constant was not found' : !literal?.ok ? literal!.reason : 'a string constant not read as the parser reads it';
    body.problems.push({ kind: 'unsupported-quoting', message: `The body is ${reason}; its statements are not read.`, range: body.range });
    return body;
  }
  // Body bytes → statement text bytes → file.
  const bodyMap = composeMappers(composeMappers(literal.segments.mapper(), shiftMapper(token.start)), toFile);
  const valueBytes = Buffer.byteLength(found.value);
  body.range = { start: bodyMap.start(0), end: bodyMap.end(valueBytes) };
  const fileRange = (start: number, end: number): Range => ({ start: bodyMap.start(start), end: bodyMap.end(end) });

  const action = parseBody(text, found, body, fileRange);
  if (!action) return body;
  const texts = new BodyTexts(found.value);
  const walker = new BodyWalker(texts, fileRange);
  walker.walk([action], []);
  const reader = new ItemReader(body, bodyMap, fileRange, depth);
  for (const item of walker.items) reader.read(item);
  return body;
}

/** The function's top block, or undefined with a `body-syntax` problem. */
function parseBody(text: string, found: BodySource, body: PlpgsqlBody, fileRange: (s: number, e: number) => Range): AstNode | undefined {
  const parsed = parsePlpgsql(text);
  if (parsed.ok) return parsed.action;
  body.problems.push({ kind: 'body-syntax', message: parsed.message, range: nearRange(parsed.message, found.value, fileRange) ?? body.range });
  return undefined;
}

/**
 * The PL/pgSQL parser's errors carry no position, only `at or near "token"`. When exactly one
 * body token is spelled so, that is where the error is; otherwise the whole body is given.
 */
function nearRange(message: string, value: string, fileRange: (s: number, e: number) => Range): Range | undefined {
  const near = /at or near "(.*)"$/.exec(message)?.[1];
  if (!near) return undefined;
  const matches = (scanSql(value) ?? []).filter((t) => t.text === near);
  return matches.length === 1 ? fileRange(matches[0]!.start, matches[0]!.end) : undefined;
}

/** Turns the walker's items into parsed statements, dynamic EXECUTEs and problems. */
class ItemReader {
  constructor(
    private readonly body: PlpgsqlBody,
    private readonly bodyMap: OffsetMapper,
    private readonly fileRange: (s: number, e: number) => Range,
    private readonly depth: number,
  ) {}

  read(item: BodyItem): void {
    if (item.type === 'unlocated') {
      this.body.problems.push({
        kind: 'unlocated',
        message: `A statement of the body could not be found in its text, so it is not read: ${preview(item.text)}`,
        range: this.fileRange(item.start, item.end),
      });
      return;
    }
    if (item.type === 'statement') {
      this.parsed(item.text, this.statementMap(item), item.via, item.enclosures);
      return;
    }
    const exprStart = item.start;
    const exprRange = this.fileRange(exprStart, exprStart + Buffer.byteLength(item.expression));
    const folded = foldExecute(item.expression);
    if (!folded.ok) {
      this.body.dynamic.push({ expression: item.expression, range: exprRange, reason: folded.reason, runs: this.body.runs, enclosures: item.enclosures, ...guardOf(item.enclosures) });
      return;
    }
    const map = composeMappers(composeMappers(folded.segments.mapper(), shiftMapper(exprStart)), this.bodyMap);
    this.parsed(folded.text, map, 'execute', item.enclosures, folded.placeholders);
  }

  /** Statement text bytes → file. PERFORM's `SELECT` stands for the PERFORM keyword. */
  private statementMap(item: Extract<BodyItem, { type: 'statement' }>): OffsetMapper {
    if (item.performEnd === undefined) return composeMappers(shiftMapper(item.start), this.bodyMap);
    const swap = new SegmentList();
    swap.stand('SELECT'.length, item.start, item.performEnd);
    swap.copy(item.performEnd, Buffer.byteLength(item.text) - 'SELECT'.length);
    return composeMappers(swap.mapper(), this.bodyMap);
  }

  private parsed(source: string, map: OffsetMapper, via: EmbeddedVia, enclosures: BodyEnclosure[], placeholders: string[] = []): void {
    const parsed = parseSql(source);
    if (!parsed.ok) {
      const at = parsed.cursor >= 0 ? Buffer.byteLength([...source].slice(0, parsed.cursor).join('')) : 0;
      const problem: PlpgsqlProblem = { kind: 'statement-syntax', message: parsed.message, range: { start: map.start(at), end: map.end(Math.max(at + 1, 0)) } };
      this.body.problems.push(problem);
      return;
    }
    const bytes = Buffer.from(source, 'utf8');
    const tokens = new SourceTokens(source);
    for (const raw of parsed.stmts) {
      if (!raw.stmt) continue;
      const kind = Object.keys(raw.stmt)[0]!;
      const node = raw.stmt[kind] as AstNode;
      const startByte = raw.stmt_location ?? 0;
      const endByte = raw.stmt_len !== undefined ? startByte + raw.stmt_len : trimmedEnd(bytes, startByte);
      const text = bytes.toString('utf8', startByte, endByte);
      const range = spanOf(map, startByte, endByte);
      const rangeAt = (location: number): Range => {
        const span = tokens.nameAt(location);
        if (!span) return range;
        const whole = { start: map.start(span.start), end: map.end(span.end) };
        // A `"{schema}".table` span runs from a format() argument back into the template: keep its first token.
        return whole.end > whole.start ? whole : spanOf(map, span.start, span.firstEnd);
      };
      const statement: EmbeddedStatement = {
        kind,
        node,
        text,
        source,
        range,
        via,
        runs: this.body.runs,
        enclosures,
        ...guardOf(enclosures),
        precision: map.exact(startByte, endByte) ? 'exact' : 'approximate',
        ...(placeholders.length > 0 ? { placeholders } : {}),
        fileOffset: (location) => map.start(location),
        rangeAt,
      };
      if (this.depth < MAX_DEPTH && (kind === 'DoStmt' || kind === 'CreateFunctionStmt')) {
        const nested = extractFrom(text, kind, node, composeMappers(shiftMapper(startByte), map), this.body.runs, this.depth + 1);
        if (nested) statement.nested = nested;
      }
      this.body.statements.push(statement);
    }
  }
}

/** The tokens of a parsed source, scanned the first time a finding asks for a position. */
class SourceTokens {
  private tokens: Token[] | undefined;
  private readonly byStart = new Map<number, number>();

  constructor(private readonly source: string) {}

  /** Byte span of the token at `location`, extended over `.name` parts as core's Locator does. */
  nameAt(location: number): { start: number; end: number; firstEnd: number } | undefined {
    if (!this.tokens) {
      this.tokens = scanSql(this.source) ?? [];
      this.tokens.forEach((t, i) => this.byStart.set(t.start, i));
    }
    const at = this.byStart.get(location);
    if (at === undefined) return undefined;
    let last = at;
    while (this.tokens[last + 1]?.text === '.' && this.tokens[last + 2] && /^[A-Za-z_"\u0080-\uffff]/.test(this.tokens[last + 2]!.text)) last += 2;
    return { start: this.tokens[at]!.start, end: this.tokens[last]!.end, firstEnd: this.tokens[at]!.end };
  }
}

/** The innermost catalog guard, as a spreadable property. */
function guardOf(enclosures: readonly BodyEnclosure[]): { guard?: NonNullable<Extract<BodyEnclosure, { kind: 'if' }>['guard']> } {
  for (let i = enclosures.length - 1; i >= 0; i--) {
    const e = enclosures[i]!;
    if (e.kind === 'if' && e.guard) return { guard: e.guard };
  }
  return {};
}

/**
 * The file range of source bytes [start, end). format() puts arguments after the template in the
 * text but before or after it in the file, so the two ends may come out in either order.
 */
function spanOf(map: OffsetMapper, start: number, end: number): Range {
  const a = map.start(start);
  const b = map.end(end);
  return a <= b ? { start: a, end: b } : { start: map.start(end > start ? end - 1 : start), end: map.end(start + 1) };
}

/** End of a final statement without `stmt_len`: before trailing blanks and `;`. */
function trimmedEnd(bytes: Buffer, start: number): number {
  let end = bytes.length;
  while (end > start && (bytes[end - 1] === 0x3b || bytes[end - 1]! <= 0x20)) end--;
  return end;
}

function preview(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
}

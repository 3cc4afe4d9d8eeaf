// Where a finding points, in UTF-16 offsets: a statement, an explicit range, or an AST node.
// Nodes carry only a start `location` (a UTF-8 byte offset); the end is the end of the token there,
// extended over `.name` parts so `public.users` is underlined whole.

import type { Range, ReportTarget, SqlToken, Statement } from './types.js';
import type { OffsetMap } from './offsets.js';
import { isComment, scanSql, type Token } from './parser.js';
import { lastStartingAtOrBefore } from './statement-index.js';

export class Locator {
  // Only the tokens rules asked for are kept. Scanner tokens are not: scanning a statement again
  // costs less than keeping two token objects per token of a big file for the whole run.
  private readonly publicTokens = new WeakMap<Statement, readonly SqlToken[]>();

  constructor(
    private readonly parseText: string,
    private readonly map: OffsetMap,
    private readonly statements: readonly Statement[],
  ) {}

  rangeOf(target: ReportTarget | undefined, fallback: Statement | undefined): Range {
    if (target === undefined) return fallback ? { start: fallback.start, end: fallback.end } : { start: 0, end: 0 };
    if (isStatement(target)) return { start: target.start, end: target.end };
    if (typeof target.start === 'number' && typeof target.end === 'number' && !('location' in target)) {
      return { start: target.start, end: target.end };
    }
    const location = (target as { location?: unknown }).location;
    if (typeof location !== 'number' || location < 0) return this.rangeOf(undefined, fallback);
    // A node of a statement from a PL/pgSQL body: its location is a byte offset in the body's SQL.
    if (fallback?.nested) return fallback.nested.embedded.rangeAt(location);
    return this.tokenRange(location) ?? this.rangeOf(undefined, fallback);
  }

  /** Public tokens of a statement: UTF-16 file offsets, comments dropped, names folded. */
  tokensOf(statement: Statement): readonly SqlToken[] {
    // Several rules ask for the same statement's tokens: convert once. Frozen, as they are shared.
    let tokens = this.publicTokens.get(statement);
    if (!tokens && statement.nested) {
      tokens = Object.freeze(nestedTokens(statement));
      this.publicTokens.set(statement, tokens);
    }
    if (!tokens) {
      const raw = this.scan(statement) ?? [];
      const base = this.map.toByte(statement.start);
      tokens = Object.freeze(raw.filter((t) => !isComment(t)).map((t) => toSqlToken(t, this.map.fromByte(base + t.start), this.map.fromByte(base + t.end))));
      this.publicTokens.set(statement, tokens);
    }
    return tokens;
  }

  private scan(statement: Statement): Token[] | undefined {
    return scanSql(this.parseText.slice(statement.start, statement.end));
  }

  private tokenRange(byteLocation: number): Range | undefined {
    const start = this.map.fromByte(byteLocation);
    const statement = this.statementAt(start);
    if (!statement) return undefined;
    return this.windowRange(start, statement) ?? this.statementTokenRange(byteLocation, start, statement);
  }

  /** The statement whose range holds `offset` (an empty one holds its start). */
  private statementAt(offset: number): Statement | undefined {
    const s = this.statements[lastStartingAtOrBefore(this.statements, offset)];
    return s && offset < Math.max(s.end, s.start + 1) ? s : undefined;
  }

  /**
   * Most reports point at a name: scanning a short window from it finds its end without scanning
   * the whole statement (a CREATE TABLE can be thousands of tokens). Undefined when the window
   * might cut the token (or a `schema.name` chain) short: then the whole statement is scanned.
   */
  private windowRange(start: number, statement: Statement): Range | undefined {
    const end = Math.min(statement.end, start + WINDOW);
    const tokens = scanSql(this.parseText.slice(start, end));
    if (!tokens || tokens.length === 0 || tokens[0]!.start !== 0) return undefined;
    let last = 0;
    while (tokens[last + 1]?.text === '.' && tokens[last + 2] && /^[A-Za-z_"\u0080-\uffff]/.test(tokens[last + 2]!.text)) last += 2;
    // The chain must end before the window does, with a token after it, unless the statement ends there.
    if (end < statement.end && last + 1 >= tokens.length) return undefined;
    const base = this.map.toByte(start);
    return { start, end: this.map.fromByte(base + tokens[last]!.end) };
  }

  private statementTokenRange(byteLocation: number, start: number, statement: Statement): Range | undefined {
    const base = this.map.toByte(statement.start);
    const tokens = this.scan(statement);
    if (!tokens) return undefined;
    const at = tokens.findIndex((t) => t.start === byteLocation - base);
    if (at === -1) return undefined;
    let last = at;
    while (tokens[last + 1]?.text === '.' && tokens[last + 2] && /^[A-Za-z_"\u0080-\uffff]/.test(tokens[last + 2]!.text)) last += 2;
    return { start, end: this.map.fromByte(base + tokens[last]!.end) };
  }
}

/** Tokens of a statement from a PL/pgSQL body, placed in the file through the body's byte map. */
function nestedTokens(statement: Statement): SqlToken[] {
  const { embedded } = statement.nested!;
  // `text` is a slice of `source`, the text whose byte offsets the map takes.
  const base = Buffer.byteLength(embedded.source.slice(0, Math.max(0, embedded.source.indexOf(statement.text))));
  const raw = scanSql(statement.text) ?? [];
  return raw
    .filter((t) => !isComment(t))
    .map((t) => {
      const start = embedded.fileOffset(base + t.start);
      return toSqlToken(t, start, Math.max(start, embedded.fileOffset(base + t.end)));
    });
}

export function isStatement(target: ReportTarget): target is Statement {
  return typeof (target as Statement).index === 'number' && typeof (target as Statement).kind === 'string' && typeof (target as Statement).text === 'string';
}

/** UTF-16 units scanned around a node's location to find its token's end. */
const WINDOW = 200;

const KEYWORD_KINDS: Record<number, SqlToken['keyword']> = { 1: 'unreserved', 2: 'column-name', 3: 'type-function-name', 4: 'reserved' };

// Object literals, not spreads: every token of a run goes through here (a spread builds each object
// property by property, and was the costliest line of token reading once the lexer was fast).
function toSqlToken(token: Token, start: number, end: number): SqlToken {
  const text = token.text;
  if (token.keywordKind > 0) return { text, start, end, kind: 'keyword', keyword: KEYWORD_KINDS[token.keywordKind]!, value: text.toLowerCase() };
  switch (token.tokenName) {
    case 'IDENT':
      // "Quoted" names keep their case and undouble inner quotes; bare names fold to lower case.
      return { text, start, end, kind: 'identifier', value: text.charCodeAt(0) === 34 ? text.slice(1, -1).replaceAll('""', '"') : text.toLowerCase() };
    case 'SCONST':
      return { text, start, end, kind: 'string', value: text };
    case 'ICONST':
    case 'FCONST':
      return { text, start, end, kind: 'number', value: text };
    case 'PARAM':
      return { text, start, end, kind: 'parameter', value: text };
    default:
      // libpg-query's scanner names U&"…" names and B'…', X'…', U&'…' strings only 'UNKNOWN', like operators.
      if (PREFIXED_NAME.test(text)) return { text, start, end, kind: 'identifier', value: text };
      if (PREFIXED_STRING.test(text)) return { text, start, end, kind: 'string', value: text };
      return { text, start, end, kind: text.length === 1 && PUNCTUATION.includes(text) ? 'punctuation' : 'operator', value: text };
  }
}

const PREFIXED_NAME = /^[Uu]&"/;
const PREFIXED_STRING = /^(?:[BbXx]|[Uu]&)'/;

const PUNCTUATION = '(),;.[]:';

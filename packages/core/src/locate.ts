// Where a finding points, in UTF-16 offsets: a statement, an explicit range, or an AST node.
// Nodes carry only a start `location` (a UTF-8 byte offset); the end is the end of the token there,
// extended over `.name` parts so `public.users` is underlined whole.

import type { Range, ReportTarget, Statement } from './types.js';
import type { OffsetMap } from './offsets.js';
import { scanSql, type Token } from './parser.js';

export class Locator {
  private readonly tokens = new WeakMap<Statement, Token[] | undefined>();

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
    return this.tokenRange(location) ?? this.rangeOf(undefined, fallback);
  }

  private tokenRange(byteLocation: number): Range | undefined {
    const start = this.map.fromByte(byteLocation);
    const statement = this.statements.find((s) => s.start <= start && start < Math.max(s.end, s.start + 1));
    if (!statement) return undefined;
    const base = this.map.toByte(statement.start);
    let tokens = this.tokens.get(statement);
    if (!this.tokens.has(statement)) {
      tokens = scanSql(this.parseText.slice(statement.start, statement.end));
      this.tokens.set(statement, tokens);
    }
    if (!tokens) return undefined;
    const at = tokens.findIndex((t) => t.start === byteLocation - base);
    if (at === -1) return undefined;
    let last = at;
    while (tokens[last + 1]?.text === '.' && tokens[last + 2] && /^[A-Za-z_"\u0080-\uffff]/.test(tokens[last + 2]!.text)) last += 2;
    return { start, end: this.map.fromByte(base + tokens[last]!.end) };
  }
}

export function isStatement(target: ReportTarget): target is Statement {
  return typeof (target as Statement).index === 'number' && typeof (target as Statement).kind === 'string' && typeof (target as Statement).text === 'string';
}

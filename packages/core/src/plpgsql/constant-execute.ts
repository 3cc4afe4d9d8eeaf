// The text an `EXECUTE <expression>` runs, when it is known before run time: a string constant,
// constants joined by `||`, or `format()` with a constant template and constant arguments
// (`%s`, `%I`, `%L`, `%%`, `%n$…`). The expression is parsed by the SQL parser (as
// `SELECT <expression>`) and folded from its tree; anything else (a variable, another function,
// a `%-10s` width) is dynamic, with the reason.
//
// Precision of the positions (segments from the folded text to the expression's bytes): the
// characters of a string constant map exactly to where they are written (escapes and `''` to the
// escape); a value substituted by `format()` maps to the whole argument constant.

import type { AstNode } from '../types.js';
import { parseSql, scanSql, type Token } from '../parser.js';
import { SegmentList } from './offset-map.js';
import { decodeStringLiteral } from './string-literal.js';

export type Folded = { ok: true; text: string; segments: SegmentList } | { ok: false; reason: string };

const PREFIX = 'SELECT ';
/** `%[n$][flags][width]type`, read where a `%` was found (sticky). */
const SPECIFIER = /%(?:(\d+)\$)?([-\d*]*)([sIL%]?)/y;

export function foldExecute(expression: string): Folded {
  const parsed = parseSql(PREFIX + expression);
  if (!parsed.ok || parsed.stmts.length !== 1) return { ok: false, reason: 'the expression does not parse on its own' };
  const target = (parsed.stmts[0]!.stmt?.SelectStmt as AstNode | undefined)?.targetList as AstNode[] | undefined;
  if (!target || target.length !== 1) return { ok: false, reason: 'the expression does not parse on its own' };
  return new Folder(expression).fold(target[0]!.ResTarget.val as AstNode);
}

interface Value {
  /** null is SQL NULL. */
  text: string | null;
  segments: SegmentList;
  /** The constant's span in the expression (bytes), for substituted values. */
  start: number;
  end: number;
}

class Folder {
  private tokens: Token[] | undefined;
  private readonly byStart = new Map<number, Token>();
  private readonly prefix = Buffer.byteLength(PREFIX);

  constructor(private readonly expression: string) {}

  fold(node: AstNode): Folded {
    const value = this.value(node);
    if (typeof value === 'string') return { ok: false, reason: value };
    if (value.text === null) return { ok: false, reason: 'the text is NULL' };
    return { ok: true, text: value.text, segments: value.segments };
  }

  /** A constant value, or why the node is not one. */
  private value(node: AstNode): Value | string {
    if (node.A_Const) return this.constant(node.A_Const);
    if (node.TypeCast) return this.value(node.TypeCast.arg);
    if (node.A_Expr?.kind === 'AEXPR_OP' && nameOf(node.A_Expr.name) === '||') {
      const left = this.value(node.A_Expr.lexpr);
      if (typeof left === 'string') return left;
      const right = this.value(node.A_Expr.rexpr);
      if (typeof right === 'string') return right;
      if (left.text === null || right.text === null) return 'the text is NULL';
      const segments = new SegmentList();
      segments.append(left.segments);
      segments.append(right.segments);
      return { text: left.text + right.text, segments, start: left.start, end: right.end };
    }
    if (node.FuncCall && nameOf(node.FuncCall.funcname) === 'format') return this.format(node.FuncCall);
    if (node.ColumnRef) return `the variable ${columnName(node.ColumnRef)}`;
    if (node.FuncCall) return `the call to ${nameOf(node.FuncCall.funcname)}()`;
    return 'an expression computed at run time';
  }

  private constant(constant: AstNode): Value | string {
    const token = this.tokenAt(constant.location as number);
    if (!token) return 'a constant that could not be located';
    const start = token.start;
    const end = token.end;
    if (constant.isnull) return { text: null, segments: new SegmentList(), start, end };
    if (constant.sval) {
      const literal = decodeStringLiteral(token.text);
      if (!literal.ok) return literal.reason;
      if (literal.value !== (constant.sval.sval ?? '')) return 'a string whose quoting is not read';
      const segments = new SegmentList();
      for (const s of literal.segments.segments) {
        if (s.exact) segments.copy(start + s.to, s.length);
        else segments.stand(s.length, start + s.to, start + s.toEnd);
      }
      return { text: literal.value, segments, start, end };
    }
    // Numbers and booleans as format() arguments: their text is the token as written.
    const text = constant.ival ? String(constant.ival.ival ?? 0) : constant.fval ? constant.fval.fval : constant.boolval ? String(constant.boolval.boolval ?? false) : '0';
    const segments = new SegmentList();
    segments.stand(Buffer.byteLength(text), start, end);
    return { text, segments, start, end };
  }

  /** format(template, args…), as PostgreSQL's text_format() does it for %s, %I, %L and %%. */
  private format(call: AstNode): Value | string {
    const args = ((call.args ?? []) as AstNode[]).map((a) => this.value(a));
    const reason = args.find((a): a is string => typeof a === 'string');
    if (reason !== undefined) return reason;
    const [template, ...values] = args as Value[];
    if (!template || template.text === null) return 'format() without a template';
    const out: string[] = [];
    const segments = new SegmentList();
    const text = template.text;
    const templateMap = template.segments.mapper();
    let byte = 0; // byte offset in the template's value
    let next = 0; // the next argument for a specifier without n$
    for (let i = 0; i < text.length; ) {
      const percent = text.indexOf('%', i);
      const literalEnd = percent === -1 ? text.length : percent;
      const chunk = text.slice(i, literalEnd);
      if (chunk) {
        out.push(chunk);
        template.segments.slice(byte, Buffer.byteLength(chunk), segments);
        byte += Buffer.byteLength(chunk);
      }
      if (percent === -1) break;
      SPECIFIER.lastIndex = percent;
      const spec = SPECIFIER.exec(text)!;
      const [whole, position, flags, type] = spec;
      if (type === '%' && !position && !flags) {
        out.push('%');
        segments.stand(1, templateMap.start(byte), templateMap.end(byte + 2));
      } else {
        if (flags || !type) return `a format() specifier ${whole}${type ? '' : text[percent + whole.length] ?? ''} that is not read`;
        const index = position ? Number(position) - 1 : next;
        next = index + 1;
        const value = values[index];
        if (!value) return 'format() with too few arguments';
        const piece = substitute(type, value.text);
        if (piece === undefined) return 'format() %I of NULL';
        out.push(piece);
        segments.stand(Buffer.byteLength(piece), value.start, value.end);
      }
      byte += Buffer.byteLength(whole);
      i = percent + whole.length;
    }
    return { text: out.join(''), segments, start: template.start, end: template.end };
  }

  /** The expression token starting at a parse-tree location (which counts the `SELECT ` prefix). */
  private tokenAt(location: number): Token | undefined {
    if (!this.tokens) {
      this.tokens = scanSql(this.expression) ?? [];
      for (const t of this.tokens) this.byStart.set(t.start, t);
    }
    return this.byStart.get(location - this.prefix);
  }
}

function substitute(type: string, value: string | null): string | undefined {
  if (type === 's') return value ?? '';
  if (type === 'L') return value === null ? 'NULL' : quoteLiteral(value);
  return value === null ? undefined : quoteIdent(value);
}

/** PostgreSQL's quote_literal(): `E'…'` when the value holds a backslash. */
function quoteLiteral(value: string): string {
  const quoted = value.replaceAll("'", "''");
  return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

/** PostgreSQL's quote_identifier(): bare only when lower-case letters, digits, `_`, and not a keyword (but unreserved). */
function quoteIdent(value: string): string {
  const plain = /^[a-z_][a-z0-9_]*$/.test(value);
  if (plain) {
    const token = scanSql(value)?.[0];
    if (!token || token.keywordKind <= 1) return value;
  }
  return `"${value.replaceAll('"', '""')}"`;
}

function nameOf(names: unknown): string | undefined {
  const list = (names ?? []) as AstNode[];
  return list[list.length - 1]?.String?.sval;
}

function columnName(ref: AstNode): string {
  return ((ref.fields ?? []) as AstNode[]).map((f) => f.String?.sval ?? '*').join('.');
}

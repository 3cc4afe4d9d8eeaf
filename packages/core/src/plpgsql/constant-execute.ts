// The text an `EXECUTE <expression>` runs, when it is known before run time: a string constant,
// constants joined by `||`, or `format()` with a constant template and constant arguments
// (`%s`, `%I`, `%L`, `%%`, `%n$…`), `quote_ident()` / `quote_literal()` of constants. The
// expression is parsed by the SQL parser (as `SELECT <expression>`) and folded from its tree;
// anything else (a variable spliced in raw, another function, a `%-10s` width) is dynamic, with the
// reason.
//
// One step further, because real migrations loop over tenant schemas with
// `EXECUTE format('ALTER TABLE %I.t DROP COLUMN c', schema_name)`: a variable quoted as an
// identifier (`%I`, `quote_ident(v)`) or a literal (`%L`, `quote_literal(v)`) can only be one
// name or one constant, so the statement's shape is known. It becomes a placeholder written
// `"{v}"` / `'{v}'` and the folded text lists it in `placeholders`: rules can read the shape,
// the replay must not take the names.
//
// Precision of the positions (segments from the folded text to the expression's bytes): the
// characters of a string constant map exactly to where they are written (escapes and `''` to the
// escape); a value substituted by `format()` or a placeholder maps to the whole argument.

import type { AstNode } from '../types.js';
import { parseSql, scanSql, type Token } from '../parser.js';
import { SegmentList } from './offset-map.js';
import { decodeStringLiteral } from './string-literal.js';

export type Folded = { ok: true; text: string; segments: SegmentList; placeholders: string[] } | { ok: false; reason: string };

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
  /** A variable, to be quoted into a placeholder (`"{name}"`); `text` is its name. */
  variable?: boolean;
}

class Folder {
  private tokens: Token[] | undefined;
  /** Token index by start byte. */
  private readonly byStart = new Map<number, number>();
  private readonly prefix = Buffer.byteLength(PREFIX);
  private readonly placeholders: string[] = [];

  constructor(private readonly expression: string) {}

  fold(node: AstNode): Folded {
    const value = this.value(node);
    if (typeof value === 'string') return { ok: false, reason: value };
    if (value.text === null) return { ok: false, reason: 'the text is NULL' };
    if (value.variable) return { ok: false, reason: `the variable ${value.text}` };
    return { ok: true, text: value.text, segments: value.segments, placeholders: this.placeholders };
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
      // A variable spliced in as is could be any text, even several statements.
      if (left.variable || right.variable) return `the variable ${left.variable ? left.text : right.text}`;
      const segments = new SegmentList();
      segments.append(left.segments);
      segments.append(right.segments);
      return { text: left.text + right.text, segments, start: left.start, end: right.end };
    }
    const fn = node.FuncCall && nameOf(node.FuncCall.funcname);
    if (fn === 'format') return this.format(node.FuncCall);
    if ((fn === 'quote_ident' || fn === 'quote_literal') && node.FuncCall.args?.length === 1) {
      const arg = this.value(node.FuncCall.args[0]);
      if (typeof arg === 'string') return arg;
      // Both are strict: of NULL they give NULL (format's %L gives the word NULL).
      const piece = arg.text === null ? undefined : this.quoted(fn === 'quote_ident' ? 'I' : 'L', arg);
      if (piece === undefined) return `${fn}(NULL)`;
      const segments = new SegmentList();
      segments.stand(Buffer.byteLength(piece), arg.start, arg.end);
      return { text: piece, segments, start: arg.start, end: arg.end };
    }
    if (node.ColumnRef) return this.variable(node.ColumnRef);
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
    if (template.variable) return `the variable ${template.text} (as the format() template)`;
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
        if (value.variable && type === 's') return `the variable ${value.text} (spliced in by %s)`;
        // `idx_%I_name`: a quoted name glued into another cannot stand for one placeholder.
        if (value.variable && (isNameChar(out[out.length - 1]?.slice(-1)) || isNameChar(text[percent + whole.length]))) {
          return `the variable ${value.text} (quoted into the middle of a name by %I)`;
        }
        const piece = this.quoted(type as 'I' | 'L' | 's', value);
        if (piece === undefined) return 'format() %I of NULL';
        out.push(piece);
        segments.stand(Buffer.byteLength(piece), value.start, value.end);
      }
      byte += Buffer.byteLength(whole);
      i = percent + whole.length;
    }
    return { text: out.join(''), segments, start: template.start, end: template.end };
  }

  /** A value as %I / %L / %s put it in the text (a variable as its placeholder); undefined for an identifier of NULL. */
  private quoted(type: 'I' | 'L' | 's', value: Value): string | undefined {
    if (value.variable) {
      this.placeholders.push(value.text!);
      return substitute(type === 'I' ? 'I' : 'L', `{${value.text}}`);
    }
    return substitute(type, value.text);
  }

  /** A variable (or record field) reference: usable only as a quoted placeholder. */
  private variable(ref: AstNode): Value | string {
    const first = this.tokenAt(ref.location as number);
    if (!first) return `the variable ${columnName(ref)}`;
    // The reference as written: its tokens up to the end of the `a.b` chain.
    const tokens = this.tokens!;
    let i = this.byStart.get(first.start)!;
    while (tokens[i + 1]?.text === '.' && tokens[i + 2]) i += 2;
    const name = columnName(ref);
    const segments = new SegmentList();
    segments.stand(Buffer.byteLength(name), first.start, tokens[i]!.end);
    return { text: name, segments, start: first.start, end: tokens[i]!.end, variable: true };
  }

  /** The expression token starting at a parse-tree location (which counts the `SELECT ` prefix). */
  private tokenAt(location: number): Token | undefined {
    if (!this.tokens) {
      this.tokens = scanSql(this.expression) ?? [];
      this.tokens.forEach((t, i) => this.byStart.set(t.start, i));
    }
    const index = this.byStart.get(location - this.prefix);
    return index === undefined ? undefined : this.tokens[index];
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

function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(c);
}

function nameOf(names: unknown): string | undefined {
  const list = (names ?? []) as AstNode[];
  return list[list.length - 1]?.String?.sval;
}

function columnName(ref: AstNode): string {
  return ((ref.fields ?? []) as AstNode[]).map((f) => f.String?.sval ?? '*').join('.');
}

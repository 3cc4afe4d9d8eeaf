// Walks a PL/pgSQL function tree (libpg-query's `PLpgSQL_function`) in source order: every text
// it holds is located in the body as it is met (see locate-texts.ts for why the order matters),
// and every SQL statement and EXECUTE comes out with what encloses it (IF branches with their
// condition, loops, exception blocks and handlers).

import type { AstNode, Range } from '../types.js';
import { catalogGuard, negateGuard } from './catalog-guard.js';
import type { BodyTexts } from './locate-texts.js';
import type { CatalogGuard, BranchCondition, BodyEnclosure, EmbeddedVia } from './types.js';

/** Something the body runs, with body byte offsets. */
export type BodyItem =
  | { type: 'statement'; via: EmbeddedVia; text: string; start: number; /** PERFORM keyword's end, for its `SELECT` swap */ performEnd?: number; enclosures: BodyEnclosure[] }
  | { type: 'execute'; expression: string; start: number; enclosures: BodyEnclosure[] }
  /** A text not found in the body; `start`/`end`: the body bytes of its line. */
  | { type: 'unlocated'; text: string; start: number; end: number };

type Stmt = Record<string, AstNode>;

export class BodyWalker {
  readonly items: BodyItem[] = [];

  constructor(
    private readonly texts: BodyTexts,
    /** File range of body bytes [start, end). */
    private readonly fileRange: (start: number, end: number) => Range,
  ) {}

  walk(statements: readonly Stmt[] | undefined, enclosures: BodyEnclosure[]): void {
    for (const statement of statements ?? []) this.statement(statement, enclosures);
  }

  private statement(wrapped: Stmt, enclosures: BodyEnclosure[]): void {
    const kind = Object.keys(wrapped)[0]!;
    const s = wrapped[kind]!;
    const line = s.lineno as number | undefined;
    switch (kind) {
      case 'PLpgSQL_stmt_block':
        return this.block(s, enclosures);
      case 'PLpgSQL_stmt_execsql':
        return this.sql('sql', s.sqlstmt, line, enclosures, { onLine: true, into: Boolean(s.into) });
      case 'PLpgSQL_stmt_perform':
        return this.perform(s.expr, line, enclosures);
      case 'PLpgSQL_stmt_call':
        return this.sql('call', s.expr, line, enclosures, { onLine: true });
      case 'PLpgSQL_stmt_if':
        return this.ifStatement(s, enclosures);
      case 'PLpgSQL_stmt_case':
        return this.caseStatement(s, enclosures);
      case 'PLpgSQL_stmt_loop':
        return this.loop('loop', s, enclosures);
      case 'PLpgSQL_stmt_while':
        this.condition(s.cond, line);
        return this.loop('while', s, enclosures);
      case 'PLpgSQL_stmt_fori':
        for (const bound of [s.lower, s.upper, s.step]) this.expression(bound, line);
        return this.loop('for', s, enclosures);
      case 'PLpgSQL_stmt_fors':
        this.sql('for-query', s.query, line, enclosures, {});
        return this.loop('for', s, enclosures);
      case 'PLpgSQL_stmt_forc':
        return this.loop('for', s, enclosures);
      case 'PLpgSQL_stmt_foreach_a':
        this.expression(s.expr, line);
        return this.loop('foreach', s, enclosures);
      case 'PLpgSQL_stmt_dynfors':
        this.execute(s.query, s.params, line, enclosures);
        return this.loop('for', s, enclosures);
      case 'PLpgSQL_stmt_dynexecute':
        return this.execute(s.query, s.params, line, enclosures);
      case 'PLpgSQL_stmt_return_query':
        if (s.query) return this.sql('return-query', s.query, line, enclosures, {});
        return this.execute(s.dynquery, s.params, line, enclosures);
      case 'PLpgSQL_stmt_open':
        if (s.query) return this.sql('open', s.query, line, enclosures, {});
        if (s.dynquery) this.execute(s.dynquery, undefined, line, enclosures);
        return;
      case 'PLpgSQL_stmt_assign':
      case 'PLpgSQL_stmt_return':
      case 'PLpgSQL_stmt_return_next':
        return this.expression(s.expr, line);
      case 'PLpgSQL_stmt_exit':
      case 'PLpgSQL_stmt_assert':
        return this.expression(s.cond, line);
      default:
        // RAISE, GET DIAGNOSTICS, FETCH, CLOSE, COMMIT, ROLLBACK, NULL: no SQL statement inside.
        return;
    }
  }

  private block(s: AstNode, enclosures: BodyEnclosure[]): void {
    // Declarations (defaults, cursor queries) come before BEGIN: statements are searched after it.
    this.texts.skipKeyword('begin', s.lineno);
    const handlers = (s.exceptions?.PLpgSQL_exception_block?.exc_list ?? []) as Stmt[];
    if (handlers.length === 0) return this.walk(s.body, enclosures);
    const conditionsOf = (h: AstNode) => ((h.conditions ?? []) as Stmt[]).map((c) => String(c.PLpgSQL_condition?.condname ?? c.PLpgSQL_condition?.sqlerrstate ?? ''));
    const catches = handlers.flatMap((h) => conditionsOf(h.PLpgSQL_exception!));
    this.walk(s.body, [...enclosures, { kind: 'protected', catches }]);
    for (const h of handlers) this.walk(h.PLpgSQL_exception!.action, [...enclosures, { kind: 'handler', conditions: conditionsOf(h.PLpgSQL_exception!) }]);
  }

  private ifStatement(s: AstNode, enclosures: BodyEnclosure[]): void {
    const condition = this.condition(s.cond, s.lineno);
    const guard = catalogGuard(condition.text);
    this.walk(s.then_body, [...enclosures, branch('then', condition, guard)]);
    const elsifs = (s.elsif_list ?? []) as Stmt[];
    for (const e of elsifs) {
      const elsif = e.PLpgSQL_if_elsif!;
      const c = this.condition(elsif.cond, elsif.lineno);
      this.walk(elsif.stmts, [...enclosures, branch('elsif', c, catalogGuard(c.text))]);
    }
    // The ELSE of a single test runs when the test fails: the guard reversed.
    this.walk(s.else_body, [...enclosures, branch('else', undefined, elsifs.length === 0 ? negateGuard(guard) : undefined)]);
  }

  private caseStatement(s: AstNode, enclosures: BodyEnclosure[]): void {
    if (s.t_expr) this.expression(s.t_expr, s.lineno);
    for (const w of (s.case_when_list ?? []) as Stmt[]) {
      const when = w.PLpgSQL_case_when!;
      // A simple CASE's WHEN list comes back rewritten (`"__Case__Variable_1__" IN (…)`): not in the body.
      const condition = s.t_expr ? undefined : this.condition(when.expr, when.lineno);
      this.walk(when.stmts, [...enclosures, { kind: 'case', branch: 'when', ...(condition ? { condition } : {}) }]);
    }
    this.walk(s.else_stmts, [...enclosures, { kind: 'case', branch: 'else' }]);
  }

  private sql(via: EmbeddedVia, expr: AstNode | undefined, line: number | undefined, enclosures: BodyEnclosure[], options: { onLine?: boolean; into?: boolean }): void {
    const text = expr?.PLpgSQL_expr?.query as string | undefined;
    if (text === undefined) return;
    const start = this.texts.find(text, line, options);
    if (start === undefined) this.items.push({ type: 'unlocated', text, ...this.texts.lineSpan(line) });
    else this.items.push({ type: 'statement', via, text, start, enclosures });
  }

  private perform(expr: AstNode | undefined, line: number | undefined, enclosures: BodyEnclosure[]): void {
    const text = expr?.PLpgSQL_expr?.query as string | undefined;
    if (text === undefined) return;
    const keyword = this.texts.findPerform(text, line);
    if (!keyword) this.items.push({ type: 'unlocated', text, ...this.texts.lineSpan(line) });
    else this.items.push({ type: 'statement', via: 'perform', text, start: keyword.start, performEnd: keyword.end, enclosures });
  }

  private loop(loop: 'loop' | 'while' | 'for' | 'foreach', s: AstNode, enclosures: BodyEnclosure[]): void {
    this.walk(s.body, [...enclosures, { kind: 'loop', loop }]);
  }

  /** `EXECUTE expr [INTO …] [USING params]`: the expression, then its USING parameters. */
  private execute(expr: AstNode | undefined, params: AstNode[] | undefined, line: number | undefined, enclosures: BodyEnclosure[]): void {
    const expression = expr?.PLpgSQL_expr?.query as string | undefined;
    if (expression === undefined) return;
    const start = this.texts.find(expression, line);
    if (start === undefined) this.items.push({ type: 'unlocated', text: expression, ...this.texts.lineSpan(line) });
    else this.items.push({ type: 'execute', expression, start, enclosures });
    for (const p of params ?? []) this.expression(p, line);
  }

  /** Locates an expression (moving past it) and returns it as a condition. */
  private condition(expr: AstNode | undefined, line: number | undefined): BranchCondition {
    const text = (expr?.PLpgSQL_expr?.query as string | undefined) ?? '';
    const start = text ? this.texts.find(text, line) : undefined;
    return start === undefined ? { text } : { text, range: this.fileRange(start, start + Buffer.byteLength(text)) };
  }

  private expression(expr: AstNode | undefined, line: number | undefined): void {
    const text = expr?.PLpgSQL_expr?.query as string | undefined;
    if (text) this.texts.find(text, line);
  }
}

function branch(which: 'then' | 'elsif' | 'else', condition: BranchCondition | undefined, guard: CatalogGuard | undefined): BodyEnclosure {
  return { kind: 'if', branch: which, ...(condition ? { condition } : {}), ...(guard ? { guard } : {}) };
}

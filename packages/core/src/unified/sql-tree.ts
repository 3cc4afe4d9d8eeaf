// The unist tree of a SQL file: a root whose children are the file's statements, each with its
// `position` (1-based line/column and UTF-16 offset, as every unist tool expects) and, in `data`,
// the libpg-query AST and the scanner's tokens. Built from the engine's own parsed file
// (prepare-file.ts), so a unified pipeline and `lint()` see exactly the same statements.

import type { Data, Literal, Node, Parent, Point, Position } from 'unist';
import type { AstNode, SourceFile, SqlToken, Statement } from '../types.js';
import type { FileState } from '../prepare-file.js';

export interface SqlStatementData extends Data {
  /** The engine's statement (kind, text, offsets, PL/pgSQL body, embedded statements). */
  statement: Statement;
  /** libpg-query's node for the statement: the value under `kind` (empty for `ParseError`). */
  ast: AstNode;
  /** Postgres' scanner tokens of the statement, comments left out (computed when first read). */
  readonly tokens: readonly SqlToken[];
}

export interface SqlStatementNode extends Literal {
  type: 'statement';
  /** `CreateStmt`, `AlterTableStmt`, … or `ParseError`. */
  kind: string;
  value: string;
  position: Position;
  data: SqlStatementData;
}

export interface SqlRoot extends Parent {
  type: 'root';
  children: SqlStatementNode[];
  position: Position;
  data: { source: SourceFile };
}

/** The parsed file behind each tree `sqlParse` built, so `sqlLint` need not parse it again. */
const parsed = new WeakMap<Node, FileState>();

export function fileStateOf(tree: Node): FileState | undefined {
  return parsed.get(tree);
}

export function toSqlTree(state: FileState): SqlRoot {
  const point = (offset: number): Point => ({ ...state.map.point(offset), offset });
  const children = state.source.statements.map((statement): SqlStatementNode => {
    const data = { statement, ast: statement.node } as SqlStatementData;
    // Tokens are a scan of the statement: done only for a plugin that reads them.
    Object.defineProperty(data, 'tokens', { enumerable: true, get: () => state.locator.tokensOf(statement) });
    return {
      type: 'statement',
      kind: statement.kind,
      value: statement.text,
      position: { start: point(statement.start), end: point(statement.end) },
      data,
    };
  });
  const root: SqlRoot = {
    type: 'root',
    children,
    position: { start: point(0), end: point(state.source.text.length) },
    data: { source: state.source },
  };
  parsed.set(root, state);
  return root;
}

// The data-changing statements inside one statement: itself, and the DML in its WITH clauses
// (`WITH gone AS (DELETE FROM t RETURNING *) SELECT …`), at any depth.

import type { AstNode, Statement } from '../types.js';

/** One data-changing statement: its kind and node. */
export interface DataChange {
  kind: 'DeleteStmt' | 'UpdateStmt' | 'InsertStmt' | 'MergeStmt';
  node: AstNode;
}

const DML = new Set(['DeleteStmt', 'UpdateStmt', 'InsertStmt', 'MergeStmt']);

/** `statement` itself when it changes data, then the DELETE/UPDATE/INSERT/MERGE of its WITH clauses, at any depth. */
export function dataChangesOf(statement: Pick<Statement, 'kind' | 'node'>): DataChange[] {
  const found: DataChange[] = [];
  const visit = (kind: string, node: AstNode | undefined) => {
    if (!node) return;
    if (DML.has(kind)) found.push({ kind: kind as DataChange['kind'], node });
    for (const cte of node.withClause?.ctes ?? []) {
      const query = cte.CommonTableExpr?.ctequery;
      if (query) for (const [k, n] of Object.entries(query)) visit(k, n as AstNode);
    }
    // INSERT … SELECT may carry its own WITH clause.
    if (kind === 'InsertStmt' && node.selectStmt?.SelectStmt) visit('SelectStmt', node.selectStmt.SelectStmt);
  };
  visit(statement.kind, statement.node);
  return found;
}

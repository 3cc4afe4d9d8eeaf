// migralint as unified plugins: `sqlParse` (SQL → unist tree of statements) and `sqlLint` (the rules
// as an attacher, findings as VFile messages). docs/markdown-runbooks.md shows them inside remark.
export { sqlParse, UNNAMED_SQL_FILE, type SqlParseOptions } from './sql-parse.js';
export { sqlLint, MESSAGE_SOURCE, type SqlLintOptions } from './sql-lint.js';
export type { SqlRoot, SqlStatementData, SqlStatementNode } from './sql-tree.js';

// @migralint/language-server: `migralint lsp`, the Language Server Protocol over stdio
// (docs/editors.md). The CLI starts it with its own way of finding histories (ProjectHost).

export { startLanguageServer, type ServerOptions } from './server.js';
export { HistoryLinter, type ProjectHost, type StatementRanges } from './history-linter.js';

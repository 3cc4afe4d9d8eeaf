// The parser plugin: a VFile of SQL → the unist tree of its statements (sql-tree.ts), through the
// engine's own prepare-file (libpg-query, statement recovery, positions converted per DESIGN.md §5).
// The parser is synchronous, as unified requires, so libpg-query must be loaded first:
// `await loadParser()` (the Markdown plugin and `sqlLint` do it for you inside a run).

import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { prepareFile } from '../prepare-file.js';
import { toSqlTree, type SqlRoot } from './sql-tree.js';

export interface SqlParseOptions {
  /**
   * Offsets where a runner cuts the text into separately sent sections (dbmate's and goose's marker
   * lines; a Markdown runbook's code blocks): a statement ends there even without `;`. Give
   * `modelProvider` from @migralint/migrations to cut where the migration runners do.
   */
  sectionBreaks?: (text: string) => number[];
}

/** Path of a VFile without one (stdin, a string): the engine needs a name to report on. */
export const UNNAMED_SQL_FILE = 'stdin.sql';

export function sqlParse(this: Processor, options: SqlParseOptions = {}): void {
  const self = this as unknown as Processor<SqlRoot>;
  self.parser = (document: string, file: VFile) =>
    toSqlTree(prepareFile({ path: file.path || UNNAMED_SQL_FILE, content: document }, options.sectionBreaks));
  // Linting never changes the text: `process()` hands back the file as it came.
  (self as unknown as Processor<SqlRoot, SqlRoot, SqlRoot, SqlRoot, string>).compiler = (_tree, file) => String(file.value);
}

// The rules as a unified attacher: over the tree `sqlParse` built, run the engine after parsing
// (lint.ts `lintStates`: migration model, file and project rules, directives) and put each finding
// on the VFile, the way remark-lint does (ruleId, source `migralint`, vfile's severity convention).

import type { Processor } from 'unified';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Notification, ResolvedConfig, SourceInput } from '../types.js';
import { lintStates, type ModelProvider } from '../lint.js';
import { loadParser } from '../parser.js';
import { prepareFile } from '../prepare-file.js';
import { toVFileMessage } from '../vfile-message.js';
import { fileStateOf } from './sql-tree.js';
import { UNNAMED_SQL_FILE } from './sql-parse.js';

export interface SqlLintOptions {
  /** The migration model (layouts, pairs, replay): `modelProvider` from @migralint/migrations. */
  model: ModelProvider;
  /** Usually from @migralint/config's `loadConfig`; missing parts get defaults (recommended rules). */
  config?: Partial<ResolvedConfig>;
  /** What relative paths are relative to (default: the process's cwd). */
  cwd?: string;
  /** The rest of the project (earlier migrations): parsed and replayed as history, never reported. */
  history?: readonly SourceInput[];
  /** Reads non-SQL files that steer a layout (sqitch.plan, drizzle's journal). */
  readAux?: (path: string) => string | undefined;
}

/** The `source` of every message this plugin puts on a file. */
export const MESSAGE_SOURCE = 'migralint';

export function sqlLint(this: Processor, options: SqlLintOptions) {
  if (!options?.model) throw new Error('sqlLint needs the migration model: .use(sqlLint, { model: modelProvider }) with modelProvider from @migralint/migrations');
  return async (tree: Node, file: VFile): Promise<void> => {
    await Promise.all([loadParser(), options.model.load?.()]);
    const state = fileStateOf(tree) ?? prepareFile({ path: file.path || UNNAMED_SQL_FILE, content: String(file.value) }, options.model.sectionBreaks);
    const history = (options.history ?? []).filter((input) => input.path !== state.path).map((input) => prepareFile(input, options.model.sectionBreaks));
    const result = lintStates([state, ...history], {
      ...(options.config ? { config: options.config } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.readAux ? { readAux: options.readAux } : {}),
      reportPaths: [state.path],
    }, options.model);
    for (const message of result.files[0]?.messages ?? []) {
      // Suppressed findings (a directive with its reason) stay off the file, as in lint()'s VFile.
      if (message.suppressed) continue;
      const vmessage = toVFileMessage(message, file.path);
      vmessage.source = MESSAGE_SOURCE;
      file.messages.push(vmessage);
    }
    for (const notification of result.notifications) addNotification(file, notification);
  };
}

/** A rule that crashed or a model that failed: said on the file, never a silent pass. */
function addNotification(file: VFile, notification: Notification): void {
  const vmessage = file.message(notification.message, { source: MESSAGE_SOURCE, ruleId: notification.ruleId ?? 'engine' });
  vmessage.fatal = notification.level === 'error' ? true : notification.level === 'warning' ? false : undefined;
}

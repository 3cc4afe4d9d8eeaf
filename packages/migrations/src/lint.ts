// lint(): the library entry the CLI, verify, plan, lock, the rule tester and users call. It always
// builds the migration model: the files' layouts, order, down pairs, transaction modes and schema
// replay. A lone file or an editor's buffer is a one-migration history of the layout its path
// implies (`db/migrations/003_x.up.sql` is golang-migrate), so every rule sees the same kind of run.

import { runEngine, type LintOptions, type LintResult, type ModelProvider } from '@migralint/core';
import { buildModel } from './build-model.js';
import { sectionBreaks } from './section-breaks.js';
import { loadDeparser } from './schema/compare-expressions.js';

/** What the engine needs from this package; also the `model` option of core's unified `sqlLint`. */
export const modelProvider: ModelProvider = { buildModel, sectionBreaks, load: loadDeparser };

export function lint(options: LintOptions): Promise<LintResult> {
  return runEngine(options, modelProvider);
}

// @migralint/migrations: from a run's files to the migration project model (DESIGN.md §2–§3):
// layout adapters, ordering and pairing, transaction modes, schema replay, and the `migrations/*`
// rules that report what the layout analysis finds.
export { lint, modelProvider } from './lint.js';
export { loadDeparser } from './schema/compare-expressions.js';
export type { LintOptions } from '@migralint/core';
export { buildModel } from './build-model.js';
export { migrationsPlugin } from './plugin.js';
export { migrationRootOf } from './migration-root.js';
export { forwardFolderOf } from './layouts/rollback-folders.js';
export { inTransactionAt } from './transaction-state.js';
export { replaySchema, type ReplaySchemaInput, type ExternalObjectsSetting } from './schema/replay-schema.js';
export { analyzeLayouts, detectLayout, LAYOUT_NAMES } from './layouts/detect-layout.js';
export { runnerOf, runnerJson, type RunnerSet } from './layouts/runner-set.js';
export { RUNNERS, RUNNER_NAMES, type RunnerInfo, type RunnerName, type HistoryTransaction } from './layouts/runners.js';
export { sectionBreaks } from './section-breaks.js';
export {
  LOCKFILE_NAME,
  LOCKFILE_VERSION,
  LockfileError,
  brokenChainAt,
  chainOf,
  compareLock,
  computeLock,
  computeSetLock,
  filePathOf,
  filesInOrder,
  formatLock,
  hashText,
  lockfilePathOf,
  normalizeText,
  parseLock,
  type LockChange,
  type LockEntry,
  type Lockfile,
  type SetLock,
} from './lockfile.js';
export { replayDown, type DownReplay, type ReplayStep, type ListedSnapshot } from './schema/replay-down.js';
export {
  diffSnapshots,
  describeObject,
  describeChanges,
  objectState,
  displayName,
  type SchemaDifference,
  type SchemaObjectRef,
  type PropertyChange,
  type RenameHint,
} from './schema/diff-snapshots.js';

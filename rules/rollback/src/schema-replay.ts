// The down replay and the snapshot diff of @migralint/migrations (src/schema/replay-down.ts and
// diff-snapshots.ts).
//
// TEMPORARY: @migralint/migrations does not export them from its index yet. Once it does, replace
// this module's body with
//   export { replayDown, diffSnapshots, describeObject, describeChanges, objectState, … } from '@migralint/migrations';
// and add "@migralint/migrations": "workspace:*" to this package's dependencies. Until then the
// modules are loaded by path: the TypeScript source when this file runs as source (vitest, the
// "@migralint/source" condition), the built file otherwise (dist, the CLI bundle), so the replay
// always shares its classes with the model @migralint/migrations built.
type ReplayDownModule = typeof import('../../../packages/migrations/src/schema/replay-down.js');
type DiffSnapshotsModule = typeof import('../../../packages/migrations/src/schema/diff-snapshots.js');

const fromSource = import.meta.url.endsWith('.ts');
const replayDownModule: ReplayDownModule = fromSource
  ? await import('../../../packages/migrations/src/schema/replay-down.js')
  : await import('../../../packages/migrations/dist/schema/replay-down.js');
const diffSnapshotsModule: DiffSnapshotsModule = fromSource
  ? await import('../../../packages/migrations/src/schema/diff-snapshots.js')
  : await import('../../../packages/migrations/dist/schema/diff-snapshots.js');

export const { replayDown } = replayDownModule;
export const { diffSnapshots, describeObject, describeChanges, objectState, displayName } = diffSnapshotsModule;
export type { DownReplay, ReplayStep, ListedSnapshot } from '../../../packages/migrations/src/schema/replay-down.js';
export type { SchemaDifference, SchemaObjectRef, PropertyChange, RenameHint } from '../../../packages/migrations/src/schema/diff-snapshots.js';

// replayDown: what a rollback leaves behind. Migration i's up and then its down, replayed on the
// catalog as it was before migration i, with a snapshot after every statement — so a caller can
// compare "before the up" with "after up + down" (diffSnapshots) and, for each difference, find
// the statement that made it (the down statement that changed it last, else the up statement the
// down never answered).
//
// It reuses the replay engine of replaySchema (the same Replayer, catalog and statement handlers)
// on a fresh catalog seeded with the model's state before migration i; the model itself is never
// touched. Replaying the up again instead of starting from `after(i)` gives every statement a state
// of its own, and keeps objects the replay discovers on the way (external stubs, which exist "from
// before the history") consistent between the before and after snapshots it returns.
//
// What the replay does not understand (a DO block, a statement about an object the catalog lacks)
// is collected in `skipped`: a caller that judges reversibility should stay quiet then.

import type { MigrationPart, MigrationSet, QualifiedName, SchemaModel, SchemaSnapshot, SourceFile, Statement } from '@migralint/core';
import type { CatalogMaps, SequenceInfo } from './catalog.js';
import { DEFAULT_SEARCH_PATH } from './names.js';
import { applyReplayStatement, searchPathChange } from './replay-schema.js';
import { ExternalRegistry } from './external-objects.js';
import { Replayer, type SkippedStatement } from './replayer.js';
import { Snapshot } from './snapshot.js';

/** A snapshot that also lists its sequences (SchemaSnapshot only looks them up by name). */
export interface ListedSnapshot extends SchemaSnapshot {
  sequences(): SequenceInfo[];
  sequence(name: QualifiedName): SequenceInfo | undefined;
}

export interface ReplayStep {
  part: MigrationPart;
  statement: Statement;
  /** The catalog just after this statement. */
  after: ListedSnapshot;
}

export interface DownReplay {
  /** The catalog before migration i (the model's `before(i)`, plus stubs the replay found on the way). */
  before: ListedSnapshot;
  /** After the up parts: the model's `after(i)`. */
  afterUp: ListedSnapshot;
  /** After the up parts and then the down parts: what a rollback leaves. */
  afterDown: ListedSnapshot;
  /** Every statement of the up parts, then of the down parts, in the order they run. */
  up: ReplayStep[];
  down: ReplayStep[];
  /** Statements of the up or the down the replay did not understand (see SchemaModel.skipped). */
  skipped: SkippedStatement[];
}

export interface ReplayDownInput {
  /** The model replaySchema built for `set`. */
  model: SchemaModel;
  set: MigrationSet;
  /** Position of the migration in `set.migrations`. */
  index: number;
  /** The parsed files of the run by path (the paths parts name). */
  files: ReadonlyMap<string, SourceFile>;
}

/**
 * Replays migration `index`'s up, then its down, on the catalog before it. Undefined when `model`
 * was not built by replaySchema (nothing to start from) or the index is outside the history.
 */
export function replayDown(input: ReplayDownInput): DownReplay | undefined {
  const source = replayerOf(input.model);
  const migration = input.set.migrations[input.index];
  if (!source || !migration) return undefined;

  const r = seededReplayer(source, input.index);
  const snapshotAt = (state: number): ListedSnapshot => listed(r, state);
  const before = snapshotAt(r.catalog.freeze()); // state 0: the seed, before migration i
  const up = replayParts(r, input.index, migration.up, input.files, snapshotAt);
  const afterUp = up.length > 0 ? up[up.length - 1]!.after : before;
  const down = replayParts(r, input.index, migration.down, input.files, snapshotAt);
  const afterDown = down.length > 0 ? down[down.length - 1]!.after : afterUp;
  return { before, afterUp, afterDown, up, down, skipped: r.skipped };
}

/** The replay state behind a model built by replaySchema (its `ReplayedSchema` keeps it privately). */
function replayerOf(model: SchemaModel): Replayer | undefined {
  const replayer = (model as unknown as { replayer?: unknown }).replayer;
  return replayer instanceof Replayer ? replayer : undefined;
}

/**
 * A fresh Replayer whose catalog holds, from its state 0, what `source` held at `state` (state n =
 * after n migrations). The objects are shared, not copied: the catalog copies a table before it
 * changes it (Catalog.draft), so the model's snapshots never see the replay's edits.
 */
function seededReplayer(source: Replayer, state: number): Replayer {
  // What the replayed migration references or creates stays out of the model's registry.
  const r = new Replayer(new ExternalRegistry(source.externals));
  r.catalog.identities.continueAfter(source.catalog.identities);
  const from = source.catalog.maps;
  const to = r.catalog.maps;
  for (const kind of Object.keys(from) as Array<keyof CatalogMaps>) (to[kind] as { seedFrom(base: unknown, state: number): void }).seedFrom(from[kind], state);
  // Temporary tables are looked up first once any exists (a private flag of the Replayer).
  const flags = r as unknown as { hasTemp: boolean };
  flags.hasTemp = (source as unknown as { hasTemp: boolean }).hasTemp;
  return r;
}

function replayParts(
  r: Replayer,
  migration: number,
  parts: readonly MigrationPart[],
  files: ReadonlyMap<string, SourceFile>,
  snapshotAt: (state: number) => ListedSnapshot,
): ReplayStep[] {
  const steps: ReplayStep[] = [];
  for (const part of parts) {
    const file = files.get(part.file);
    if (!file) {
      r.skipped.push({ file: part.file, offset: part.range.start, kind: 'File', reason: 'the file of this part was not parsed' });
      continue;
    }
    // Every part runs in a session of its own as far as the model knows: the default search_path.
    r.searchPath = DEFAULT_SEARCH_PATH;
    for (const statement of file.statements) {
      if (statement.start < part.range.start || statement.end > part.range.end) continue;
      r.begin(migration, file, statement);
      const path = searchPathChange(statement, r.searchPath);
      if (path) r.searchPath = path;
      else applyReplayStatement(r, statement.kind, statement.node);
      steps.push({ part, statement, after: snapshotAt(r.catalog.freeze()) });
    }
  }
  return steps;
}

function listed(r: Replayer, state: number): ListedSnapshot {
  return new Snapshot(r.catalog.maps, state, r.externals, { listsSequences: true }) as ListedSnapshot;
}

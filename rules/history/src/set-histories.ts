// What both history rules start from, per migration set: the lockfile (read with
// `project.readAux`), the lock computed from the files now, and where a finding about a file that
// is gone should point. Computed once per run and shared by the rules.

import { computeSetLock, filePathOf, LockfileError, lockfilePathOf, parseLock, type LockEntry, type Lockfile } from '@migralint/migrations';
import type { MigrationSet, ProjectInfo, Range, VcsChanges } from '@migralint/core';

export interface SetHistory {
  set: MigrationSet;
  /** The lockfile's path (it may not exist). */
  lockfile: string;
  /** The lockfile, when it exists and could be read. */
  locked?: Lockfile;
  /** Why the lockfile exists but could not be read. */
  lockError?: string;
  /** The lock as `migralint lock` would write it now. */
  current: Lockfile;
  /** A lock entry's path as a file of the run. */
  fileOf(entry: LockEntry | string): string;
  /** The text of a file of the run. */
  textOf(file: string): string | undefined;
}

/** The start of a file: where a finding about the whole file points. */
export const FILE_START: Range = { start: 0, end: 0 };

const cache = new WeakMap<ProjectInfo, SetHistory[]>();

/** Every migration set of the run with its lockfile; empty without the migration model. */
export function setHistories(project: ProjectInfo): SetHistory[] {
  let histories = cache.get(project);
  if (histories) return histories;
  const texts = new Map(project.files.map((f) => [f.path, f.text]));
  const textOf = (file: string) => texts.get(file);
  histories = project.model.sets.map((set) => {
    const lockfile = lockfilePathOf(set);
    let current: Lockfile | undefined;
    const history: SetHistory = {
      set,
      lockfile,
      // Hashing every file of the set only pays against a lockfile or git's changes: done on first use.
      get current() {
        return (current ??= computeSetLock(set, textOf));
      },
      fileOf: (entry) => filePathOf(set, typeof entry === 'string' ? entry : entry.path),
      textOf,
    };
    const text = project.readAux?.(lockfile);
    if (text !== undefined) {
      try {
        history.locked = parseLock(text);
      } catch (error) {
        if (!(error instanceof LockfileError)) throw error;
        history.lockError = error.message;
      }
    }
    return history;
  });
  cache.set(project, histories);
  return histories;
}

/**
 * The file a finding about a missing file is reported on: the one that now runs where it ran
 * (`position`, an index into the current lock; past the end: the last file). Under
 * `--changed-since` only changed files are reported, so a changed file of the set is preferred —
 * the first one from that place on, else the last one before it.
 */
export function fileForMissing(history: SetHistory, position: number, vcs: VcsChanges | undefined): string | undefined {
  const files = history.current.migrations.map((e) => history.fileOf(e));
  if (files.length === 0) return undefined;
  const at = Math.min(position, files.length - 1);
  if (!vcs) return files[at];
  const changed = new Set([...vcs.added, ...vcs.modified]);
  if (changed.has(files[at]!)) return files[at];
  return files.slice(at).find((f) => changed.has(f)) ?? files.slice(0, at).reverse().find((f) => changed.has(f)) ?? files[at];
}

// A rollback folder beside the forward one: openreplay keeps `db/init_dbs/postgresql/1.15.0/1.15.0.sql`
// (upgrade to 1.15.0) and `db/rollback_dbs/postgresql/1.15.0/1.15.0.sql` (back to the version
// before). Read alone, the rollback folder is a history of its own whose every file "drops what
// exists"; it is the down of the forward script of the same version. So when two histories' folders
// differ in one path segment, the other one's segment names rollbacks, both have the same runner,
// and every rollback version is a forward version, each rollback script becomes the down of its
// forward migration and the rollback history goes away.

import type { MigrationSet } from '@migralint/core';
import { runnerOf } from './runner-set.js';

/** A folder segment that names rollbacks: `rollback`, `rollbacks`, `rollback_dbs`, `down`, `undo`. */
const ROLLBACK_SEGMENT = /^(?:rollbacks?|downs?|undo)(?:[_-][a-z0-9]+)?$/i;

export function pairRollbackFolders(sets: MigrationSet[]): MigrationSet[] {
  const paired = new Set<MigrationSet>();
  for (const rollback of sets) {
    const forward = sets.find((s) => s !== rollback && !paired.has(s) && isRollbackOf(rollback, s));
    if (!forward) continue;
    const byVersion = new Map(forward.migrations.map((m) => [m.version, m]));
    for (const migration of rollback.migrations) {
      const target = byVersion.get(migration.version)!;
      target.down.push(...migration.up.map((part) => ({ ...part, direction: 'down' as const })));
    }
    forward.supportsDown = true;
    paired.add(rollback);
  }
  return paired.size === 0 ? sets : sets.filter((s) => !paired.has(s));
}

/**
 * Path only: the forward folder among `dirs` that `dir` may be the rollback folder of (the CLI lints
 * both as one history; the model then decides from their migrations whether they pair).
 */
export function forwardFolderOf(dir: string, dirs: Iterable<string>): string | undefined {
  for (const other of dirs) if (rollbackPathOf(dir, other)) return other;
  return undefined;
}

/** The folders differ in one segment, which names rollbacks in the first and not in the second. */
function rollbackPathOf(rollbackDir: string, forwardDir: string): boolean {
  const r = rollbackDir.split('/');
  const f = forwardDir.split('/');
  if (r.length !== f.length) return false;
  const differ = r.map((_, i) => i).filter((i) => r[i] !== f[i]);
  return differ.length === 1 && ROLLBACK_SEGMENT.test(r[differ[0]!]!) && !ROLLBACK_SEGMENT.test(f[differ[0]!]!);
}

function isRollbackOf(rollback: MigrationSet, forward: MigrationSet): boolean {
  if (!rollbackPathOf(rollback.dir, forward.dir)) return false;
  if (runnerOf(rollback)?.name !== runnerOf(forward)?.name) return false;
  const versions = new Set(forward.migrations.filter((m) => m.down.length === 0).map((m) => m.version));
  return rollback.migrations.length > 0 && rollback.migrations.every((m) => m.down.length === 0 && m.up.length > 0 && versions.has(m.version));
}

// Which directory holds the whole history a file belongs to. The CLI calls this when a user names
// one file, loads that directory, and reports only the named file: project rules (pairing, order,
// "created earlier in the history") need every migration, not one.
//
// Path-only on purpose: it runs before anything is read. The layout analysis groups files the same
// way (group-directories.ts), so what the CLI loads is what the model reads.

/** Sqitch keeps a change's scripts under these three directories of the project. */
const SQITCH_DIRS = new Set(['deploy', 'revert', 'verify']);

/**
 * A directory that is itself one migration: Prisma and drizzle v1 `<ts>_<name>/migration.sql`,
 * diesel `2019-09-12-100000_create/up.sql`, Sourcegraph `1528395954/up.sql`, version folders such
 * as `0.19/00__x.sql`, versioned schema folders `v1.2/001_x.sql`. They all start with a number
 * (or `v` and a number) followed by a separator or nothing.
 */
const PER_MIGRATION_DIR = /^[vV]?\d+(?:[._-]|$)/;

export function migrationRootOf(filePath: string): string {
  return sqitchRootOf(filePath) ?? directoryRootOf(filePath);
}

/** The sqitch project directory when the path runs through `deploy/`, `revert/` or `verify/`. */
export function sqitchRootOf(filePath: string): string | undefined {
  const segments = filePath.replace(/\\/g, '/').split('/');
  segments.pop();
  const sqitchAt = findLastIndex(segments, (s) => SQITCH_DIRS.has(s));
  return sqitchAt >= 0 ? joinSegments(segments.slice(0, sqitchAt)) : undefined;
}

/** The file's directory, or its parent when the directory is one migration. */
export function directoryRootOf(filePath: string): string {
  const segments = filePath.replace(/\\/g, '/').split('/');
  segments.pop();
  const dirName = segments.at(-1);
  if (dirName !== undefined && PER_MIGRATION_DIR.test(dirName)) return joinSegments(segments.slice(0, -1));
  return joinSegments(segments);
}

function joinSegments(segments: string[]): string {
  const joined = segments.join('/');
  if (joined === '') return segments.length > 0 && segments[0] === '' ? '/' : '.';
  return joined;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

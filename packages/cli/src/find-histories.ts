// With no path on the command line, which migration histories are under the current directory:
// every folder of migrations, at any depth (a monorepo's `pkgs/*/supabase/migrations`, a sqitch
// project at the root, `db/migration` of Flyway…), minus what git and migralint are told to ignore.
// Each is linted as its own history (issue #13 item 8, #16 item 7).

import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob } from 'tinyglobby';
import { migrationRootOf } from '@migralint/migrations';
import { UsageError } from './parse-args.js';

export interface FoundHistory {
  /** Absolute path of the history's folder. */
  dir: string;
  /** Its .sql files, absolute, sorted. */
  files: string[];
}

/** Folders that never hold migrations, and are large: not even walked, at any depth. */
export const NEVER_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', 'vendor', 'target', 'dist', 'build', '.venv']);
const NEVER = [...NEVER_DIRS].map((name) => `**/${name}/**`);

/**
 * A folder is a history when a path segment names migrations the way runners and projects do
 * (`migrations`, `migration_postgres`, `migrate`, drizzle-kit's `drizzle`, `delta`, `upgrade`), when
 * it is a sqitch project (a `sqitch.plan`), or when at least three of its migrations carry a version
 * (`20240830075257_x.sql`, `001_x.sql`, `V2__x.sql`, `1.16.0/`) — a runner folder with another
 * name. Loose .sql elsewhere (seeds, queries, test data) is not a history.
 */
const HISTORY_SEGMENT = /^(migrations?|migrate|drizzle|deltas?|upgrades?)([_-][\w-]*)?$/i;
const VERSIONED = /^(?:[VU]\d+(?:[._]\d+)*__|\d{3,}|\d+(?:\.\d+)+)/i;
const MIN_VERSIONED = 3;

export async function findHistories(cwd: string): Promise<FoundHistory[]> {
  const all = await glob('**/*.sql', { cwd, ignore: NEVER, onlyFiles: true, dot: false, followSymbolicLinks: false });
  const ignored = await ignoreRules(cwd);
  const byRoot = new Map<string, string[]>();
  for (const rel of all) {
    if (ignored(rel)) continue;
    const root = migrationRootOf(rel);
    let files = byRoot.get(root);
    if (!files) byRoot.set(root, (files = []));
    files.push(path.join(cwd, rel));
  }
  const histories: FoundHistory[] = [];
  for (const [root, files] of byRoot) {
    const isHistory =
      root.split('/').some((segment) => HISTORY_SEGMENT.test(segment)) || fs.existsSync(path.join(cwd, root, 'sqitch.plan')) || versionedEntries(cwd, root, files) >= MIN_VERSIONED;
    if (isHistory) histories.push({ dir: path.resolve(cwd, root), files: files.sort() });
  }
  return histories.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** How many migrations of the folder (a file, or a folder per migration) are named by a version. */
function versionedEntries(cwd: string, root: string, files: readonly string[]): number {
  const entries = new Set(files.map((abs) => path.relative(path.join(cwd, root), abs).split(path.sep)[0]!));
  return [...entries].filter((entry) => VERSIONED.test(entry)).length;
}

/** `.gitignore` files (each applies below its folder) and the root `.migralintignore`. */
async function ignoreRules(cwd: string): Promise<(rel: string) => boolean> {
  const rules: Array<{ base: string; ig: Ignore }> = [];
  for (const file of await glob(['**/.gitignore', '.migralintignore'], { cwd, ignore: NEVER, dot: true, onlyFiles: true })) {
    const base = path.posix.dirname(file) === '.' ? '' : path.posix.dirname(file);
    rules.push({ base, ig: ignore().add(fs.readFileSync(path.join(cwd, file), 'utf8')) });
  }
  return (rel) =>
    rules.some(({ base, ig }) => {
      if (base && !rel.startsWith(`${base}/`)) return false;
      return ig.ignores(base ? rel.slice(base.length + 1) : rel);
    });
}

/**
 * For find-files.ts when no path is given: the folders to read (a sqitch project's deploy/,
 * revert/ and verify/, so that other .sql beside it stays out) and the histories' names.
 */
export async function discoverHistories(cwd: string): Promise<{ targets: string[]; histories: string[] }> {
  const found = await findHistories(cwd);
  if (found.length === 0) {
    throw new UsageError(
      'no migrations folder found here or below (a folder named migrations, migration_*, migrate, drizzle, delta or upgrade, a sqitch project, or a folder of 3 or more versioned .sql files; .gitignore respected); pass the folder or files to lint',
    );
  }
  const rel = (abs: string) => path.relative(cwd, abs).split(path.sep).join('/') || '.';
  const targets = found.flatMap((h) => {
    const sqitchDirs = fs.existsSync(path.join(h.dir, 'sqitch.plan')) ? ['deploy', 'revert', 'verify'].filter((d) => fs.existsSync(path.join(h.dir, d))) : [];
    return sqitchDirs.length > 0 ? sqitchDirs.map((d) => rel(path.join(h.dir, d))) : [rel(h.dir)];
  });
  return { targets, histories: found.map((h) => rel(h.dir)) };
}

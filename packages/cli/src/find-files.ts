// Paths, directories and globs from the command line → the SQL files to lint, minus
// .migralintignore. A path that does not exist, or a folder with no SQL, is a usage error (exit 2):
// a linter that passes because it looked at nothing is the failure we refuse.

import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './parse-args.js';
import { InputError } from './input-error.js';
import { walkSqlFiles, type InputProblem } from './walk-sql-files.js';
import { discoverHistories } from './find-histories.js';

const SKIP_DIRS = ['**/node_modules/**', '**/.git/**'];

export interface FoundFiles {
  /** Absolute paths, sorted. */
  files: string[];
  /** Files named one by one (not through a folder or glob): reported against their whole history. */
  explicit: string[];
  /** Explicitly named files that .migralintignore excludes (the CLI warns about them). */
  ignoredExplicit: string[];
  /** Files and folders found but not readable (a FIFO, a dangling link, a closed directory). */
  problems: InputProblem[];
  /** With no path given: the history folders found under the cwd (find-histories.ts), relative. */
  histories?: string[];
  /** The directories walked for the folders named, with their entries' names (walk-sql-files.ts). */
  listings: Map<string, string[]>;
}

export async function findFiles(cwd: string, args: readonly string[]): Promise<FoundFiles> {
  const ignorer = loadIgnoreFile(cwd);
  const discovered = args.length > 0 ? undefined : await discoverHistories(cwd);
  const targets = discovered?.targets ?? args;
  const found = new Set<string>();
  const explicit: string[] = [];
  const ignoredExplicit: string[] = [];
  const problems: InputProblem[] = [];
  const listings = new Map<string, string[]>();

  for (const arg of targets) {
    const abs = path.resolve(cwd, arg);
    if (isDynamicPattern(arg) && !fs.existsSync(abs)) {
      const matches = await glob(arg, { cwd, absolute: true, ignore: SKIP_DIRS, onlyFiles: true, expandDirectories: false });
      const kept = matches.filter((f) => !isIgnored(ignorer, cwd, f));
      if (kept.length === 0) throw new UsageError(`no files match "${arg}"${matches.length > 0 ? ' that are not in .migralintignore' : ''}`);
      kept.forEach((f) => found.add(path.normalize(f)));
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      // A link to nothing, or a link cycle, is there but cannot be followed: say which.
      if (fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
        problems.push({ path: abs, problem: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a symbolic link that leads back to itself (a link cycle); fix or remove the link' : `it is a symbolic link to ${fs.readlinkSync(abs)}, which does not exist; fix or remove the link` });
        continue;
      }
      throw new UsageError(`no such file or directory: ${arg}`);
    }
    if (stat.isDirectory()) {
      const walked = walkSqlFiles(abs);
      for (const [dir, names] of walked.listings) listings.set(dir, names);
      const unreadableRoot = walked.problems.find((p) => p.path === abs);
      if (unreadableRoot) throw new InputError(`cannot read directory ${arg}: ${unreadableRoot.problem}`);
      problems.push(...walked.problems.filter((p) => !isIgnored(ignorer, cwd, p.path)));
      const matches = walked.files;
      const kept = matches.filter((f) => !isIgnored(ignorer, cwd, f));
      if (kept.length === 0 && walked.problems.length > 0) continue;
      if (kept.length === 0) {
        throw new UsageError(`no .sql files in ${arg}${matches.length > 0 ? ' (all are listed in .migralintignore)' : ''}; pass the folder that holds the migrations`);
      }
      kept.forEach((f) => found.add(path.normalize(f)));
    } else if (isIgnored(ignorer, cwd, abs)) {
      ignoredExplicit.push(arg);
    } else {
      found.add(abs);
      explicit.push(abs);
    }
  }
  return { files: [...found].sort(), explicit, ignoredExplicit, problems, listings, ...(discovered ? { histories: discovered.histories } : {}) };
}

/**
 * Every .sql file of the histories the given files belong to (`rootOf` names each history's
 * folder), minus .migralintignore: a file is linted against the migrations around it.
 */
export async function historyFiles(cwd: string, files: readonly string[], rootOf: (file: string) => string): Promise<string[]> {
  const ignorer = loadIgnoreFile(cwd);
  const out: string[] = [];
  for (const [root, patterns] of historyRoots(cwd, files, rootOf)) {
    if (!fs.existsSync(root)) continue;
    const matches = await glob(patterns, { cwd: root, absolute: true, ignore: SKIP_DIRS });
    out.push(...matches.map((f) => path.normalize(f)).filter((f) => !isIgnored(ignorer, cwd, f)));
  }
  return out;
}

/**
 * The folders `historyFiles` looks in, with the patterns: a history is the file's own folder (flat
 * layouts), or the folder above it plus one level (a folder per migration, sqitch's deploy/ revert/
 * verify/). Never a whole subtree: a loose file in a big directory must not pull in every .sql below it.
 */
export function historyRoots(cwd: string, files: readonly string[], rootOf: (file: string) => string): Map<string, string[]> {
  const roots = new Map<string, string[]>();
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    const root = path.resolve(cwd, rootOf(file));
    roots.set(root, root === path.dirname(abs) ? ['*.sql'] : ['*.sql', '*/*.sql']);
  }
  return roots;
}

function loadIgnoreFile(cwd: string): Ignore | undefined {
  const file = path.join(cwd, '.migralintignore');
  if (!fs.existsSync(file)) return undefined;
  return ignore().add(fs.readFileSync(file, 'utf8'));
}

function isIgnored(ignorer: Ignore | undefined, cwd: string, abs: string): boolean {
  if (!ignorer) return false;
  const rel = path.relative(cwd, abs).split(path.sep).join('/');
  // Files outside the cwd cannot be matched by a cwd-relative ignore file.
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return ignorer.ignores(rel);
}

// The .sql files under a directory, walked by hand rather than by a glob library so that nothing
// is skipped without a word: a directory that cannot be read, a link to nothing, a link cycle, a
// FIFO or socket named *.sql are each reported. Links are followed, each directory and each file
// once by its real path, so a cycle of directory links neither loops nor lints a file twice.
import fs from 'node:fs';
import path from 'node:path';
import { causeOf } from './input-error.js';
import { notRegular } from './read-input.js';

/** Never descended into: dependencies and version control. Hidden entries are skipped too. */
const SKIPPED = new Set(['node_modules', '.git']);

export interface InputProblem {
  /** Absolute path of the file or directory. */
  path: string;
  /** The cause in words, and the fix. */
  problem: string;
  /** A directory (not a file) could not be read. */
  directory?: boolean;
}

export interface WalkedFiles {
  /** Absolute paths (as reached, not resolved), sorted. */
  files: string[];
  problems: InputProblem[];
  /**
   * Each directory listed (as reached) with all its entries' names: what the files found depend on
   * (warm-run.ts), and what the config search needs to know of it (no second listing).
   */
  listings: Map<string, string[]>;
}

export function walkSqlFiles(root: string): WalkedFiles {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const listings = new Map<string, string[]>();
  const seenDirs = new Set<string>();
  const seenFiles = new Set<string>();

  // `real` is the directory's real path: resolved for the root and for links, joined for the rest
  // (a plain entry of a real directory is real), so only links cost a system call.
  const visit = (dir: string, real: string) => {
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ path: dir, directory: true, problem: `${causeOf(error)}; its migrations were not linted (make it readable, or list it in .migralintignore)` });
      return;
    }
    listings.set(dir, entries.map((entry) => entry.name));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const abs = `${dir}${path.sep}${entry.name}`;
      const isSql = entry.name.endsWith('.sql');
      let stat: fs.Stats | undefined = undefined;
      if (entry.isSymbolicLink()) {
        try {
          stat = fs.statSync(abs);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (isSql && code === 'ENOENT') problems.push({ path: abs, problem: `it is a symbolic link to ${fs.readlinkSync(abs)}, which does not exist; fix or remove the link` });
          else if (code === 'ELOOP') problems.push({ path: abs, problem: 'it is a symbolic link that leads back to itself (a link cycle); fix or remove the link' });
          else if (isSql) problems.push({ path: abs, problem: causeOf(error) });
          continue;
        }
      }
      const isDir = stat ? stat.isDirectory() : entry.isDirectory();
      if (isDir) {
        visit(abs, stat ? fs.realpathSync.native(abs) : `${real}${path.sep}${entry.name}`);
        continue;
      }
      if (!isSql) continue;
      const isFile = stat ? stat.isFile() : entry.isFile();
      if (!isFile) {
        problems.push({ path: abs, problem: notRegular(stat ?? fs.lstatSync(abs)) });
        continue;
      }
      const realFile = stat ? fs.realpathSync.native(abs) : `${real}${path.sep}${entry.name}`;
      if (seenFiles.has(realFile)) continue;
      seenFiles.add(realFile);
      files.push(abs);
    }
  };
  visit(root, fs.realpathSync.native(root));
  return { files: files.sort(), problems, listings };
}

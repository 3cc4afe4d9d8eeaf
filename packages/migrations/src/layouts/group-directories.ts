// Files → migration directories. A directory is what one runner reads: the files' own directory,
// its parent for one-directory-per-migration layouts, the sqitch project for deploy/revert/verify.
// Grouping is by path alone (migration-root.ts), except that a would-be sqitch project must show
// a plan or more than one of its script directories — `deploy/migrations/001_x.up.sql` is not sqitch.

import type { SourceFile } from '@migralint/core';
import { directoryRootOf, sqitchRootOf } from '../migration-root.js';
import { compareNames } from './compare-versions.js';
import { pathIn, type DirectoryFile } from './migration-directory.js';

export interface FileGroup {
  dir: string;
  files: DirectoryFile[];
  /** Grouped as a sqitch project (deploy/revert/verify under `dir`). */
  sqitch: boolean;
}

export function groupDirectories(files: readonly SourceFile[], readAux: (path: string) => string | undefined): FileGroup[] {
  const sqitchCandidates = new Map<string, SourceFile[]>();
  const plain = new Map<string, SourceFile[]>();
  const add = (map: Map<string, SourceFile[]>, dir: string, file: SourceFile) => {
    const list = map.get(dir);
    if (list) list.push(file);
    else map.set(dir, [file]);
  };
  for (const file of files) {
    const sqitchRoot = sqitchRootOf(file.path);
    if (sqitchRoot !== undefined) add(sqitchCandidates, sqitchRoot, file);
    else add(plain, directoryRootOf(file.path), file);
  }

  const groups: FileGroup[] = [];
  for (const [dir, members] of sqitchCandidates) {
    const scriptDirs = new Set(members.map((f) => relativeTo(dir, f.path).split('/')[0]));
    if (scriptDirs.size > 1 || readAux(pathIn(dir, 'sqitch.plan')) !== undefined) {
      groups.push(groupOf(dir, members, true));
    } else {
      for (const file of members) add(plain, directoryRootOf(file.path), file);
    }
  }
  for (const [dir, members] of plain) groups.push(groupOf(dir, members, false));
  return groups.sort((a, b) => compareNames(a.dir, b.dir));
}

function groupOf(dir: string, members: SourceFile[], sqitch: boolean): FileGroup {
  const files = members
    .map((source) => {
      const rel = relativeTo(dir, source.path);
      return { source, rel, name: rel.slice(rel.lastIndexOf('/') + 1) };
    })
    .sort((a, b) => compareNames(a.rel, b.rel));
  return { dir, files, sqitch };
}

/** `path` relative to `dir`, `/`-separated. */
function relativeTo(dir: string, path: string): string {
  const normal = path.replace(/\\/g, '/');
  if (dir === '.') return normal.replace(/^\.\//, '');
  return normal.startsWith(`${dir}/`) ? normal.slice(dir.length + 1) : normal;
}

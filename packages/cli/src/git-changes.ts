// Which files changed, according to git: `--changed-since REF` (committed, staged, unstaged and new
// files since REF) and `--staged` (what the next commit holds). The run still analyses the whole
// history; these only narrow what is reported (DESIGN.md §2).

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { VcsChanges } from '@migralint/core';
import { UsageError } from './parse-args.js';
import { gitWorkTree } from './repository-root.js';

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new UsageError('git is not installed, but --changed-since and --staged need it');
    throw new UsageError(`git ${args.join(' ')} failed: ${(e.stderr ?? e.message).trim().split('\n')[0]}`);
  }
}

function repoRoot(cwd: string, flag: string): string {
  const root = gitWorkTree(cwd);
  if (root === undefined) throw new UsageError(`${flag} needs a git repository, and ${cwd} is not inside one`);
  return root;
}

const lines = (out: string) => out.split('\n').filter(Boolean);

/** Absolute paths of files added, copied, modified or renamed since `ref`, plus untracked ones. */
export function changedSince(cwd: string, ref: string): Set<string> {
  const root = repoRoot(cwd, '--changed-since');
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
  } catch {
    throw new UsageError(`--changed-since: "${ref}" is not a commit, branch or tag in this repository`);
  }
  const changed = lines(git(root, ['diff', '--name-only', '--no-renames', '--diff-filter=ACMR', ref, '--']));
  const untracked = lines(git(root, ['ls-files', '--others', '--exclude-standard']));
  return new Set([...changed, ...untracked].map((f) => path.join(root, f)));
}

/** Absolute paths of files staged for the next commit (added, copied, modified, renamed). */
export function stagedFiles(cwd: string): Set<string> {
  const root = repoRoot(cwd, '--staged');
  return new Set(lines(git(root, ['diff', '--cached', '--name-only', '--no-renames', '--diff-filter=ACMR'])).map((f) => path.join(root, f)));
}

/**
 * The changes since `ref` (or, with `staged`, between HEAD and the index) as history rules read them:
 * added, modified and deleted paths relative to `cwd`, and a file's content at the revision.
 */
export function vcsChanges(cwd: string, ref: string | undefined, staged: boolean): VcsChanges {
  const root = repoRoot(cwd, staged ? '--staged' : '--changed-since');
  const base = staged ? 'HEAD' : ref!;
  const args = staged ? ['diff', '--cached', '--name-status', '--no-renames'] : ['diff', '--name-status', '--no-renames', base, '--'];
  const rel = (file: string) => path.relative(cwd, path.join(root, file)).split(path.sep).join('/');
  const changes: VcsChanges = { ref: base, added: [], modified: [], deleted: [], contentAtRef: () => undefined };
  for (const line of lines(git(root, args))) {
    const [status, file] = line.split('\t');
    if (!file) continue;
    if (status === 'A') changes.added.push(rel(file));
    else if (status === 'D') changes.deleted.push(rel(file));
    else changes.modified.push(rel(file));
  }
  if (!staged) for (const file of lines(git(root, ['ls-files', '--others', '--exclude-standard']))) changes.added.push(rel(file));
  changes.contentAtRef = (file) => {
    const inRepo = path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
    try {
      return execFileSync('git', ['show', `${base}:${inRepo}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
    } catch {
      return undefined;
    }
  };
  return changes;
}

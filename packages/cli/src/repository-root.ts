// The repository root that code-host reports (SARIF, GitHub, GitLab) make paths relative to: the git
// work tree around the cwd, so `cd services/db && migralint` still names `services/db/…`; the
// `--sarif-root` directory when given (a checkout without git, or a root of the user's choosing).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from './parse-args.js';

/** The git work-tree root around `cwd`, or undefined outside a repository (or without git). */
export function gitWorkTree(cwd: string): string | undefined {
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return root || undefined;
  } catch {
    return undefined;
  }
}

/** `--sarif-root` (checked to be a directory), else the git work tree, else the cwd. */
export function repositoryRoot(cwd: string, sarifRoot: string | undefined): string {
  if (sarifRoot !== undefined) {
    const dir = path.resolve(cwd, sarifRoot);
    if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--sarif-root ${sarifRoot}: not a directory (give the repository's root directory)`);
    return dir;
  }
  return gitWorkTree(cwd) ?? cwd;
}

// What a layout adapter reads (one directory of migrations) and what it hands back.

import type { LayoutFinding, LayoutName, Migration, Settings, SourceFile } from '@migralint/core';
import type { RunnerInfo } from './runners.js';

/** One SQL file of a migration directory. */
export interface DirectoryFile {
  source: SourceFile;
  /** Path relative to the directory, `/`-separated: `001_init.up.sql`, `2024_x/migration.sql`, `deploy/users.sql`. */
  rel: string;
  /** The file name: `migration.sql`. */
  name: string;
}

export interface MigrationDirectory {
  /** The directory, in the files' path form (`supabase/migrations`, `.` for the cwd). */
  dir: string;
  /** Its SQL files, sorted by `rel` (code-unit order, as Go's and Rust's directory readers sort). */
  files: DirectoryFile[];
  /** Reads a non-SQL file (`sqitch.plan`, `meta/_journal.json`, `*.sql.conf`); undefined when absent. */
  readAux(path: string): string | undefined;
  /** Settings of the directory's files (`postgresVersion`, …). */
  settings: Settings;
  /** The program that applies it (stated, recognised or guessed): decides names and transactions where runners share a layout. */
  runner: RunnerInfo;
}

/** A file of the directory that is no part of a migration but belongs with one. */
export interface Companion {
  file: string;
  /**
   * `verify`: a sqitch verify script; `variant`: a dialect-neutral file the runner passes over for
   * the PostgreSQL-specific one of the same migration; `other-dialect`: written for another database.
   */
  role: 'verify' | 'variant' | 'other-dialect';
  /** The migration it goes with, if any. */
  migration?: Migration;
  /** Why it is not a part, for `--debug` and tests. */
  why: string;
}

export interface LayoutResult {
  /** Ordered as the runner applies them; `index` set. */
  migrations: Migration[];
  findings: LayoutFinding[];
  companions: Companion[];
}

export interface LayoutAdapter {
  layout: LayoutName;
  /** The layout can express a down migration. */
  supportsDown: boolean;
  build(directory: MigrationDirectory): LayoutResult;
}

/** `dir` + `rel` in the files' path form. */
export function pathIn(dir: string, rel: string): string {
  return dir === '.' ? rel : `${dir.replace(/\/$/, '')}/${rel}`;
}

/**
 * The directory and those above it, nearest first, where a project's manifests and tool configs may
 * sit: up to the repository root (a directory with `.git/HEAD`), and at most four levels above the
 * working directory for relative paths (a run inside `crates/store/migrations` still finds
 * `crates/store/Cargo.toml`).
 */
export function ancestorDirs(dir: string, readAux: (path: string) => string | undefined): string[] {
  const normal = dir.replace(/\\/g, '/').replace(/\/$/, '') || '/';
  const out: string[] = [];
  let current = normal;
  for (let i = 0; i < 64; i++) {
    out.push(current);
    if (readAux(pathIn(current, '.git/HEAD')) !== undefined) break;
    const parent = parentDir(current);
    if (parent === undefined || (parent.split('/').filter((s) => s === '..').length > 4)) break;
    current = parent;
  }
  return out;
}

function parentDir(dir: string): string | undefined {
  if (dir === '/' || /^[A-Za-z]:$/.test(dir)) return undefined;
  if (dir === '.') return '..';
  if (/^(\.\.\/)*\.\.$/.test(dir)) return `${dir}/..`;
  const cut = dir.lastIndexOf('/');
  if (cut < 0) return '.';
  return cut === 0 ? '/' : dir.slice(0, cut);
}

/** Sets `index` in order and returns the array. */
export function numbered(migrations: Migration[]): Migration[] {
  migrations.forEach((m, i) => (m.index = i));
  return migrations;
}

/** The file name of a path in either separator style. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

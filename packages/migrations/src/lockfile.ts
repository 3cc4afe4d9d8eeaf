// The migration lockfile: `migralint.lock` in each migration set's directory, written by
// `migralint lock` and read by the history rules (docs/history.md).
//
// One JSON entry per migration file, one line each, in the order the runner applies them:
// `{ path, version, sha256, chain }`, where `chain = sha256(previous chain + sha256)`. So an edit,
// a removal, an insertion or a reorder of any file changes the chain of every entry after it, and
// two branches that each add a migration both change the end of the file — a merge conflict that
// makes someone decide the order, which is the point.
//
// Hashes are of the text as the runner means it: UTF-8, without a BOM, line ends as `\n` (like
// Flyway's checksum, a checkout that turns LF into CRLF is not an edit). Anyone can recompute
// them: `sed 's/\r$//' file.sql | sha256sum` for a file without a BOM or lone CRs.

import { createHash } from 'node:crypto';
import type { MigrationSet, ProjectModel, SourceFile } from '@migralint/core';

export const LOCKFILE_NAME = 'migralint.lock';
export const LOCKFILE_VERSION = 1;

export interface LockEntry {
  /** The file, relative to the lockfile's directory (the set's), `/`-separated. */
  path: string;
  /** The version of its migration, as the runner reads it. */
  version: string;
  /** SHA-256 (hex) of the file's text: UTF-8, no BOM, `\n` line ends. */
  sha256: string;
  /** SHA-256 (hex) of the previous entry's chain (empty for the first) followed by this `sha256`. */
  chain: string;
}

export interface Lockfile {
  lockfileVersion: typeof LOCKFILE_VERSION;
  /** The layout the order came from (for readers; the rules do not compare it). */
  layout?: string;
  /** Every migration file, in the runner's order: a migration's up files, then its down files. */
  migrations: LockEntry[];
}

/** The lockfile of one migration set, as computed from the files now. */
export interface SetLock {
  set: MigrationSet;
  /** Where the lockfile lives, in the files' path form (`supabase/migrations/migralint.lock`). */
  file: string;
  lock: Lockfile;
}

/** A lockfile that cannot be read: the message says where and what to do. */
export class LockfileError extends Error {}

/** The lockfile of a set: `migralint.lock` in its directory. */
export function lockfilePathOf(set: MigrationSet): string {
  const dir = set.dir.replace(/\/+$/, '');
  return dir === '.' ? LOCKFILE_NAME : `${dir}/${LOCKFILE_NAME}`;
}

/** A lock entry's path as a file of the run (the set's directory in front). */
export function filePathOf(set: MigrationSet, entryPath: string): string {
  const dir = set.dir.replace(/\/+$/, '');
  return dir === '.' ? entryPath : `${dir}/${entryPath}`;
}

function entryPathOf(set: MigrationSet, file: string): string {
  const dir = set.dir.replace(/\/+$/, '');
  if (dir === '.') return file;
  return file.startsWith(`${dir}/`) ? file.slice(dir.length + 1) : file;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text a hash is taken of: no BOM, `\n` line ends. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** SHA-256 (hex) of a migration file's text, as the lockfile records it. */
export function hashText(text: string): string {
  return sha256(normalizeText(text));
}

/** The chain after `previous` (empty string before the first entry) for a file hashed `fileSha`. */
export function chainOf(previous: string, fileSha: string): string {
  return sha256(previous + fileSha);
}

/**
 * The files of a set in the runner's order: each migration's up files, then its down files, each
 * file once. Repeatable migrations (Flyway `R__`) are left out: re-running them when they change is
 * what they are for.
 */
export function filesInOrder(set: MigrationSet): Array<{ file: string; version: string }> {
  const seen = new Set<string>();
  const out: Array<{ file: string; version: string }> = [];
  for (const migration of set.migrations) {
    if (migration.repeatable) continue;
    for (const part of [...migration.up, ...migration.down]) {
      if (seen.has(part.file)) continue;
      seen.add(part.file);
      out.push({ file: part.file, version: migration.version });
    }
  }
  return out;
}

/** The lockfile of one set from the files' texts now. */
export function computeSetLock(set: MigrationSet, textOf: (file: string) => string | undefined): Lockfile {
  let chain = '';
  const migrations = filesInOrder(set).map(({ file, version }): LockEntry => {
    const text = textOf(file);
    if (text === undefined) throw new Error(`computeSetLock: no text for ${file}, a file of the set in ${set.dir}`);
    const fileSha = hashText(text);
    chain = chainOf(chain, fileSha);
    return { path: entryPathOf(set, file), version, sha256: fileSha, chain };
  });
  return { lockfileVersion: LOCKFILE_VERSION, layout: set.layout, migrations };
}

/** The lockfile of every migration set of the model, from the run's files. */
export function computeLock(model: ProjectModel, files: readonly SourceFile[]): SetLock[] {
  const texts = new Map(files.map((f) => [f.path, f.text]));
  return model.sets.map((set) => ({ set, file: lockfilePathOf(set), lock: computeSetLock(set, (file) => texts.get(file)) }));
}

/** The lockfile's text: JSON, one migration per line, so a diff shows one line per changed file. */
export function formatLock(lock: Lockfile): string {
  const entry = (e: LockEntry) =>
    `{"path": ${JSON.stringify(e.path)}, "version": ${JSON.stringify(e.version)}, "sha256": "${e.sha256}", "chain": "${e.chain}"}`;
  const lines = ['{', `  "lockfileVersion": ${lock.lockfileVersion},`];
  if (lock.layout !== undefined) lines.push(`  "layout": ${JSON.stringify(lock.layout)},`);
  if (lock.migrations.length === 0) lines.push('  "migrations": []');
  else lines.push('  "migrations": [', lock.migrations.map((e) => `    ${entry(e)}`).join(',\n'), '  ]');
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

const HEX64 = /^[0-9a-f]{64}$/;
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})(?:\s|$)/m;

/**
 * Read a lockfile. Throws LockfileError with the key path of the first problem; merge conflict
 * markers get their own message, since they are the expected way for a lockfile to break.
 */
export function parseLock(text: string): Lockfile {
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    const line = text.slice(0, conflict.index).split('\n').length;
    throw new LockfileError(
      `it has a merge conflict (line ${line}): two branches changed the migration history; keep the migrations in the order ` +
        'they should run (rename the later one with a newer version), then run `migralint lock`',
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new LockfileError(`it is not valid JSON (${(error as Error).message}); run \`migralint lock\` to write it again`);
  }
  if (!isObject(data)) throw new LockfileError('expected a JSON object with "lockfileVersion" and "migrations"');
  if (data.lockfileVersion !== LOCKFILE_VERSION) {
    const newer = typeof data.lockfileVersion === 'number' && data.lockfileVersion > LOCKFILE_VERSION;
    throw new LockfileError(
      newer
        ? `lockfileVersion ${data.lockfileVersion} was written by a newer migralint; this one reads version ${LOCKFILE_VERSION}`
        : `lockfileVersion: expected ${LOCKFILE_VERSION}, got ${JSON.stringify(data.lockfileVersion)}`,
    );
  }
  if (data.layout !== undefined && typeof data.layout !== 'string') throw new LockfileError('layout: expected a string');
  if (!Array.isArray(data.migrations)) throw new LockfileError('migrations: expected an array of {path, version, sha256, chain}');
  const seen = new Map<string, number>();
  const migrations = data.migrations.map((raw, i): LockEntry => {
    const at = `migrations[${i}]`;
    if (!isObject(raw)) throw new LockfileError(`${at}: expected an object {path, version, sha256, chain}`);
    if (typeof raw.path !== 'string' || raw.path === '') throw new LockfileError(`${at}.path: expected a non-empty string`);
    if (typeof raw.version !== 'string') throw new LockfileError(`${at}.version: expected a string`);
    for (const key of ['sha256', 'chain'] as const) {
      if (typeof raw[key] !== 'string' || !HEX64.test(raw[key] as string)) throw new LockfileError(`${at}.${key}: expected 64 lowercase hex digits`);
    }
    const earlier = seen.get(raw.path);
    if (earlier !== undefined) throw new LockfileError(`${at}.path: "${raw.path}" is listed twice (also migrations[${earlier}])`);
    seen.set(raw.path, i);
    return { path: raw.path, version: raw.version, sha256: raw.sha256 as string, chain: raw.chain as string };
  });
  return { lockfileVersion: LOCKFILE_VERSION, ...(typeof data.layout === 'string' ? { layout: data.layout } : {}), migrations };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The first entry whose chain does not follow from the entries before it, or -1. A lockfile whose
 * merge conflict was resolved by keeping both sides, without `migralint lock`, has one.
 */
export function brokenChainAt(lock: Lockfile): number {
  let chain = '';
  for (let i = 0; i < lock.migrations.length; i++) {
    const entry = lock.migrations[i]!;
    chain = chainOf(chain, entry.sha256);
    if (entry.chain !== chain) return i;
  }
  return -1;
}

/** How the files now differ from the lockfile. Entries are the lockfile's (`locked`) and today's (`current`). */
export type LockChange =
  /** A locked file whose content changed. */
  | { kind: 'edited'; locked: LockEntry; current: LockEntry }
  /** A locked file that is gone. `next` is the file that now runs where it ran, if any. */
  | { kind: 'removed'; locked: LockEntry; next?: LockEntry }
  /** A locked file that is gone, and a new file with the same content. */
  | { kind: 'renamed'; locked: LockEntry; current: LockEntry }
  /** A locked file that now runs in another place among the locked ones. `after`: what it now follows (undefined: first). */
  | { kind: 'reordered'; locked: LockEntry; current: LockEntry; after?: LockEntry; lockedAfter?: LockEntry }
  /** A new file that runs before a locked one. `before`: the first locked file that now runs after it. */
  | { kind: 'inserted'; current: LockEntry; before: LockEntry }
  /** A new file after every locked one: the lockfile is only out of date. */
  | { kind: 'added'; current: LockEntry };

/**
 * Compare a lockfile with the lock computed now. Files are matched by path. Changes come in the
 * order of the current files (removed ones where they used to be).
 */
export function compareLock(lock: Lockfile, current: Lockfile): LockChange[] {
  const now = current.migrations;
  const indexNow = new Map(now.map((e, i) => [e.path, i]));
  const lockedPaths = new Set(lock.migrations.map((e) => e.path));

  // Locked files still there, in the lockfile's order; those off the longest run that kept its
  // relative order are the ones that moved.
  const surviving = lock.migrations.filter((e) => indexNow.has(e.path));
  const kept = new Set([...longestIncreasing(surviving.map((e) => indexNow.get(e.path)!))].map((i) => surviving[i]!));
  const lastLocked = surviving.length > 0 ? Math.max(...surviving.map((e) => indexNow.get(e.path)!)) : -1;

  // A removed file and a new one with the same content: a rename (first come, first paired).
  const fresh = now.filter((e) => !lockedPaths.has(e.path));
  const renamedTo = new Map<LockEntry, LockEntry>();
  const pairedNew = new Set<LockEntry>();
  for (const locked of lock.migrations) {
    if (indexNow.has(locked.path)) continue;
    const match = fresh.find((e) => !pairedNew.has(e) && e.sha256 === locked.sha256);
    if (match) {
      renamedTo.set(locked, match);
      pairedNew.add(match);
    }
  }

  const changes: Array<{ at: number; change: LockChange }> = [];
  let previousSurvivor = -1;
  lock.migrations.forEach((locked, i) => {
    const at = indexNow.get(locked.path);
    if (at === undefined) {
      const to = renamedTo.get(locked);
      if (to) {
        changes.push({ at: indexNow.get(to.path)!, change: { kind: 'renamed', locked, current: to } });
        return;
      }
      const next = now[previousSurvivor + 1];
      changes.push({ at: previousSurvivor + 0.5, change: { kind: 'removed', locked, ...(next ? { next } : {}) } });
      return;
    }
    previousSurvivor = at;
    const entry = now[at]!;
    if (entry.sha256 !== locked.sha256) changes.push({ at, change: { kind: 'edited', locked, current: entry } });
    if (!kept.has(locked)) {
      const after = at > 0 ? now[at - 1] : undefined;
      const lockedAfter = i > 0 ? lock.migrations[i - 1] : undefined;
      changes.push({
        at: at + 0.1,
        change: { kind: 'reordered', locked, current: entry, ...(after ? { after } : {}), ...(lockedAfter ? { lockedAfter } : {}) },
      });
    }
  });
  now.forEach((entry, at) => {
    if (lockedPaths.has(entry.path) || pairedNew.has(entry)) return;
    if (at < lastLocked) {
      const next = now.slice(at + 1).find((e) => lockedPaths.has(e.path))!;
      const before = lock.migrations.find((e) => e.path === next.path)!;
      changes.push({ at, change: { kind: 'inserted', current: entry, before } });
    } else changes.push({ at, change: { kind: 'added', current: entry } });
  });
  return changes.sort((a, b) => a.at - b.at).map((c) => c.change);
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) out.add(i);
  return out;
}

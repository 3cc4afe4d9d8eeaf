// Recording a run for warm-run.ts to replay. A replay is right only when everything the run's
// output depends on is unchanged, so the entry stamps more than the run read:
//
// - every directory the run listed or searched: the folders walked (with no path given, every
//   folder under the cwd that the search for histories may enter), each history's folder and its
//   subfolders (a file named alone brings its history), the folder of each layout file the engine
//   asked for (an absent folder is recorded as absent), the cwd, and the folder of each file with
//   its parents up to the project root (where the config search stops: config-finder's
//   isProjectRoot). A file added, removed or renamed in one of them changes its stamp;
// - every file directly in those directories, not only the SQL: configs, package.json,
//   .migralintignore, sqitch.plan, the lockfile. A file written changes its stamp.
//
// A run is recorded only when its output depends on nothing else: a replayable request
// (warm-run.ts), no glob, no link to a folder where histories are searched for, no baseline file,
// no unreadable file, every result cached, every config a JSON or YAML file with only the built-in
// rule packs and none extended from a package (a JS config or a plugin is code that may read
// anything; a package name may resolve elsewhere). Stamps are taken after the run (a folder's
// before it is listed); when any is newer than 2 s before the run started, something changed while
// it ran (or within the clock's tick, as for the stamps of result-cache.ts): nothing is recorded.
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '@migralint/core';
import { configFiles, isProjectRoot } from '@migralint/config';
import { migrationRootOf } from '@migralint/migrations';
import { BASELINE_FILE } from './baseline.js';
import { historyRoots, type FoundFiles } from './find-files.js';
import { NEVER_DIRS } from './find-histories.js';
import type { CliIO } from './io.js';
import type { CliRequest } from './parse-args.js';
import type { ResultCache } from './result-cache.js';
import { isBuiltinPlugin } from './rule-packs.js';
import { dirStamp, RUN_FORMAT, runEntryFile, statOf, type DirStamp, type FileStamp, type RunHeader } from './warm-run.js';

/** A file modified this recently may be written again without its times changing (result-cache.ts). */
const RACY_MS = 2000;

/** What a run wrote to stdout and stderr, recorded as it goes to the real streams. */
export class OutputRecorder {
  readonly io: CliIO;
  readonly #stdout: Uint8Array[] = [];
  #stdoutLength = 0;
  readonly #stderr: Array<[number, string]> = [];

  constructor(io: CliIO) {
    // The streams themselves (isTTY, columns, listeners) with `write` recorded; `record` returns
    // what to pass on.
    const recorded = <T extends NodeJS.WritableStream>(stream: T, record: (chunk: string | Uint8Array) => string | Uint8Array): T =>
      Object.create(stream, {
        write: { value: (chunk: string | Uint8Array, ...rest: unknown[]) => (stream.write as (...args: unknown[]) => boolean)(record(chunk), ...rest) },
      }) as T;
    this.io = {
      ...io,
      // Encoded once, here: the stream is given the bytes (an 11 MB report encoded twice cost ~100 ms).
      stdout: recorded(io.stdout, (chunk) => {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        this.#stdout.push(bytes);
        this.#stdoutLength += bytes.length;
        return bytes;
      }),
      stderr: recorded(io.stderr, (chunk) => {
        this.#stderr.push([this.#stdoutLength, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')]);
        return chunk;
      }),
    };
  }

  get stdout(): Uint8Array[] {
    return this.#stdout;
  }

  get stderr(): Array<[number, string]> {
    return this.#stderr;
  }
}

export interface FinishedRun {
  argv: readonly string[];
  /** The real streams (the key depends on them), not the recorder's. */
  io: CliIO;
  request: CliRequest;
  /** Date.now() when the run began, before it read anything. */
  startedMs: number;
  found: FoundFiles;
  /** Absolute paths of every file linted. */
  analysed: Iterable<string>;
  configs: Iterable<ResolvedConfig>;
  inputProblems: number;
  cache: ResultCache;
  output: OutputRecorder;
  code: number;
}

/** Writes the run's entry when its output can be replayed (see above); otherwise nothing. */
export function recordWarmRun(run: FinishedRun): void {
  const { io, request, cache } = run;
  if (!cache.complete || run.inputProblems > 0) return;
  // A glob is expanded by a library, from listings this does not follow.
  if (request.paths.some((arg) => !fs.existsSync(path.resolve(io.cwd, arg)))) return;
  // Baseline entries name files anywhere.
  if (fs.existsSync(path.join(io.cwd, BASELINE_FILE))) return;
  const stamps = new DirStamps(run.startedMs - RACY_MS, path.resolve(io.cwd, request.cache!.location));
  const listings = new Listings();
  if (!addDependedOnDirs(run, stamps, listings)) return;

  const dirStamps: DirStamp[] = [];
  const fileStamps: FileStamp[] = [];
  for (const [dir, stamp] of [...stamps.taken].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const index = dirStamps.push(stamp) - 1;
    if (stamp.length === 1) continue;
    const entries = listings.of(dir);
    if (!entries) return; // gone or closed since the run: nothing to vouch for
    for (const entry of entries) {
      if (entry.isDirectory()) continue;
      // The migrations were stat'ed before they were read (result-cache.ts): no second stat.
      const file = path.join(dir, entry.name);
      const stat = cache.stats.get(file) ?? statOf(file);
      // A link to nothing or a socket: nothing read; replacing it changes the directory's stamp.
      if (!stat?.isFile()) continue;
      if (Math.max(stat.mtimeMs, stat.ctimeMs) > stamps.newest) return;
      fileStamps.push([index, entry.name, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
    }
  }
  const header: RunHeader = { format: RUN_FORMAT, dirs: dirStamps, files: fileStamps, stderr: run.output.stderr, code: run.code };
  cache.write(runEntryFile(request, run.argv, io), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...run.output.stdout]));
}

/**
 * The stamps of the directories a run depends on, each taken when the directory is added, before
 * it is listed (a change after the stamp makes the replay miss, never hit). A directory changed
 * since 2 s before the run, or inside the cache's own, ends the recording at once.
 */
class DirStamps {
  readonly taken = new Map<string, DirStamp>();

  constructor(
    readonly newest: number,
    readonly cacheDir: string,
  ) {}

  /** False: nothing can be recorded. */
  add(dir: string): boolean {
    if (this.taken.has(dir)) return true;
    const relative = path.relative(this.cacheDir, dir);
    if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) return false;
    const stamp = dirStamp(dir);
    if (stamp.length > 1 && Math.max(stamp[1]!, stamp[2]!) > this.newest) return false;
    this.taken.set(dir, stamp);
    return true;
  }
}

/** Stamps the directories the run's output depends on (see above); false when one rules a replay out. */
function addDependedOnDirs(run: FinishedRun, stamps: DirStamps, listings: Listings): boolean {
  const { cwd } = run.io;
  for (const dir of [cwd, ...run.found.listings.keys()]) if (!stamps.add(dir)) return false;
  if (run.found.histories && !addSearchedTree(cwd, stamps, listings)) return false;
  // The config search, from each file's folder up to the project root.
  const climbed = new Set<string>();
  for (const file of run.analysed) {
    for (let dir = path.dirname(file); !climbed.has(dir); dir = path.dirname(dir)) {
      climbed.add(dir);
      if (!stamps.add(dir)) return false;
      if (isProjectRoot(dir, listings.names(dir)) || path.dirname(dir) === dir) break;
    }
  }
  for (const file of run.cache.auxFiles) if (!stamps.add(path.dirname(path.resolve(cwd, file)))) return false;
  for (const root of historyRoots(cwd, run.found.explicit, migrationRootOf).keys()) {
    if (!stamps.add(root)) return false;
    for (const entry of listings.of(root) ?? []) {
      const sub = path.join(root, entry.name);
      if ((entry.isDirectory() || (entry.isSymbolicLink() && statOf(sub)?.isDirectory())) && !stamps.add(sub)) return false;
    }
  }
  for (const config of run.configs) {
    const files = configFiles(config);
    if (!files || !config.plugins.every(isBuiltinPlugin)) return false;
    // A config extended from a package: which file a package name resolves to can change in
    // folders this does not stamp (a node_modules nearer the config).
    for (const file of files) if (/\.[cm]?js$/.test(file) || file.split(path.sep).includes('node_modules') || !stamps.add(path.dirname(file))) return false;
  }
  return true;
}

/**
 * With no path given, histories are searched for under the cwd (find-histories.ts): every folder it
 * may enter, hidden ones too (.gitignore files count), but the cache's own (it holds neither .sql
 * nor .gitignore files). False at a link to a folder: the search follows some and not others,
 * which this does not mirror.
 */
function addSearchedTree(dir: string, stamps: DirStamps, listings: Listings): boolean {
  if (!stamps.add(dir)) return false;
  // Unreadable: its stamp (or absence) is what the search saw.
  for (const entry of listings.of(dir) ?? []) {
    const sub = path.join(dir, entry.name);
    if (entry.isSymbolicLink() && statOf(sub)?.isDirectory()) return false;
    if (entry.isDirectory() && !NEVER_DIRS.has(entry.name) && sub !== stamps.cacheDir && !addSearchedTree(sub, stamps, listings)) return false;
  }
  return true;
}

/** Directory listings, each read once while a run is recorded. */
class Listings {
  readonly #entries = new Map<string, fs.Dirent[] | undefined>();

  /** The entries, or undefined when the directory cannot be read. */
  of(dir: string): fs.Dirent[] | undefined {
    if (!this.#entries.has(dir)) {
      let entries: fs.Dirent[] | undefined;
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        entries = undefined;
      }
      this.#entries.set(dir, entries);
    }
    return this.#entries.get(dir);
  }

  names(dir: string): string[] {
    return (this.of(dir) ?? []).map((entry) => entry.name);
  }
}

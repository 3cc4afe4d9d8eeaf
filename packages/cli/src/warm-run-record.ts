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
// (warm-run.ts), no glob, no link to a folder where histories are searched for, no baseline file, no unreadable file, every result cached, every config a
// JSON or YAML file in one of those directories with only built-in rule packs (a JS config or a
// plugin is code that may read anything). Stamps are taken after the run; when any of them is newer
// than 2 s before the run started, something changed while it ran (or within the clock's tick, as
// for the file stamps of result-cache.ts) and nothing is recorded.
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
  const cacheDir = path.resolve(io.cwd, request.cache!.location);
  const listings = new Listings();
  const dirs = dependedOnDirs(run, cacheDir, listings);
  if (!dirs) return;
  if ([...dirs].some((dir) => isInside(dir, cacheDir))) return;

  const newest = run.startedMs - RACY_MS;
  const dirStamps: DirStamp[] = [];
  const fileStamps: FileStamp[] = [];
  for (const dir of [...dirs].sort()) {
    const stamp = dirStamp(dir);
    if (stamp.length > 1 && Math.max(stamp[1]!, stamp[2]!) > newest) return;
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
      if (Math.max(stat.mtimeMs, stat.ctimeMs) > newest) return;
      fileStamps.push([index, entry.name, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
    }
  }
  const header: RunHeader = { format: RUN_FORMAT, dirs: dirStamps, files: fileStamps, stderr: run.output.stderr, code: run.code };
  cache.write(runEntryFile(request, run.argv, io), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), ...run.output.stdout]));
}

/** The directories the run's output depends on (see above), or undefined when a config rules a replay out. */
function dependedOnDirs(run: FinishedRun, cacheDir: string, listings: Listings): Set<string> | undefined {
  const { cwd } = run.io;
  const dirs = new Set<string>([cwd, ...run.found.dirs]);
  if (run.found.histories && !addSearchedTree(cwd, cacheDir, dirs, listings)) return undefined;
  // The config search, from each file's folder up to the project root.
  const climbed = new Set<string>();
  for (const file of run.analysed) {
    for (let dir = path.dirname(file); !climbed.has(dir); dir = path.dirname(dir)) {
      climbed.add(dir);
      dirs.add(dir);
      if (isProjectRoot(dir, listings.names(dir)) || path.dirname(dir) === dir) break;
    }
  }
  for (const file of run.cache.auxFiles) dirs.add(path.dirname(path.resolve(cwd, file)));
  for (const root of historyRoots(cwd, run.found.explicit, migrationRootOf).keys()) {
    dirs.add(root);
    for (const entry of listings.names(root)) if (statOf(path.join(root, entry))?.isDirectory()) dirs.add(path.join(root, entry));
  }
  for (const config of run.configs) {
    const files = configFiles(config);
    if (!files || !config.plugins.every(isBuiltinPlugin)) return undefined;
    for (const file of files) {
      if (/\.[cm]?js$/.test(file)) return undefined;
      dirs.add(path.dirname(file));
    }
  }
  return dirs;
}

/**
 * With no path given, histories are searched for under the cwd (find-histories.ts): every folder it
 * may enter, hidden ones too (.gitignore files count), but the cache's own (it holds neither .sql
 * nor .gitignore files). False at a link to a folder: the search follows some and not others,
 * which this does not mirror.
 */
function addSearchedTree(dir: string, cacheDir: string, dirs: Set<string>, listings: Listings): boolean {
  dirs.add(dir);
  // Unreadable: its stamp (or absence) is what the search saw.
  for (const entry of listings.of(dir) ?? []) {
    const sub = path.join(dir, entry.name);
    if (entry.isSymbolicLink() && statOf(sub)?.isDirectory()) return false;
    if (entry.isDirectory() && !NEVER_DIRS.has(entry.name) && sub !== cacheDir && !addSearchedTree(sub, cacheDir, dirs, listings)) return false;
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

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

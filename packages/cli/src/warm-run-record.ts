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
  readonly #stdout: Array<string | Uint8Array> = [];
  #stdoutLength = 0;
  readonly #stderr: Array<[number, string]> = [];

  constructor(io: CliIO) {
    // The streams themselves (isTTY, columns, listeners) with `write` recorded.
    const recorded = <T extends NodeJS.WritableStream>(stream: T, record: (chunk: string | Uint8Array) => void): T =>
      Object.create(stream, {
        write: {
          value: (chunk: string | Uint8Array, ...rest: unknown[]) => {
            record(chunk);
            return (stream.write as (...args: unknown[]) => boolean)(chunk, ...rest);
          },
        },
      }) as T;
    this.io = {
      ...io,
      stdout: recorded(io.stdout, (chunk) => {
        this.#stdout.push(chunk);
        this.#stdoutLength += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
      }),
      stderr: recorded(io.stderr, (chunk) => this.#stderr.push([this.#stdoutLength, typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')])),
    };
  }

  get stdout(): Buffer {
    return Buffer.concat(this.#stdout.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
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
  const dirs = dependedOnDirs(run, cacheDir);
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
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // gone or closed since the run: nothing to vouch for
    }
    for (const entry of entries) {
      if (entry.isDirectory()) continue;
      const stat = statOf(path.join(dir, entry.name));
      // A link to nothing or a socket: nothing read; replacing it changes the directory's stamp.
      if (!stat?.isFile()) continue;
      if (Math.max(stat.mtimeMs, stat.ctimeMs) > newest) return;
      fileStamps.push([index, entry.name, stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino]);
    }
  }
  const header: RunHeader = { format: RUN_FORMAT, dirs: dirStamps, files: fileStamps, stderr: run.output.stderr, code: run.code };
  cache.write(runEntryFile(request, run.argv, io), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), run.output.stdout]));
}

/** The directories the run's output depends on (see above), or undefined when a config rules a replay out. */
function dependedOnDirs(run: FinishedRun, cacheDir: string): Set<string> | undefined {
  const { cwd } = run.io;
  const dirs = new Set<string>([cwd, ...run.found.dirs]);
  if (run.found.histories && !addSearchedTree(cwd, cacheDir, dirs)) return undefined;
  // The config search, from each file's folder up to the project root.
  const climbed = new Set<string>();
  for (const file of run.analysed) {
    for (let dir = path.dirname(file); !climbed.has(dir); dir = path.dirname(dir)) {
      climbed.add(dir);
      dirs.add(dir);
      if (isProjectRoot(dir, listing(dir)) || path.dirname(dir) === dir) break;
    }
  }
  for (const file of run.cache.auxFiles) dirs.add(path.dirname(path.resolve(cwd, file)));
  for (const root of historyRoots(cwd, run.found.explicit, migrationRootOf).keys()) {
    dirs.add(root);
    for (const entry of listing(root)) if (statOf(path.join(root, entry))?.isDirectory()) dirs.add(path.join(root, entry));
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
function addSearchedTree(dir: string, cacheDir: string, dirs: Set<string>): boolean {
  dirs.add(dir);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return true; // unreadable: its stamp (or absence) is what the search saw
  }
  for (const entry of entries) {
    const sub = path.join(dir, entry.name);
    if (entry.isSymbolicLink() && statOf(sub)?.isDirectory()) return false;
    if (entry.isDirectory() && !NEVER_DIRS.has(entry.name) && sub !== cacheDir && !addSearchedTree(sub, cacheDir, dirs)) return false;
  }
  return true;
}

function listing(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

function isInside(dir: string, parent: string): boolean {
  const relative = path.relative(parent, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

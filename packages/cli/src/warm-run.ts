// `--cache`, when nothing changed since a run with the same arguments: that run's output, replayed.
// A fully cached run still walked every folder, found every config, read 61 cache entries, rebuilt
// and formatted the results (~600 ms on the corpus, 11 MB of JSON); this checks the stamps of what
// the run depended on and writes what it wrote (~150 ms). The bin calls it before it loads the rest
// of the CLI, so this module imports little. What a replay depends on, and when a run is recorded
// for one, is in warm-run-record.ts.
//
// An entry is one file, `run-<key>` in the cache directory: a JSON header line (the stamps, the
// stderr lines, the exit code), then the bytes the run wrote to stdout.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildStamp } from './build-stamp.js';
import type { CliIO } from './io.js';
import { parseCliArgs, type CliRequest } from './parse-args.js';
import { dropOutputAfterClosedPipe } from './terminal-output.js';

/** Bump when the entry format changes. */
export const RUN_FORMAT = 1;

/** A directory: its modification and change times and inode (any entry added, removed or renamed changes them); `[path]` when absent. */
export type DirStamp = [path: string, mtimeMs: number, ctimeMs: number, ino: number] | [path: string];
/** A file of one of the directories (by index): size, modification and change times, inode. */
export type FileStamp = [dir: number, name: string, size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface RunHeader {
  format: number;
  dirs: DirStamp[];
  files: FileStamp[];
  /** What the run wrote to stderr, each at the length stdout had then (so the two interleave as they did). */
  stderr: Array<[at: number, text: string]>;
  code: number;
}

/**
 * Reports that are text on stdout and nothing else. The code-host formats ask git for the
 * repository root, and GitHub's also writes the job summary; a reporter package is code.
 */
const REPLAYABLE_FORMATS = new Set(['terminal', 'json']);

/** A lint run whose output is a function of files and arguments alone: it can be replayed. */
export function replayable(request: CliRequest): boolean {
  return (
    request.command === 'lint' &&
    request.cache?.strategy === 'metadata' &&
    !request.stdin &&
    !request.fix &&
    !request.staged &&
    request.changedSince === undefined &&
    !request.pruneBaseline &&
    request.formats.every((format) => format.file === undefined && REPLAYABLE_FORMATS.has(format.name))
  );
}

/**
 * The entry of a run: keyed by the build, the directory, the arguments, and what of the terminal
 * and the environment the output depends on (colour, width).
 */
export function runEntryFile(request: CliRequest, argv: readonly string[], io: CliIO): string {
  const stdout = io.stdout as CliIO['stdout'] & { columns?: number };
  const key = JSON.stringify([RUN_FORMAT, buildStamp(), process.version, io.cwd, argv, Boolean(stdout.isTTY), stdout.columns ?? null, io.env.NO_COLOR ?? null, io.env.COLUMNS ?? null]);
  return path.join(path.resolve(io.cwd, request.cache!.location), `run-${createHash('sha256').update(key).digest('hex')}`);
}

/** The exit code after replaying the recorded run, or undefined: run for real. */
export function replayWarmRun(argv: readonly string[], io: CliIO): number | undefined {
  let request: CliRequest;
  try {
    request = parseCliArgs(argv);
  } catch {
    return undefined; // main() says what is wrong with the arguments
  }
  if (!replayable(request)) return undefined;
  let bytes: Buffer;
  let header: RunHeader;
  try {
    bytes = fs.readFileSync(runEntryFile(request, argv, io));
    header = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as RunHeader;
  } catch {
    return undefined; // no entry yet, or a damaged one
  }
  if (header.format !== RUN_FORMAT || !unchanged(header)) return undefined;
  dropOutputAfterClosedPipe(io.stdout, io.stderr);
  const stdout = bytes.subarray(bytes.indexOf(10) + 1);
  let at = 0;
  for (const [offset, text] of header.stderr) {
    if (offset > at) io.stdout.write(stdout.subarray(at, offset));
    at = Math.max(at, offset);
    io.stderr.write(text);
  }
  if (at < stdout.length) io.stdout.write(stdout.subarray(at));
  return header.code;
}

/** Whether every directory and file still has its recorded stamp. */
function unchanged(header: RunHeader): boolean {
  for (const recorded of header.dirs) {
    if (!sameStamp(dirStamp(recorded[0]), recorded)) return false;
  }
  for (const recorded of header.files) {
    const dir = header.dirs[recorded[0]]![0];
    const stat = statOf(`${dir}${path.sep}${recorded[1]}`);
    if (!stat || stat.size !== recorded[2] || stat.mtimeMs !== recorded[3] || stat.ctimeMs !== recorded[4] || stat.ino !== recorded[5]) return false;
  }
  return true;
}

function sameStamp(a: DirStamp, b: DirStamp): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

export function dirStamp(dir: string): DirStamp {
  const stat = statOf(dir);
  return stat?.isDirectory() ? [dir, stat.mtimeMs, stat.ctimeMs, stat.ino] : [dir];
}

export function statOf(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined; // not a directory on the way, no permission: not what was recorded
  }
}

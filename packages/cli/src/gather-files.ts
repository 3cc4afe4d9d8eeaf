// From paths on the command line to the inputs of a run, shared by lint, lock, verify and plan:
// read the files, group them by the config that governs them, name them as reports show them.

import fs from 'node:fs';
import path from 'node:path';
import { matchesFiles, type ResolvedConfig, type SourceInput } from '@migralint/core';
import { ConfigLoader } from '@migralint/config';
import { migrationRootOf } from '@migralint/migrations';
import { findFiles, historyFiles } from './find-files.js';
import type { CliIO } from './io.js';
import { UsageError } from './parse-args.js';
import { InputError } from './input-error.js';
import { readInput } from './read-input.js';
import { KNOWN_RULES } from './known-rules.js';
import { RULE_PACKS } from './rule-packs.js';
import { requireReadable } from './input-problems.js';
import { sourceInput, type UnchangedFile } from './unchanged-file.js';

/** How a file appears in reports: relative to the cwd with `/`, or absolute when outside it. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel.startsWith('..') ? abs : rel.split(path.sep).join('/');
}

export function readBytes(abs: string): Uint8Array {
  // Unreadable (permissions, a FIFO, UTF-16, vanished): an empty buffer would pass silently, so fail the run.
  const outcome = readInput(abs);
  if (outcome.problem !== undefined) throw new InputError(`cannot read ${abs}: ${outcome.problem}`);
  return outcome.bytes;
}

/** `readAux` for lint(): a non-SQL file by path (relative to the cwd), or undefined when absent. */
export function auxReader(cwd: string): (file: string) => string | undefined {
  return (file) => {
    try {
      return fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Configs for the directories of one run, cached per directory and per config file. */
export type ConfigFor = (dir: string) => Promise<ResolvedConfig>;

/** `listings`: directories the run has listed already (findFiles), so the config search need not. */
export function configLoaderFor(cwd: string, configFile: string | undefined, listings?: ReadonlyMap<string, readonly string[]>): ConfigFor {
  const loader = new ConfigLoader({ cwd, ...(configFile ? { configFile: path.resolve(cwd, configFile) } : {}), builtinPacks: RULE_PACKS, knownRules: KNOWN_RULES, ...(listings ? { listings } : {}) });
  return (dir) => loader.forDirectory(dir);
}

/**
 * Files (absolute path → content) grouped by the config that governs them, minus the config's
 * `ignores`. Files sharing a config share one ResolvedConfig object, so one lint() per group.
 */
export async function groupByConfig(
  cwd: string,
  files: Iterable<[abs: string, content: Uint8Array | UnchangedFile]>,
  configFor: ConfigFor,
  pathOf: (abs: string) => string = (abs) => displayPath(cwd, abs),
): Promise<Map<ResolvedConfig, SourceInput[]>> {
  const groups = new Map<ResolvedConfig, SourceInput[]>();
  for (const [abs, content] of files) {
    const config = await configFor(path.dirname(abs));
    if (config.ignores.length > 0 && matchesFiles(config.root, config.ignores, abs)) continue;
    let list = groups.get(config);
    if (!list) groups.set(config, (list = []));
    list.push(sourceInput(pathOf(abs), content));
  }
  return groups;
}

/** The files of the histories the paths name, grouped by the config that governs them. */
export interface LoadedHistories {
  groups: Map<ResolvedConfig, SourceInput[]>;
  /** Absolute paths of files named one by one (reported alone); undefined: everything is reported. */
  reported?: Set<string>;
  readAux: (file: string) => string | undefined;
}

/** An editor's or assistant's unsaved text, standing in for (or added as) the file at `path`. */
export interface StdinFile {
  /** Where the file is or would be (relative to the cwd or absolute): it selects the history. */
  path: string;
  content: Uint8Array;
}

/**
 * For `verify` and `plan`: named files come with their whole history, which is not reported. With
 * `stdin`, the text replaces (or joins) its file in that history, and only it is reported.
 */
export async function loadHistories(io: CliIO, paths: readonly string[], configFile: string | undefined, command: string, stdin?: StdinFile): Promise<LoadedHistories> {
  const all = new Map<string, Uint8Array | undefined>();
  let reported: Set<string> | undefined;
  if (stdin) {
    const abs = path.resolve(io.cwd, stdin.path);
    for (const f of await historyFiles(io.cwd, [abs], migrationRootOf)) all.set(f, undefined);
    all.set(abs, stdin.content);
    reported = new Set([abs]);
  } else {
    const found = await findFiles(io.cwd, paths);
    // A history with a file missing cannot be replayed: stop at the first one that cannot be read.
    requireReadable(found.problems, io.cwd);
    for (const name of found.ignoredExplicit) io.stderr.write(`migralint ${command}: ${name} is listed in .migralintignore and was left out\n`);
    if (found.files.length === 0) throw new UsageError('every file given is listed in .migralintignore; nothing to do');
    for (const f of found.files) all.set(f, undefined);
    if (found.explicit.length > 0) {
      for (const f of await historyFiles(io.cwd, found.explicit, migrationRootOf)) all.set(f, undefined);
      reported = new Set(found.files);
    }
  }
  const sorted = [...all.keys()].sort();
  const groups = await groupByConfig(io.cwd, sorted.map((abs) => [abs, all.get(abs) ?? readBytes(abs)] as [string, Uint8Array]), configLoaderFor(io.cwd, configFile));
  if (groups.size === 0) throw new UsageError('every file given is ignored (.migralintignore or "ignores" in the config); nothing to do');
  return { groups, ...(reported ? { reported } : {}), readAux: auxReader(io.cwd) };
}

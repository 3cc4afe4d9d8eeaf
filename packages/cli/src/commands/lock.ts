// `migralint lock [paths…]`: write the lockfile of every migration set the paths belong to —
// `migralint.lock` in the set's directory, one line per migration file with chained SHA-256 — which
// `history/edited-migration` checks applied migrations against. `--check` writes nothing and exits 1
// when a lockfile is missing or out of date (CI). See docs/history.md.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type ProjectModel, type SourceFile } from '@migralint/core';
import { ConfigError } from '@migralint/config';
import { compareLock, computeLock, formatLock, lint, LockfileError, migrationRootOf, parseLock, type LockChange, type SetLock } from '@migralint/migrations';
import { findFiles, historyFiles } from '../find-files.js';
import { requireReadable } from '../input-problems.js';
import type { CliIO } from '../io.js';
import { usageErrorOf, UsageError } from '../parse-args.js';
import { auxReader, configLoaderFor, groupByConfig, readBytes } from '../gather-files.js';
import { reportFailure } from '../report-failure.js';
import { writeFileAtomic } from '../write-output.js';

export const LOCK_HELP = `Usage: migralint lock [options] [paths...]

Write migralint.lock in the directory of every migration set the paths belong to (default: the
usual migrations folders): one line per migration file, in the order the runner applies them, with
chained SHA-256 hashes. history/edited-migration reports edits of the files it records.

Options:
  --check              Write nothing; exit 1 when a lockfile is missing or out of date
  -c, --config <file>  Use this config file (its layout settings decide the order)
  -h, --help           Show this help

Exit codes: 0 written or up to date, 1 out of date (--check), 2 usage, config or unreadable files.
`;

interface LockRequest {
  paths: string[];
  check: boolean;
  config?: string;
  help: boolean;
}

export async function runLockCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const request = parseLockArgs(argv);
    if (request.help) {
      io.stdout.write(LOCK_HELP);
      return 0;
    }
    return await lockSets(request, io);
  } catch (error) {
    // The user's mistakes here; anything else goes up to `main` as an internal error.
    if (error instanceof UsageError || error instanceof ConfigError) return reportFailure(error, io, { prefix: 'migralint lock', debug: false });
    throw error;
  }
}

function parseLockArgs(argv: readonly string[]): LockRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        check: { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error, '(see "migralint lock --help")');
  }
  const { values, positionals } = parsed;
  return {
    paths: positionals,
    check: values.check ?? false,
    help: values.help ?? false,
    ...(values.config !== undefined ? { config: values.config } : {}),
  };
}

async function lockSets(request: LockRequest, io: CliIO): Promise<number> {
  const sets = await currentLocks(request, io);
  if (sets.length === 0) throw new UsageError('the files given belong to no migration set; pass the folder that holds the migrations');
  let outOfDate = 0;
  for (const set of sets) {
    const abs = path.resolve(io.cwd, set.file);
    const text = formatLock(set.lock);
    const existing = readText(abs);
    const count = plural(set.lock.migrations.length, 'migration file');
    if (existing === text) {
      io.stdout.write(`${set.file} is up to date (${count})\n`);
      continue;
    }
    const { changes, problem } = differences(existing, set);
    if (request.check) {
      outOfDate++;
      io.stdout.write(`${set.file} is out of date: ${problem ?? summary(changes)}\n`);
      for (const line of changeLines(changes)) io.stdout.write(`  ${line}\n`);
      continue;
    }
    writeFileAtomic(abs, text);
    io.stdout.write(`wrote ${set.file} (${count}${existing === undefined ? '' : `; ${problem ?? summary(changes)}`})\n`);
    for (const line of changeLines(changes)) io.stdout.write(`  ${line}\n`);
    const rewritten = changes.filter((c) => c.kind !== 'added');
    if (rewritten.length > 0) {
      io.stderr.write(
        `migralint lock: ${set.file} now accepts ${plural(rewritten.length, 'change')} to migrations it had recorded; ` +
          'make sure no database ran the old versions, or restore them and make the change in a new migration\n',
      );
    }
  }
  if (outOfDate > 0) {
    io.stderr.write(`migralint lock: ${plural(outOfDate, 'lockfile')} out of date; run \`migralint lock\` and commit the result\n`);
    return 1;
  }
  return 0;
}

/** The lock of every set the paths belong to, computed from the files now (whole histories). */
async function currentLocks(request: LockRequest, io: CliIO): Promise<SetLock[]> {
  const found = await findFiles(io.cwd, request.paths);
  // A lock that silently left out a file (a dangling link, a FIFO) would pass `lock --check` forever.
  requireReadable(found.problems, io.cwd);
  for (const name of found.ignoredExplicit) io.stderr.write(`migralint lock: ${name} is listed in .migralintignore and was not locked\n`);
  if (found.files.length === 0) throw new UsageError('every file given is listed in .migralintignore; nothing to lock');
  // A lockfile covers a whole history, whichever of its files were named.
  const files = [...new Set([...found.files, ...(await historyFiles(io.cwd, found.files, migrationRootOf))])].sort();

  const groups = await groupByConfig(io.cwd, files.map((abs) => [abs, readBytes(abs)] as [string, Uint8Array]), configLoaderFor(io.cwd, request.config));
  const readAux = auxReader(io.cwd);

  const locks: SetLock[] = [];
  for (const [config, inputs] of groups) {
    let built: { model: ProjectModel; files: readonly SourceFile[] } | undefined;
    // The model only: no rule runs. Settings and overrides stay, since they choose layouts.
    const result = await lint({
      files: inputs,
      config: { ...config, rules: {}, overrides: config.overrides.map(({ rules: _rules, ...override }) => override) },
      cwd: io.cwd,
      readAux,
      onModel: (model, files) => {
        built = { model, files };
      },
    });
    // A file that is not readable text would be left out of the lockfile without a word.
    const unreadable = result.files.filter((f) => f.unreadable).map((f) => f.path);
    if (unreadable.length > 0) throw new UsageError(`cannot read ${unreadable.join(', ')} as SQL text; fix or ignore ${unreadable.length > 1 ? 'them' : 'it'} before locking`);
    const failure = result.notifications.find((n) => n.level === 'error');
    if (failure || !built) throw new Error(failure?.message ?? 'the migration model was not built');
    locks.push(...computeLock(built.model, built.files));
  }
  return locks.sort((a, b) => a.file.localeCompare(b.file));
}

/** How the lockfile on disk differs from the one computed now. */
function differences(existing: string | undefined, set: SetLock): { changes: LockChange[]; problem?: string } {
  if (existing === undefined) return { changes: [], problem: 'it does not exist yet' };
  try {
    const changes = compareLock(parseLock(existing), set.lock);
    return changes.length > 0 ? { changes } : { changes, problem: 'its text differs from what `migralint lock` writes (a hand edit or merge)' };
  } catch (error) {
    if (error instanceof LockfileError) return { changes: [], problem: `it cannot be read: ${error.message}` };
    throw error;
  }
}

function summary(changes: readonly LockChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

function changeLines(changes: readonly LockChange[]): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'added':
        return `added     ${change.current.path}`;
      case 'edited':
        return `edited    ${change.current.path}`;
      case 'removed':
        return `removed   ${change.locked.path}`;
      case 'renamed':
        return `renamed   ${change.locked.path} → ${change.current.path}`;
      case 'reordered':
        return `reordered ${change.current.path} (now ${change.after ? `after ${change.after.path}` : 'first'})`;
      case 'inserted':
        return `inserted  ${change.current.path} (before ${change.before.path})`;
    }
  });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function readText(abs: string): string | undefined {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
}


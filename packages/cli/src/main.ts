// `migralint` from argv to exit code: find files, find their config, lint, report (DESIGN.md §2, §10).

import path from 'node:path';
import { loadParser, type VcsChanges } from '@migralint/core';
import { printConfig } from '@migralint/config';
import { findFiles, historyFiles } from './find-files.js';
import { configLoaderFor, displayPath, groupByConfig, readBytes } from './gather-files.js';
import { reportFailure } from './report-failure.js';
import { changedSince, stagedFiles, vcsChanges } from './git-changes.js';
import { migrationRootOf } from '@migralint/migrations';
import { readStream, type CliIO } from './io.js';
import { lintUnits } from './lint-units.js';
import { splitIntoUnits } from './work-units.js';
import { HELP, parseCliArgs, UsageError, type CliRequest } from './parse-args.js';
import { formatReport } from './format-report.js';
import { repositoryRoot } from './repository-root.js';
import { listRules } from './list-rules.js';
import { Progress } from './progress.js';
import { exitCodeFor } from './exit-code.js';
import { InputProblems } from './input-problems.js';
import type { UnchangedFile } from './unchanged-file.js';
import { checkReportTargets, writeFileAtomic } from './write-output.js';
import { applyFileFixes } from './apply-file-fixes.js';
import { VERSION } from './version.js';
import { dropOutputAfterClosedPipe, terminalWidth } from './terminal-output.js';
import { visibleLine, visibleLines } from '@migralint/reporter-terminal/visible-text';
import { withVerifyPackage } from './optional-package.js';
import { settleBaseline } from './baseline.js';
import { replayable } from './warm-run.js';

/**
 * Commands with their own options and modules (loaded on demand): `migralint lock`, `verify`,
 * `plan`, `new`, `init`. Each takes the arguments after its name.
 */
type Subcommand = (argv: readonly string[], io: CliIO) => Promise<number>;
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  lock: async () => (await import('./commands/lock.js')).runLockCommand,
  verify: async () => (await withVerifyPackage('verify', () => import('./commands/verify.js'))).runVerifyCommand,
  plan: async () => (await withVerifyPackage('plan', () => import('./commands/plan.js'))).runPlanCommand,
  new: async () => (await import('./commands/new.js')).runNewCommand,
  init: async () => (await import('./commands/init.js')).runInitCommand,
  mcp: async () => (await import('./commands/mcp.js')).runMcpCommand,
  lsp: async () => (await import('./commands/lsp.js')).runLspCommand,
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let request: CliRequest | undefined;
  dropOutputAfterClosedPipe(io.stdout, io.stderr);
  try {
    const subcommand = SUBCOMMANDS[argv[0] ?? ''];
    if (subcommand) return await (await subcommand())(argv.slice(1), io);
    request = parseCliArgs(argv);
    switch (request.command) {
      case 'help':
        io.stdout.write(HELP);
        return 0;
      case 'version':
        io.stdout.write(`${VERSION}\n`);
        return 0;
      case 'print-config': {
        const file = path.resolve(io.cwd, request.printConfig!);
        const config = await configLoaderFor(io.cwd, request.config)(path.dirname(file));
        const history = await (await import('./history-runner.js')).historyRunnerOf(io.cwd, file, config);
        io.stdout.write(`${JSON.stringify({ ...printConfig(config, file), history }, null, 2)}\n`);
        return 0;
      }
      case 'rules': {
        const config = await configLoaderFor(io.cwd, request.config)(io.cwd);
        io.stdout.write(listRules(config, request.formats[0]?.name === 'json' ? 'json' : 'text'));
        return 0;
      }
      default:
        return await runLint(request, io, argv);
    }
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint', debug: request?.debug ?? argv.includes('--debug'), usageHint: 'Run "migralint --help" for usage.' });
  }
}

async function runLint(request: CliRequest, terminal: CliIO, argv: readonly string[]): Promise<number> {
  const startedMs = Date.now();
  // With --cache, what the run writes is kept for a replay when nothing changes (warm-run.ts).
  const recordWarm = request.cache && replayable(request) ? await import('./warm-run-record.js') : undefined;
  const output = recordWarm ? new recordWarm.OutputRecorder(terminal) : undefined;
  const io = output?.io ?? terminal;
  // Compile the WebAssembly parser while files and configs are found, unless the cache or workers
  // are likely to do the linting; lint() awaits the same promise.
  if (!request.cache && typeof request.concurrency !== 'number') loadParser().catch(() => {});

  // Loaded only with --cache (it brings node:crypto and the hashing).
  const cache = request.cache ? new (await import('./result-cache.js')).ResultCache(path.resolve(io.cwd, request.cache.location), io.cwd, (m) => io.stderr.write(`migralint: ${m}\n`), request.cache.strategy) : undefined;
  // What is analysed (whole histories) and what is reported (what the user named or changed).
  const analysed = new Map<string, Uint8Array | UnchangedFile>();
  const problems = new InputProblems(io);
  const read = (f: string) => {
    // A file the cache knows unchanged is not read unless its history must be linted again.
    const unchanged = cache?.unchangedFile(f);
    if (unchanged) return void analysed.set(f, unchanged);
    const bytes = problems.read(f);
    if (bytes) analysed.set(f, bytes);
    if (bytes) cache?.remember(f, bytes);
  };
  let reported: Set<string> | undefined;
  let found: Awaited<ReturnType<typeof findFiles>> | undefined;
  if (request.stdin) {
    const abs = path.resolve(io.cwd, request.stdinFilename ?? 'stdin.sql');
    if (request.stdinFilename) for (const f of await historyFiles(io.cwd, [abs], migrationRootOf)) read(f);
    // The editor's buffer replaces the file on disk.
    analysed.set(abs, await readStream(io.stdin));
    reported = new Set([abs]);
  } else {
    found = await findFiles(io.cwd, request.paths);
    if (found.histories && found.histories.length > 1) io.stderr.write(`migralint: ${found.histories.length} migration histories, each linted on its own: ${found.histories.map(visibleLine).join(', ')}\n`);
    for (const name of found.ignoredExplicit) io.stderr.write(`migralint: ${visibleLine(name)} is listed in .migralintignore and was not linted\n`);
    found.problems.forEach((problem) => problems.add(problem));
    if (found.files.length === 0 && problems.count === 0) throw new UsageError('every file given is listed in .migralintignore; nothing was linted');
    for (const f of found.files) read(f);
    if (found.explicit.length > 0) {
      for (const f of await historyFiles(io.cwd, found.explicit, migrationRootOf)) if (!analysed.has(f)) read(f);
      // Everything the arguments named (files, folders, globs) is reported; the rest of each
      // history is only there for context.
      reported = new Set(found.files);
    }
  }
  checkReportTargets(request.formats, io.cwd, analysed.keys());
  let vcs: VcsChanges | undefined;
  if (request.changedSince !== undefined || request.staged) {
    const changed = request.staged ? stagedFiles(io.cwd) : changedSince(io.cwd, request.changedSince!);
    reported = new Set([...(reported ?? analysed.keys())].filter((f) => changed.has(f)));
    vcs = vcsChanges(io.cwd, request.changedSince, request.staged);
  }

  const groups = await groupByConfig(io.cwd, analysed, configLoaderFor(io.cwd, request.config, found?.listings), (abs) =>
    request.stdin && reported?.has(abs) ? (request.stdinFilename ?? '<stdin>') : displayPath(io.cwd, abs),
  );
  if (groups.size === 0) {
    // Nothing readable was left to lint: say why the run ends, as at the end of a run.
    if (problems.count > 0) {
      io.stderr.write(`migralint: ${problems.exitCode({ code: 2 }).reason}\n`);
      return 2;
    }
    throw new UsageError('every file given is ignored (.migralintignore or "ignores" in the config); nothing was linted');
  }

  const total = [...groups.values()].reduce((n, files) => n + files.length, 0);
  // A progress counter is not part of the output (a replay of it would only flicker).
  const progress = new Progress(terminal.stderr, total);
  const reportPaths = reported ? [...reported].map((abs) => (request.stdin && !request.stdinFilename ? '<stdin>' : abs)) : undefined;
  // Histories, linted from the cache, on workers or here (lint-units.ts).
  const units = splitIntoUnits(groups, io.cwd, reportPaths);
  if (cache && vcs) cache.vcs = vcs;
  const order = [...groups.values()].flatMap((files) => files.map((f) => f.path));
  const lintAll = () =>
    lintUnits(units, {
      cwd: io.cwd,
      ...(request.config ? { configFile: request.config } : {}),
      ...(request.changedSince !== undefined ? { changedSince: request.changedSince } : {}),
      staged: request.staged,
      ...(vcs ? { vcs } : {}),
      concurrency: request.concurrency,
      ruleTimeout: request.ruleTimeout,
      ...(cache ? { cache } : {}),
      order,
      onProgress: (files) => progress.advance(files),
    });
  let result = await lintAll();
  if (request.fix) {
    const fixed = applyFileFixes(result, io.cwd);
    if (fixed.length > 0) {
      // Lint again from the fixed files, so the report says what is left.
      for (const files of groups.values()) for (const f of files) if (fixed.includes(f.path)) f.content = readBytes(path.resolve(io.cwd, f.path));
      result = await lintAll();
      io.stderr.write(`migralint: fixed ${fixed.length} file${fixed.length > 1 ? 's' : ''}: ${visibleLine(fixed.join(', '))}\n`);
    }
  }
  progress.done();
  const baselineExit = settleBaseline(result, request, io);
  if (baselineExit !== undefined) return baselineExit;

  const color = request.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const formats = request.formats.length > 0 ? request.formats : [{ name: 'terminal' }];
  // Code-host formats place files relative to the repository root; asking git costs a process, so
  // only when one of them is wanted.
  const root = formats.some((f) => f.name !== 'terminal' && f.name !== 'json') ? repositoryRoot(io.cwd, request.sarifRoot) : undefined;
  for (const target of formats) {
    const text = await formatReport(target.name, result, {
      cwd: io.cwd,
      ...(root ? { root } : {}),
      verbose: request.verbose,
      quiet: request.quiet,
      color: target.file ? false : color,
      env: io.env,
      ...(target.file ? {} : terminalWidth(io.stdout, io.env)),
    });
    if (target.file) writeFileAtomic(path.resolve(io.cwd, target.file), text);
    else if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  for (const n of result.notifications) {
    if (request.debug && n.detail) io.stderr.write(`${visibleLines(n.detail)}\n`);
  }
  const { code, reason } = problems.exitCode(exitCodeFor(result, request.maxWarnings));
  if (reason) io.stderr.write(`migralint: ${reason}\n`);
  if (recordWarm && output && cache && found) {
    recordWarm.recordWarmRun({ argv, io: terminal, request, startedMs, found, analysed: analysed.keys(), configs: groups.keys(), inputProblems: problems.count, cache, output, code });
  }
  return code;
}

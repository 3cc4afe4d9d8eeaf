// `migralint` from argv to exit code: find files, find their config, lint, report (DESIGN.md §2, §10).

import path from 'node:path';
import { loadParser, type LintResult, type VcsChanges } from '@migralint/core';
import { printConfig } from '@migralint/config';
import { findFiles, historyFiles } from './find-files.js';
import { auxReader, configLoaderFor, displayPath, groupByConfig, readBytes } from './gather-files.js';
import { reportFailure } from './report-failure.js';
import { changedSince, stagedFiles, vcsChanges } from './git-changes.js';
import { lint, migrationRootOf } from '@migralint/migrations';
import { readStream, type CliIO } from './io.js';
import { mergeResults } from './merge-results.js';
import { HELP, parseCliArgs, UsageError, type CliRequest } from './parse-args.js';
import { formatReport } from './format-report.js';
import { listRules } from './list-rules.js';
import { Progress } from './progress.js';
import { exitCodeFor } from './exit-code.js';
import { writeFileAtomic } from './write-output.js';
import { applyFileFixes } from './apply-file-fixes.js';
import { VERSION } from './version.js';

/**
 * Commands with their own options and modules (loaded on demand): `migralint lock`,
 * `migralint verify`, `migralint plan`. Each takes the arguments after its name.
 */
type Subcommand = (argv: readonly string[], io: CliIO) => Promise<number>;
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
  lock: async () => (await import('./commands/lock.js')).runLockCommand,
  verify: async () => (await import('./commands/verify.js')).runVerifyCommand,
  plan: async () => (await import('./commands/plan.js')).runPlanCommand,
};

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let request: CliRequest | undefined;
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
        io.stdout.write(`${JSON.stringify(printConfig(config, file), null, 2)}\n`);
        return 0;
      }
      case 'rules': {
        const config = await configLoaderFor(io.cwd, request.config)(io.cwd);
        io.stdout.write(listRules(config, request.formats[0]?.name === 'json' ? 'json' : 'text'));
        return 0;
      }
      default:
        return await runLint(request, io);
    }
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint', debug: request?.debug ?? argv.includes('--debug'), usageHint: 'Run "migralint --help" for usage.' });
  }
}

async function runLint(request: CliRequest, io: CliIO): Promise<number> {
  const configFor = configLoaderFor(io.cwd, request.config);
  // Compile the WebAssembly parser while files and configs are found; lint() awaits the same promise.
  loadParser().catch(() => {});

  // What is analysed (whole histories) and what is reported (what the user named or changed).
  const analysed = new Map<string, Uint8Array>();
  let reported: Set<string> | undefined;
  if (request.stdin) {
    const abs = path.resolve(io.cwd, request.stdinFilename ?? 'stdin.sql');
    if (request.stdinFilename) for (const f of await historyFiles(io.cwd, [abs], migrationRootOf)) analysed.set(f, readBytes(f));
    // The editor's buffer replaces the file on disk.
    analysed.set(abs, await readStream(io.stdin));
    reported = new Set([abs]);
  } else {
    const found = await findFiles(io.cwd, request.paths);
    for (const name of found.ignoredExplicit) io.stderr.write(`migralint: ${name} is listed in .migralintignore and was not linted\n`);
    if (found.files.length === 0) throw new UsageError('every file given is listed in .migralintignore; nothing was linted');
    for (const f of found.files) analysed.set(f, readBytes(f));
    if (found.explicit.length > 0) {
      for (const f of await historyFiles(io.cwd, found.explicit, migrationRootOf)) if (!analysed.has(f)) analysed.set(f, readBytes(f));
      // Everything the arguments named (files, folders, globs) is reported; the rest of each
      // history is only there for context.
      reported = new Set(found.files);
    }
  }
  let vcs: VcsChanges | undefined;
  if (request.changedSince !== undefined || request.staged) {
    const changed = request.staged ? stagedFiles(io.cwd) : changedSince(io.cwd, request.changedSince!);
    reported = new Set([...(reported ?? analysed.keys())].filter((f) => changed.has(f)));
    vcs = vcsChanges(io.cwd, request.changedSince, request.staged);
  }

  const groups = await groupByConfig(io.cwd, analysed, configFor, (abs) =>
    request.stdin && reported?.has(abs) ? (request.stdinFilename ?? '<stdin>') : displayPath(io.cwd, abs),
  );
  if (groups.size === 0) {
    throw new UsageError('every file given is ignored (.migralintignore or "ignores" in the config); nothing was linted');
  }

  const total = [...groups.values()].reduce((n, files) => n + files.length, 0);
  const progress = new Progress(io.stderr, total);
  const readAux = auxReader(io.cwd);
  const reportPaths = reported ? [...reported].map((abs) => (request.stdin && !request.stdinFilename ? '<stdin>' : abs)) : undefined;
  const lintAll = async () => {
    const results: LintResult[] = [];
    for (const [config, files] of groups) {
      results.push(
        await lint({ files, config, cwd: io.cwd, readAux, ...(vcs ? { vcs } : {}), ...(reportPaths ? { reportPaths } : {}), onProgress: () => progress.advance() }),
      );
    }
    return mergeResults(results);
  };
  let result = await lintAll();
  if (request.fix) {
    const fixed = applyFileFixes(result, io.cwd);
    if (fixed.length > 0) {
      // Lint again from the fixed files, so the report says what is left.
      for (const files of groups.values()) for (const f of files) if (fixed.includes(f.path)) f.content = readBytes(path.resolve(io.cwd, f.path));
      result = await lintAll();
      io.stderr.write(`migralint: fixed ${fixed.length} file${fixed.length > 1 ? 's' : ''}: ${fixed.join(', ')}\n`);
    }
  }
  progress.done();

  const color = request.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const formats = request.formats.length > 0 ? request.formats : [{ name: 'terminal' }];
  for (const target of formats) {
    const text = await formatReport(target.name, result, {
      cwd: io.cwd,
      verbose: request.verbose,
      quiet: request.quiet,
      color: target.file ? false : color,
    });
    if (target.file) writeFileAtomic(path.resolve(io.cwd, target.file), text);
    else if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  for (const n of result.notifications) {
    if (request.debug && n.detail) io.stderr.write(`${n.detail}\n`);
  }
  const { code, reason } = exitCodeFor(result, request.maxWarnings);
  if (reason) io.stderr.write(`migralint: ${reason}\n`);
  return code;
}

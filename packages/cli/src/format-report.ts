// One place that maps a `--format` name to its reporter. Built-in reporters are imported on demand
// (a pre-commit run that prints to the terminal never loads the SARIF code); any other name is a
// reporter package resolved like a plugin, from the project's node_modules, or a file path.

import { reporterProblem, type LintResult, type Reporter, type ReporterOptions } from '@migralint/core';
import { errorText, importFile, isPathSpecifier, resolveModule } from '@migralint/config';
import { UsageError } from './parse-args.js';

type ReporterModule = { default: Reporter };

const builtins: Record<string, () => Promise<ReporterModule>> = {
  terminal: () => import('@migralint/reporter-terminal'),
  json: () => import('@migralint/reporter-json'),
  sarif: () => import('@migralint/reporter-sarif'),
  github: () => import('@migralint/reporter-github'),
  gitlab: () => import('@migralint/reporter-gitlab'),
};

/** The reporter `--format name` stands for, resolved from `cwd` when it is not built in. */
export async function loadReporter(name: string, cwd: string): Promise<Reporter> {
  const builtin = builtins[name];
  if (builtin) return (await builtin()).default;
  const resolved = resolveModule(name, cwd);
  if (resolved === undefined) {
    const fix = isPathSpecifier(name) ? `the path is relative to ${cwd}` : `install it in the project (npm install --save-dev ${name})`;
    throw new UsageError(`--format ${name}: cannot find reporter "${name}" from ${cwd}; ${fix}`);
  }
  let module: Record<string, unknown>;
  try {
    module = await importFile(resolved);
  } catch (error) {
    throw new UsageError(`--format ${name}: reporter "${name}" failed to load: ${errorText(error)} (fix or reinstall it)`);
  }
  const problem = reporterProblem(module.default);
  if (problem !== undefined) {
    throw new UsageError(`--format ${name}: "${name}" is not a migralint reporter: ${problem} (its default export must be { name, format }, see defineReporter in @migralint/core)`);
  }
  return module.default as Reporter;
}

export async function formatReport(name: string, result: LintResult, options: ReporterOptions): Promise<string> {
  const reporter = await loadReporter(name, options.cwd);
  if (builtins[name]) return reporter.format(result, options);
  try {
    return String(await reporter.format(result, options));
  } catch (error) {
    // Someone else's code failed: say whose, so the report goes to the right place.
    throw new Error(`reporter "${name}" failed: ${errorText(error)}`, { cause: error });
  }
}

// Command-line arguments → a typed request. Usage mistakes throw UsageError (exit 2, one line).

import { parseArgs } from 'node:util';
import { parseCacheOptions, parseConcurrency, parseRuleTimeout, type CacheRequest, type Concurrency, type RuleTimeoutRequest } from './speed-options.js';

export class UsageError extends Error {}

export interface FormatRequest {
  name: string;
  /** Write to this file instead of stdout. */
  file?: string;
}

export interface CliRequest {
  command: 'lint' | 'rules' | 'help' | 'version' | 'print-config' | 'baseline';
  paths: string[];
  formats: FormatRequest[];
  maxWarnings?: number;
  quiet: boolean;
  verbose: boolean;
  debug: boolean;
  color?: boolean;
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  printConfig?: string;
  changedSince?: string;
  /** The repository root for SARIF/GitHub/GitLab paths when there is no git (or another one). */
  sarifRoot?: string;
  staged: boolean;
  fix: boolean;
  concurrency: Concurrency;
  cache?: CacheRequest;
  ruleTimeout: RuleTimeoutRequest;
  /** --prune-baseline: remove the entries of migralint-baseline.json that match nothing (baseline.ts). */
  pruneBaseline?: boolean;
}

export const FORMATS = ['terminal', 'json', 'sarif', 'github', 'gitlab'] as const;

export function parseCliArgs(argv: readonly string[]): CliRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        debug: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        stdin: { type: 'boolean' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string', short: 'c' },
        'print-config': { type: 'string' },
        'changed-since': { type: 'string' },
        'sarif-root': { type: 'string' },
        staged: { type: 'boolean' },
        fix: { type: 'boolean' },
        concurrency: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        'cache-strategy': { type: 'string' },
        'rule-timeout': { type: 'string' },
        'prune-baseline': { type: 'boolean' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageErrorOf(error);
  }
  const { values, positionals } = parsed;
  let command: CliRequest['command'] = 'lint';
  let paths = positionals;
  if (positionals[0] === 'rules') {
    command = 'rules';
    paths = positionals.slice(1);
  }
  if (positionals[0] === 'baseline') {
    command = 'baseline';
    paths = positionals.slice(1);
    if (values['changed-since'] !== undefined || values.staged || values.stdin) throw new UsageError('migralint baseline records the whole history: it does not combine with --changed-since, --staged or --stdin');
  }
  if (values['print-config'] !== undefined) command = 'print-config';
  if (values.version) command = 'version';
  if (values.help) command = 'help';

  const formats = (values.format ?? []).map((f) => parseFormat(f, FORMATS, { packages: true }));
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) {
      throw new UsageError(`--max-warnings takes a whole number ≥ 0, got "${values['max-warnings']}"`);
    }
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename needs --stdin');
  if (values.stdin && paths.length > 0 && command === 'lint') throw new UsageError('--stdin lints standard input; do not also pass paths');
  if (values.stdin && values.fix) throw new UsageError('--fix rewrites files; it does not combine with --stdin (editors apply the "fix" edits from --format json)');
  if (values.stdin && (values['changed-since'] !== undefined || values.staged)) throw new UsageError('--changed-since and --staged select files from git; they do not combine with --stdin');
  checkConflicts(values, formats, paths, command);
  const color = values['no-color'] ? false : values.color ? true : undefined;
  const cache = parseCacheOptions(values.cache, values['cache-location'], values['cache-strategy']);
  return {
    command,
    paths,
    formats,
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    debug: values.debug ?? false,
    ...(color !== undefined ? { color } : {}),
    stdin: values.stdin ?? false,
    ...(values['stdin-filename'] !== undefined ? { stdinFilename: values['stdin-filename'] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values['print-config'] !== undefined ? { printConfig: values['print-config'] } : {}),
    ...(values['changed-since'] !== undefined ? { changedSince: values['changed-since'] } : {}),
    ...(values['sarif-root'] !== undefined ? { sarifRoot: values['sarif-root'] } : {}),
    staged: values.staged ?? false,
    fix: values.fix ?? false,
    concurrency: parseConcurrency(values.concurrency),
    ...(cache ? { cache } : {}),
    ruleTimeout: parseRuleTimeout(values['rule-timeout']),
    ...(values['prune-baseline'] ? { pruneBaseline: true } : {}),
  };
}

/** Flags that cannot both be meant: say so instead of letting one silently win. */
function checkConflicts(values: Record<string, unknown>, formats: readonly FormatRequest[], paths: readonly string[], command: CliRequest['command']): void {
  const toStdout = formats.filter((f) => f.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `--format ${toStdout[0]!.name} and --format ${toStdout[1]!.name} would both write to standard output; send all but one to a file (--format ${toStdout[1]!.name}=report.${toStdout[1]!.name === 'terminal' ? 'txt' : toStdout[1]!.name})`,
    );
  }
  const files = formats.filter((f) => f.file !== undefined).map((f) => f.file!);
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) throw new UsageError(`two --format options write to ${twice}; give each its own file`);
  if (values.staged && values['changed-since'] !== undefined) {
    throw new UsageError('--staged and --changed-since both choose which migrations to report; use one (--staged in a pre-commit hook, --changed-since REF in CI)');
  }
  // A ref that starts with "-" would reach git as an option (`--output=FILE` writes a file).
  if (typeof values['changed-since'] === 'string' && values['changed-since'].startsWith('-')) {
    throw new UsageError(`--changed-since takes a git commit, branch or tag, not "${values['changed-since']}"`);
  }
  if (values.color && values['no-color']) throw new UsageError('--color and --no-color contradict each other; use one');
  if (command === 'print-config' && paths.length > 0) throw new UsageError('--print-config FILE prints the config for one file; do not also pass paths to lint');
}

/** node:util's parseArgs error as a one-line usage error (its advice on `--` does not apply). */
export function usageErrorOf(error: unknown, hint?: string): UsageError {
  const message = (error as Error).message.replace(/\. To specify.*$/s, '');
  return new UsageError(hint ? `${message} ${hint}` : message);
}

/**
 * `sarif=out.sarif` → { name: 'sarif', file: 'out.sarif' }. With `packages`, a reporter package
 * (`migralint-reporter-x`, `@org/migralint-reporter-x`) or a file path is accepted too; it is
 * resolved when the report is written (format-report.ts).
 */
export function parseFormat(value: string, known: readonly string[] = FORMATS, { packages = false } = {}): FormatRequest {
  const at = value.indexOf('=');
  const name = at === -1 ? value : value.slice(0, at);
  const file = at === -1 ? undefined : value.slice(at + 1);
  if (!known.includes(name) && !(packages && isReporterSpecifier(name))) {
    const more = packages ? ', or a reporter package (migralint-reporter-NAME, @org/migralint-reporter-NAME) or file' : '';
    throw new UsageError(`unknown format "${name}"; use one of: ${known.join(', ')}${more} (optionally NAME=FILE)`);
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
  // A report over a migration would replace it: never, whatever the run reads.
  if (file !== undefined && /\.sql$/i.test(file)) throw new UsageError(`--format ${value}: ${file} is an SQL file; write the report to a file such as report.${name === 'terminal' ? 'txt' : name}`);
  return { name, ...(file ? { file } : {}) };
}

/** A reporter named like a plugin: a `migralint-reporter-*` package (maybe scoped) or a JS file path. */
export function isReporterSpecifier(name: string): boolean {
  return /^(@[a-z0-9][\w.-]*\/)?migralint-reporter-[\w.-]+$/.test(name) || /^(\.{1,2}\/|\/).+\.[cm]?js$/.test(name);
}

export const HELP = `Usage: migralint [options] [paths...]
       migralint rules [--format json]
       migralint init [options]                 write a config for the detected layout (--help)
       migralint new <description> [options]    create the next migration from a template (--help)
       migralint baseline [paths...]            accept today's findings in migralint-baseline.json
       migralint lock [--check] [paths...]      write or check the migrations lockfile (docs/history.md)
       migralint verify [options] [paths...]    run the history on an embedded PostgreSQL (docs/verify.md)
       migralint plan [options] [paths...]      what each migration creates, alters and drops (docs/plan.md)
       migralint mcp [--root DIR]               tools for coding assistants over MCP (docs/ai-assistants.md)
       migralint lsp                            the language server for editors, on stdio (docs/editors.md)

Lint PostgreSQL migration files. Paths are files, directories or globs; with none, migralint lints
every migration history under the current folder (folders named like migrations, sqitch projects,
folders of versioned .sql files; .gitignore respected), each on its own.
Naming single files lints them against their whole migration history; only they are reported.

Options:
  -f, --format NAME[=FILE]  Output format: terminal (default), json, sarif, github (annotations
                            and job summary), gitlab (Code Quality), or an installed reporter
                            package (migralint-reporter-x, @org/migralint-reporter-x).
                            Repeat for several; with =FILE the output goes to that file.
      --sarif-root DIR      Paths in sarif, github and gitlab reports are relative to DIR
                            (default: the git work tree's root, else the current directory).
      --max-warnings N      Exit 1 when there are more than N warnings.
  -q, --quiet               Show errors only.
      --verbose             Show why each finding matters and the docs link.
  -c, --config FILE         Use this config file instead of searching for one.
      --print-config FILE   Print the effective config for FILE and exit.
      --changed-since REF   Report only migrations added or changed since the git REF (the
                            whole history is still analysed).
      --staged              Report only migrations staged for commit (for hooks).
      --prune-baseline      Remove the entries of migralint-baseline.json that no longer match.
      --fix                 Apply the rules' safe mechanical fixes to the files (only the fixed
                            statements change), then report what remains.
      --cache               Reuse the results of unchanged migration histories from earlier
                            --cache runs (off by default; docs/performance.md).
      --cache-location DIR  Where the cache lives (default node_modules/.cache/migralint/).
      --cache-strategy S    How changes are found: "metadata" (default: sizes and times, then
                            hashes of the files that differ) or "content" (hash every file).
      --concurrency N       Lint workers: a count, "auto" (default: by the run's size) or "off".
      --rule-timeout SEC    Stop a rule call running longer than this on a worker (default 60).
      --stdin               Lint SQL read from standard input.
      --stdin-filename PATH The path the standard input stands for (config, reports).
      --color, --no-color   Force colour on or off (default: on for a terminal; NO_COLOR respected).
      --debug               Show stack traces of internal errors.
  -v, --version             Print the version.
  -h, --help                Print this help.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage, config, unreadable input or internal error.
Docs: https://github.com/migralint/migralint#readme
`;

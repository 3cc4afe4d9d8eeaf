// Command-line arguments → a typed request. Usage mistakes throw UsageError (exit 2, one line).

import { parseArgs } from 'node:util';

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
  staged: boolean;
  fix: boolean;
  /** --prune-baseline: remove the entries of migralint-baseline.json that match nothing (baseline.ts). */
  pruneBaseline?: boolean;
}

export const FORMATS = ['terminal', 'json', 'sarif'] as const;

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
        staged: { type: 'boolean' },
        fix: { type: 'boolean' },
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

  const formats = (values.format ?? []).map((f) => parseFormat(f));
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
  const color = values['no-color'] ? false : values.color ? true : undefined;
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
    staged: values.staged ?? false,
    fix: values.fix ?? false,
    ...(values['prune-baseline'] ? { pruneBaseline: true } : {}),
  };
}

/** node:util's parseArgs error as a one-line usage error (its advice on `--` does not apply). */
export function usageErrorOf(error: unknown, hint?: string): UsageError {
  const message = (error as Error).message.replace(/\. To specify.*$/s, '');
  return new UsageError(hint ? `${message} ${hint}` : message);
}

/** `sarif=out.sarif` → { name: 'sarif', file: 'out.sarif' }. */
export function parseFormat(value: string, known: readonly string[] = FORMATS): FormatRequest {
  const at = value.indexOf('=');
  const name = at === -1 ? value : value.slice(0, at);
  const file = at === -1 ? undefined : value.slice(at + 1);
  if (!known.includes(name)) {
    throw new UsageError(`unknown format "${name}"; use one of: ${known.join(', ')} (optionally NAME=FILE)`);
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
  return { name, ...(file ? { file } : {}) };
}

export const HELP = `Usage: migralint [options] [paths...]
       migralint rules [--format json]
       migralint init [options]                 write a config for the detected layout (--help)
       migralint new <description> [options]    create the next migration from a template (--help)
       migralint baseline [paths...]            accept today's findings in migralint-baseline.json
       migralint lock [--check] [paths...]      write or check the migrations lockfile (docs/history.md)
       migralint verify [options] [paths...]    run the history on an embedded PostgreSQL (docs/verify.md)
       migralint plan [options] [paths...]      what each migration creates, alters and drops (docs/plan.md)

Lint PostgreSQL migration files. Paths are files, directories or globs; with none, migralint lints
every migration history under the current folder (folders named like migrations, sqitch projects,
folders of versioned .sql files; .gitignore respected), each on its own.
Naming single files lints them against their whole migration history; only they are reported.

Options:
  -f, --format NAME[=FILE]  Output format: terminal (default), json, sarif. Repeat for several;
                            with =FILE the output goes to that file instead of stdout.
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

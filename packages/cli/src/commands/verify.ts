// `migralint verify [paths…]`: apply the migration history, in order, on a real PostgreSQL — the
// embedded PGlite by default, a server with --database-url — and report what Postgres says:
// failing statements, downs that do not restore the schema, ups that fail the second time, locks
// and rewrites on existing tables. Findings go through the usual reporters and directives; the
// trace (timings, every statement's locks and rewrites, the schema diffs) is `--format trace`.
// See docs/verify.md. The heavy part (@migralint/verify, PGlite) is loaded only here.

import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LintResult } from '@migralint/core';
import { exitCodeFor } from '../exit-code.js';
import { formatReport } from '../format-report.js';
import type { CliIO } from '../io.js';
import { closeServerDatabases, DatabaseSetupError, formatVerifySummary, verifyProject, VerifyUsageError, type VerifyReport } from '@migralint/verify';
import { mergeResults } from '../merge-results.js';
import { parseFormat, usageErrorOf, UsageError, type FormatRequest } from '../parse-args.js';
import { loadHistories } from '../gather-files.js';
import { reportFailure } from '../report-failure.js';
import { repositoryRoot } from '../repository-root.js';
import { readStdinFile, STDIN_HELP, STDIN_OPTIONS, stdinRequestOf, type StdinRequest } from '../stdin-file.js';
import { writeFileAtomic } from '../write-output.js';

export const VERIFY_HELP = `Usage: migralint verify [options] [paths...]

Apply the migration history in order on a real PostgreSQL and report what it says: statements it
rejects (with the runner's transaction semantics), downs that do not restore the schema (up, down,
compare the catalog, up again), ups that fail the second time, and the locks and rewrites each
statement takes on tables that existed before its migration. The default database is PGlite
(PostgreSQL 18 in this process, nothing to install); its empty database is cached in
~/.cache/migralint. Naming single files runs their whole history but reports only them.

Options:
      --database-url URL    Run on this server instead, for extensions PGlite lacks: in a scratch
                            database, as an unprivileged role of verify's own, both dropped after
                            the run (the URL's role needs CREATEDB and CREATEROLE, or superuser).
                            The URL's own database is never written. The migrations' code runs on
                            that server: use a disposable one (see docs/verify.md)
      --allow-remote        Let --database-url name a host that is not this machine (loopback or a
                            Unix socket)
      --setup NAME|FILE     Run first (repeatable): "supabase" (platform stubs: auth, storage, API
                            roles), or an SQL file; "none" for nothing. Default: settings.verify.setup,
                            else the Supabase stubs for a Supabase project
      --no-round-trip       Apply the ups only: no down, no schema comparison, no second up
      --cache-dir DIR       Where PGlite's empty database is cached (default: $MIGRALINT_CACHE_DIR,
                            $XDG_CACHE_HOME/migralint or ~/.cache/migralint)
      --no-cache            Do not read or write the cache
  -f, --format NAME[=FILE]  terminal (default), json, sarif, github, gitlab, or trace
                            (everything the run observed, as JSON: timings, locks, rewrites,
                            schema differences). Repeatable.
      --max-warnings N      Exit 1 when there are more than N warnings
  -q, --quiet               Show errors only
      --verbose             Show why each finding matters, and every migration's timings
  -c, --config FILE         Use this config file (verify/* rules take severities from it)
      --color, --no-color   Force colour on or off
      --debug               Show stack traces of internal errors
${STDIN_HELP}  -h, --help                Show this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config, database or internal error.
`;

// github and gitlab too, so the Action and GitLab jobs place verify's findings like the linter's.
const FORMATS = ['terminal', 'json', 'sarif', 'github', 'gitlab', 'trace'];

interface VerifyRequest extends StdinRequest {
  paths: string[];
  formats: FormatRequest[];
  databaseUrl?: string;
  allowRemote: boolean;
  setup?: string[];
  roundTrip: boolean;
  cacheDir?: string | false;
  maxWarnings?: number;
  quiet: boolean;
  verbose: boolean;
  debug: boolean;
  color?: boolean;
  config?: string;
  help: boolean;
}

export async function runVerifyCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let request: VerifyRequest | undefined;
  try {
    request = parseVerifyArgs(argv);
    if (request.help) {
      io.stdout.write(VERIFY_HELP);
      return 0;
    }
    return await verify(request, io);
  } catch (error) {
    return reportFailure(error, io, { prefix: 'migralint verify', debug: request?.debug ?? argv.includes('--debug'), userErrors: VERIFY_USER_ERRORS });
  }
}

function parseVerifyArgs(argv: readonly string[]): VerifyRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'database-url': { type: 'string' },
        'allow-remote': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        from: { type: 'string' },
        setup: { type: 'string', multiple: true },
        'no-round-trip': { type: 'boolean' },
        'cache-dir': { type: 'string' },
        'no-cache': { type: 'boolean' },
        format: { type: 'string', short: 'f', multiple: true },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        debug: { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
        ...STDIN_OPTIONS,
      },
    });
  } catch (error) {
    throw usageErrorOf(error, '(see "migralint verify --help")');
  }
  const { values, positionals } = parsed;
  // Both ran in the URL's own database, where sequences, roles and files outside the transaction stay.
  if (values['dry-run'] || values.from !== undefined) {
    throw new UsageError(`${values['dry-run'] ? '--dry-run' : '--from'} was removed: a run in the URL's own database cannot be undone (sequences, roles and side effects outside the transaction stay). verify runs the whole history in a scratch database it drops (--database-url), or on PGlite`);
  }
  if (values['allow-remote'] && values['database-url'] === undefined) throw new UsageError('--allow-remote goes with --database-url');
  if (values['no-cache'] && values['cache-dir'] !== undefined) throw new UsageError('--no-cache and --cache-dir contradict each other');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number ≥ 0, got "${values['max-warnings']}"`);
  }
  const setup = values.setup?.flatMap((s) => (s === 'none' ? [] : [s]));
  const color = values['no-color'] ? false : values.color ? true : undefined;
  return {
    ...stdinRequestOf(values, positionals, 'verify'),
    paths: positionals,
    formats: (values.format ?? []).map((f) => parseFormat(f, FORMATS)),
    ...(values['database-url'] !== undefined ? { databaseUrl: values['database-url'] } : {}),
    allowRemote: values['allow-remote'] ?? false,
    ...(setup !== undefined ? { setup } : {}),
    roundTrip: !values['no-round-trip'],
    ...(values['no-cache'] ? { cacheDir: false as const } : values['cache-dir'] !== undefined ? { cacheDir: values['cache-dir'] } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: values.quiet ?? false,
    verbose: values.verbose ?? false,
    debug: values.debug ?? false,
    ...(color !== undefined ? { color } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    help: values.help ?? false,
  };
}

/** Problems with the database the user pointed at, or verify's own options: theirs to fix. */
const VERIFY_USER_ERRORS = [VerifyUsageError, DatabaseSetupError];

async function verify(request: VerifyRequest, io: CliIO): Promise<number> {
  const loaded = await loadHistories(io, request.paths, request.config, 'verify', await readStdinFile(request, io));
  const setup = request.setup?.map((s) => {
    if (s === 'supabase') return s;
    const file = path.resolve(io.cwd, s);
    const sql = loaded.readAux(file);
    if (sql === undefined) throw new UsageError(`--setup ${s}: no such file (built-in setups: supabase)`);
    return { name: s, sql };
  });

  const progress = migrationProgress(io);
  const results: LintResult[] = [];
  const reports: VerifyReport[] = [];
  const stopInterrupt = dropScratchOnInterrupt(io);
  try {
    for (const [config, files] of loaded.groups) {
      const outcome = await verifyProject({
        files,
        config,
        cwd: io.cwd,
        readAux: loaded.readAux,
        ...(loaded.reported ? { reportPaths: [...loaded.reported] } : {}),
        ...(request.databaseUrl !== undefined ? { databaseUrl: request.databaseUrl } : {}),
        allowRemote: request.allowRemote,
        ...(setup !== undefined ? { setup } : {}),
        checkDowns: request.roundTrip,
        ...(request.cacheDir !== undefined ? { cacheDir: request.cacheDir } : {}),
        onMigration: (set) => progress.advance(set.dir, set.migrations.length),
      });
      results.push(outcome.result);
      reports.push(outcome.report);
    }
  } finally {
    stopInterrupt();
    progress.done();
  }
  const result = mergeResults(results);
  const report: VerifyReport = { version: 1, durationMs: reports.reduce((n, r) => n + r.durationMs, 0), sets: reports.flatMap((r) => r.sets) };

  const color = request.color ?? (Boolean(io.stdout.isTTY) && !io.env.NO_COLOR);
  const formats = request.formats.length > 0 ? request.formats : [{ name: 'terminal' }];
  for (const target of formats) {
    let text: string;
    if (target.name === 'trace') text = `${JSON.stringify(report, null, 2)}\n`;
    else {
      text = await formatReport(target.name, result, {
        cwd: io.cwd,
        // Code-host formats place files relative to the repository root (as `migralint` does).
        ...(target.name !== 'terminal' && target.name !== 'json' ? { root: repositoryRoot(io.cwd, undefined) } : {}),
        verbose: request.verbose,
        quiet: request.quiet,
        color: target.file ? false : color,
        env: io.env,
      });
      if (target.name === 'terminal' && !request.quiet) text = `${text.replace(/\n*$/, '\n')}\n${formatVerifySummary(report, { verbose: request.verbose })}`;
    }
    if (target.file) writeFileAtomic(path.resolve(io.cwd, target.file), text);
    else if (text) io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (request.debug) for (const n of result.notifications) if (n.detail) io.stderr.write(`${n.detail}\n`);
  const { code, reason } = exitCodeFor(result, request.maxWarnings);
  if (reason) io.stderr.write(`migralint verify: ${reason}\n`);
  return code;
}

/**
 * Ctrl-C (or SIGTERM) during a server run: drop the scratch database and roles, then exit 130 (143).
 * A second signal exits at once. Returns the function that removes the handlers.
 */
function dropScratchOnInterrupt(io: CliIO): () => void {
  let interrupted = false;
  const handler = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(signal === 'SIGINT' ? 130 : 143);
    interrupted = true;
    io.stderr.write(`\nmigralint verify: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; dropping the scratch database\n`);
    void closeServerDatabases().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

/** `migralint verify: db/migrations 120/285` on a terminal, redrawn at most every 100 ms. */
function migrationProgress(io: CliIO): { advance(dir: string, total: number): void; done(): void } {
  let shown = false;
  let count = 0;
  let current = '';
  let last = 0;
  return {
    advance(dir, total) {
      if (dir !== current) {
        current = dir;
        count = 0;
      }
      count++;
      if (!io.stderr.isTTY) return;
      const now = Date.now();
      if (now - last < 100 && count < total) return;
      last = now;
      shown = true;
      io.stderr.write(`\rmigralint verify: ${dir} ${count}/${total}`);
    },
    done() {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}

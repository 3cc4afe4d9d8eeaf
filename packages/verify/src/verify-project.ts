// verifyProject(): the library API behind `migralint verify`. Three steps:
//   1. read the project (parse, layouts, order, transaction modes) with the static rules that
//      predict rewrites, for the cross-check;
//   2. per migration set, a fresh database (PGlite, or a server), the setup scripts, then the
//      history applied in order with its round trips and lock trace;
//   3. lint() again with only the `verify` plugin, whose rules report what step 2 found — so
//      positions, directives, severities and reporters are the engine's own.

import path from 'node:path';
import { corePlugin, type LintResult, type MigrationSet, type Notification, type ResolvedConfig, type RuleSetting, type SourceFile, type SourceInput } from '@migralint/core';
import { lint } from '@migralint/migrations';
import type { Database } from './database.js';
import { deriveFindings, lineAt, REWRITE_RULES, type CrossCheck } from './derive-findings.js';
import { isPgliteExtension, openPglite } from './pglite-database.js';
import { BUILT_IN_SETUPS, RUNNER_TABLES } from './platform-stubs.js';
import { readProject } from './read-project.js';
import { runSet, type MigrationRun, type SetRun, type StatementRun } from './run-history.js';
import { openServerDatabase } from './server-database.js';
import { createVerifyPlugin, VERIFY_RULES, type VerifyFinding } from './verify-plugin.js';

/** A script run before the history: a built-in (`supabase`) or SQL text with where it came from. */
export type SetupScript = string | { name: string; sql: string };

export interface VerifyOptions {
  files: SourceInput[];
  config?: Partial<ResolvedConfig>;
  cwd?: string;
  readAux?: (path: string) => string | undefined;
  /** Report only these paths (the whole history still runs). */
  reportPaths?: readonly string[];
  /** A PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /** With `databaseUrl`: inside one transaction on the URL's database, rolled back. */
  dryRun?: boolean;
  /** With `dryRun`: the first migration to run (version or name); earlier ones are taken as applied. */
  from?: string;
  /**
   * Scripts run first. Default: `settings.verify.setup` (built-in names, or SQL files relative to the
   * config's directory), else the Supabase stubs for a `supabase` layout. `[]` runs none.
   */
  setup?: readonly SetupScript[];
  /** Run each down and the up again (default true). */
  checkDowns?: boolean;
  /** PGlite's cache of the empty database (default ~/.cache/migralint; `false`: none). */
  cacheDir?: string | false;
  /** Progress: called after each migration. */
  onMigration?: (set: MigrationSet, run: MigrationRun) => void;
}

/** Everything the run observed, for `--format trace` and the terminal summary. */
export interface VerifyReport {
  version: 1;
  durationMs: number;
  sets: SetReport[];
}

export interface SetReport {
  dir: string;
  layout: string;
  /** `PGlite 0.5.16 (PostgreSQL 18.6)`, `postgres://… (fresh database …)`. */
  database: string;
  setup: string[];
  /** Opening the database and running the setup. */
  startMs: number;
  totalMs: number;
  migrations: MigrationRun[];
  statements: Array<StatementRun & { line: number; column: number }>;
  crossChecks: CrossCheck[];
}

export interface VerifyOutcome {
  result: LintResult;
  report: VerifyReport;
}

export class VerifyUsageError extends Error {}

export async function verifyProject(options: VerifyOptions): Promise<VerifyOutcome> {
  const started = performance.now();
  const config = options.config ?? {};
  const cwd = options.cwd ?? process.cwd();
  const readAux = options.readAux;
  const read = await readProject({ files: options.files, config, cwd, ...(readAux ? { readAux } : {}), staticRules: REWRITE_RULES });
  const predictions = predictionIndex(read.result);

  const findings: VerifyFinding[] = [];
  const notifications: Notification[] = [];
  const sets: SetReport[] = [];
  for (const set of read.model.sets) {
    if (set.migrations.length === 0) continue;
    const setStarted = performance.now();
    const scripts = resolveSetup(options.setup ?? setupFromSettings(config, set), config.root ?? cwd, readAux, notifications);
    // The runner's own bookkeeping table exists before its first migration (not in a dry run: the
    // database has the real one).
    const runnerTable = RUNNER_TABLES[set.layout];
    if (runnerTable && !options.dryRun) scripts.unshift({ name: `${set.layout} bookkeeping table`, sql: runnerTable, extensions: [], runner: true });
    const extensions = new Set(scripts.flatMap((s) => s.extensions));
    for (const name of extensionsOf(set, read.files)) extensions.add(name);

    const db = await openDatabase(options, extensions);
    const database = db.kind === 'pglite' ? `${db.description} (${db.serverVersion})` : `${db.serverVersion} at ${db.description}`;
    let run: SetRun;
    let startMs = 0;
    try {
      for (const script of scripts) await runSetup(db, script, notifications);
      // What the setup SET (a search_path, say) is where every part starts, like a connection option.
      const sessionDefaults = scripts.some((s) => !s.runner) ? await db.query<{ name: string; setting: string }>("select name, setting from pg_settings where source = 'session'") : [];
      startMs = performance.now() - setStarted;
      const fromIndex = options.from !== undefined ? indexOfVersion(set, options.from) : undefined;
      run = await runSet({
        db,
        set,
        files: read.files,
        placeOf: (file, statement) => read.model.placeOf(file, statement),
        ...(options.checkDowns !== undefined ? { checkDowns: options.checkDowns } : {}),
        ...(fromIndex !== undefined ? { fromIndex } : {}),
        ...(sessionDefaults.length > 0 ? { sessionDefaults } : {}),
        ...(options.onMigration ? { onMigration: (m: MigrationRun) => options.onMigration!(set, m) } : {}),
      });
    } finally {
      await db.close();
    }
    const derived = deriveFindings({ run, set, files: read.files, database, predictions });
    findings.push(...derived.findings);
    sets.push({
      dir: set.dir,
      layout: set.layout,
      database,
      setup: scripts.filter((s) => !s.runner).map((s) => s.name),
      startMs,
      totalMs: performance.now() - setStarted,
      migrations: run.migrations,
      statements: run.statements.map((r) => ({ ...r, ...lineAndColumn(read.files.get(r.file), r.start) })),
      crossChecks: derived.crossChecks,
    });
  }
  if (sets.length === 0) {
    notifications.push({ level: 'warning', message: 'verify found no migration history in these files (no layout recognised, or no migrations): nothing was run' });
  }

  const result = await lint({
    files: options.files,
    config: verifyConfig(config, findings),
    cwd,
    ...(readAux ? { readAux } : {}),
    ...(options.reportPaths ? { reportPaths: options.reportPaths } : {}),
  });
  result.notifications.push(...notifications);
  result.failed ||= notifications.some((n) => n.level === 'error');
  return { result, report: { version: 1, durationMs: performance.now() - started, sets } };
}

async function openDatabase(options: VerifyOptions, extensions: Set<string>): Promise<Database> {
  if (options.databaseUrl) return openServerDatabase(options.databaseUrl, { dryRun: options.dryRun === true });
  if (options.dryRun) throw new VerifyUsageError('--dry-run runs on a server: give --database-url too');
  return openPglite({ extensions: [...extensions].filter(isPgliteExtension), ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}) });
}

/** The engine config of step 3: the `verify` rules only, at the config's severities. */
function verifyConfig(config: Partial<ResolvedConfig>, findings: readonly VerifyFinding[]): Partial<ResolvedConfig> {
  const plugins = [...(config.plugins ?? []).filter((p) => p.name !== 'verify'), createVerifyPlugin(findings)];
  const rules: Record<string, RuleSetting> = {};
  for (const [name, meta] of Object.entries(VERIFY_RULES)) {
    const id = `verify/${name}`;
    rules[id] = config.rules?.[id] ?? (meta.defaultSeverity === 'warning' ? 'warn' : meta.defaultSeverity);
  }
  // Static rules are the lint run's business: the engine's own ones (parse errors, directives) too.
  // (An unreadable file is still reported: the engine never lets that one be turned off.)
  for (const name of Object.keys(corePlugin.rules)) rules[`${corePlugin.name}/${name}`] = 'off';
  const overrides = (config.overrides ?? []).map((o) => {
    const own = Object.fromEntries(Object.entries(o.rules ?? {}).filter(([id]) => id.startsWith('verify/')));
    return { files: o.files, ...(Object.keys(own).length > 0 ? { rules: own } : {}), ...(o.settings ? { settings: o.settings } : {}) };
  });
  return { ...config, plugins, rules, overrides };
}

/** Static findings of the rewrite-predicting rules, by file, for the cross-check (none loaded: no cross-check). */
function predictionIndex(result: LintResult): ((file: string, range: { start: number; end: number }) => string[]) | undefined {
  if (!REWRITE_RULES.some((id) => result.rules[id])) return undefined;
  const byFile = new Map<string, Array<{ ruleId: string; offset: number }>>();
  for (const file of result.files) {
    const list = file.messages.filter((m) => REWRITE_RULES.includes(m.ruleId)).map((m) => ({ ruleId: m.ruleId, offset: m.offset }));
    if (list.length > 0) byFile.set(file.path, list);
  }
  return (file, range) => [...new Set((byFile.get(file) ?? []).filter((m) => m.offset >= range.start && m.offset < Math.max(range.end, range.start + 1)).map((m) => m.ruleId))];
}

interface ResolvedSetup {
  name: string;
  sql: string;
  extensions: string[];
  /** The runner's bookkeeping table (not listed as a setup). */
  runner?: boolean;
}

function setupFromSettings(config: Partial<ResolvedConfig>, set: MigrationSet): readonly SetupScript[] {
  const verify = config.settings?.verify as { setup?: unknown } | undefined;
  if (Array.isArray(verify?.setup)) return verify.setup.filter((s): s is string => typeof s === 'string');
  return set.layout === 'supabase' ? ['supabase'] : [];
}

function resolveSetup(scripts: readonly SetupScript[], root: string, readAux: ((p: string) => string | undefined) | undefined, notifications: Notification[]): ResolvedSetup[] {
  const out: ResolvedSetup[] = [];
  for (const script of scripts) {
    if (typeof script !== 'string') {
      out.push({ name: script.name, sql: script.sql, extensions: [] });
      continue;
    }
    const builtIn = BUILT_IN_SETUPS[script];
    if (builtIn) {
      out.push({ name: script, sql: builtIn.sql, extensions: builtIn.extensions });
      continue;
    }
    const file = path.resolve(root, script);
    const sql = readAux?.(file);
    if (sql === undefined) {
      notifications.push({ level: 'error', message: `setup script ${script} cannot be read (settings.verify.setup paths are relative to the config file; built-in setups: ${Object.keys(BUILT_IN_SETUPS).join(', ')})` });
      continue;
    }
    out.push({ name: script, sql, extensions: [...sql.matchAll(/create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([\w-]+)"?/gi)].map((m) => m[1]!) });
  }
  return out;
}

async function runSetup(db: Database, script: ResolvedSetup, notifications: Notification[]): Promise<void> {
  try {
    await db.exec(script.sql);
  } catch (error) {
    const e = (error as { sqlError?: { message: string; position?: number } }).sqlError ?? { message: String(error) };
    const line = e.position !== undefined ? ` at line ${lineAt(script.sql, e.position - 1)}` : '';
    notifications.push({ level: 'error', message: `setup script ${script.name} failed${line}: ${e.message}; the history ran without it` });
  }
  db.takeNotices();
}

/** Extensions the history creates (PGlite loads only those it is asked for). */
function extensionsOf(set: MigrationSet, files: ReadonlyMap<string, SourceFile>): Set<string> {
  const names = new Set<string>();
  for (const migration of set.migrations) {
    for (const part of [...migration.up, ...migration.down]) {
      for (const s of files.get(part.file)?.statements ?? []) {
        if (s.kind === 'CreateExtensionStmt' && s.start >= part.range.start && s.start < part.range.end) names.add(String(s.node.extname));
      }
    }
  }
  return names;
}

function indexOfVersion(set: MigrationSet, from: string): number {
  const found = set.migrations.find((m) => m.version === from || m.name === from || `${m.version}_${m.name}` === from);
  if (!found) throw new VerifyUsageError(`--from ${from}: no migration of ${set.dir} has that version or name`);
  return found.index;
}

function lineAndColumn(file: SourceFile | undefined, offset: number): { line: number; column: number } {
  const text = file?.text ?? '';
  const line = lineAt(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}

// verifyProject(): the library API behind `migralint verify`. Three steps:
//   1. read the project (parse, layouts, order, transaction modes) with the static rules that
//      predict rewrites, for the cross-check;
//   2. per migration set, a fresh database (PGlite, or a server), the setup scripts, then the
//      history applied in order with its round trips and lock trace;
//   3. lint() again with only the `verify` plugin, whose rules report what step 2 found — so
//      positions, directives, severities and reporters are the engine's own.

import crypto from 'node:crypto';
import path from 'node:path';
import { corePlugin, type LintResult, type MigrationSet, type Notification, type ResolvedConfig, type RuleSetting, type SourceFile, type SourceInput } from '@migralint/core';
import { lint } from '@migralint/migrations';
import type { Database } from './database.js';
import { CROSS_CHECK_RULES, deriveFindings, lineAt, type CrossCheck } from './derive-findings.js';
import { hasStandIn } from './extension-stand-ins.js';
import { isPgliteExtension, openPglite, type PgliteTemplate } from './pglite-database.js';
import { BUILT_IN_SETUPS, RUNNER_TABLES, type SetupRoles } from './platform-stubs.js';
import { readProject } from './read-project.js';
import { runSet, type MigrationRun, type SetRun, type StatementRun } from './run-history.js';
import { openServerDatabase } from './server-database.js';
import { createSetupRoles } from './server-roles.js';
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
  /** A PostgreSQL server instead of PGlite: everything runs in a scratch database (server-database.ts). */
  databaseUrl?: string;
  /** With `databaseUrl`: the host may be another machine (not loopback or a Unix socket). */
  allowRemote?: boolean;
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
  /** The setup's result came from the cache (PGlite: the same scripts ran before). */
  setupCached?: boolean;
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
  const read = await readProject({ files: options.files, config, cwd, ...(readAux ? { readAux } : {}), staticRules: CROSS_CHECK_RULES });
  const predictions = predictionIndex(read.result);

  const findings: VerifyFinding[] = [];
  const notifications: Notification[] = [];
  const sets: SetReport[] = [];
  for (const set of read.model.sets) {
    if (set.migrations.length === 0) continue;
    const setStarted = performance.now();
    const scripts = resolveSetup(options.setup ?? setupFromSettings(config, set), config.root ?? cwd, readAux, notifications);
    // The runner's own bookkeeping table exists before its first migration.
    const runnerTable = RUNNER_TABLES[set.layout];
    if (runnerTable) scripts.unshift({ name: `${set.layout} bookkeeping table`, sql: runnerTable, extensions: [], runner: true });
    const extensions = new Set(scripts.flatMap((s) => s.extensions));
    for (const name of extensionsOf(set, read.files)) extensions.add(name);

    // The setup scripts, and what they SET (a search_path, say): where every part starts, like a connection option.
    const prepare = async (db: Database) => {
      const before = notifications.length;
      for (const script of scripts) await runSetup(db, script, notifications);
      const sessionDefaults = scripts.some((s) => !s.runner) ? await db.query<{ name: string; setting: string }>("select name, setting from pg_settings where source = 'session'") : [];
      return { keep: notifications.length === before, value: sessionDefaults };
    };
    const template = { key: templateKey(scripts, extensions), prepare };
    const db = await openDatabase(options, extensions, template);
    const database = db.kind === 'pglite' ? `${db.description} (${db.serverVersion})` : `${db.serverVersion} at ${db.description}`;
    let run: SetRun;
    let startMs = 0;
    const setupCached = (db as { fromTemplate?: boolean }).fromTemplate === true;
    try {
      const sessionDefaults = 'prepared' in db ? (db.prepared as Array<{ name: string; setting: string }>) : (await prepare(db)).value;
      startMs = performance.now() - setStarted;
      run = await runSet({
        db,
        set,
        files: read.files,
        placeOf: (file, statement) => read.model.placeOf(file, statement),
        ...(options.checkDowns !== undefined ? { checkDowns: options.checkDowns } : {}),
        ...(sessionDefaults.length > 0 ? { sessionDefaults } : {}),
        ...(options.onMigration ? { onMigration: (m: MigrationRun) => options.onMigration!(set, m) } : {}),
      });
    } finally {
      for (const message of await db.close()) notifications.push({ level: 'note', message: `${set.dir}: ${message}` });
    }
    const runRole = db.privileged?.runRole;
    const derived = deriveFindings({ run, set, files: read.files, database, predictions, ...(runRole ? { runRole } : {}) });
    findings.push(...derived.findings);
    sets.push({
      dir: set.dir,
      layout: set.layout,
      database,
      setup: scripts.filter((s) => !s.runner).map((s) => s.name),
      ...(setupCached ? { setupCached } : {}),
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

/** A server runs the setup itself; PGlite starts from the cached result of the same setup when there is one. */
async function openDatabase(options: VerifyOptions, extensions: Set<string>, template: PgliteTemplate<unknown>): Promise<Database & { prepared?: unknown }> {
  if (options.databaseUrl) return openServerDatabase(options.databaseUrl, { allowRemote: options.allowRemote === true });
  return openPglite({
    extensions: [...extensions].filter(isPgliteExtension),
    standIns: [...extensions].filter((e) => !isPgliteExtension(e) && hasStandIn(e)),
    ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
    template,
  });
}

/** What makes a setup: its scripts (their SQL and roles) and the extensions loaded, as a short digest. */
function templateKey(scripts: readonly ResolvedSetup[], extensions: ReadonlySet<string>): string {
  const what = JSON.stringify([scripts.map((s) => [s.sql, s.roles ?? null]), [...extensions].sort()]);
  return crypto.createHash('sha256').update(what).digest('hex').slice(0, 16);
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
  if (!CROSS_CHECK_RULES.some((id) => result.rules[id])) return undefined;
  const byFile = new Map<string, Array<{ ruleId: string; offset: number }>>();
  for (const file of result.files) {
    const list = file.messages.filter((m) => CROSS_CHECK_RULES.includes(m.ruleId)).map((m) => ({ ruleId: m.ruleId, offset: m.offset }));
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
  /** Roles the setup needs, made before its SQL runs. */
  roles?: SetupRoles;
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
      out.push({ name: script, sql: builtIn.sql, extensions: builtIn.extensions, ...(builtIn.roles ? { roles: builtIn.roles } : {}) });
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
    if (script.roles) await createSetupRoles(db, script.roles);
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

function lineAndColumn(file: SourceFile | undefined, offset: number): { line: number; column: number } {
  const text = file?.text ?? '';
  const line = lineAt(text, offset);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return { line, column: offset - lineStart + 1 };
}

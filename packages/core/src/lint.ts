// The engine behind `lint()` (DESIGN.md §2): in-memory files in, a LintResult out; nothing here
// touches the file system. Users call `lint({ files, config })` from @migralint/migrations, which
// hands this engine the migration model (layouts, pairs, replay): core defines the model's shapes
// but never imports layout knowledge, and no caller can run the engine without a model by accident.

import { toVFileMessage } from './vfile-message.js';
import path from 'node:path';
import { VFile } from 'vfile';
import type { FileResult, LintMessage, LintResult, Notification, Plugin, ProjectInfo, ResolvedConfig, SourceInput, VcsChanges } from './types.js';
import { emptyModel, type BuildModel, type ProjectModel } from './project-model.js';
import type { SourceFile } from './types.js';
import { catalogRules, recommendedRules, RuleResolver, type ActiveRule } from './active-rules.js';
import { applyDirectives } from './apply-directives.js';
import { buildMessage } from './build-message.js';
import { corePlugin } from './core-plugin.js';
import { dropSuperseded } from './drop-superseded.js';
import { loadParser } from './parser.js';
import { prepareFile, type FileState } from './prepare-file.js';
import { runFileRules, runProjectRules } from './run-rules.js';

export interface LintOptions {
  files: SourceInput[];
  /** Usually from @migralint/config; missing parts get defaults (recommended rules, Postgres 17). */
  config?: Partial<ResolvedConfig>;
  /** Analyse every file, but report only these paths (changed files, an editor's open file). */
  reportPaths?: readonly string[];
  /** What relative `files[].path`s are relative to (default: the process's cwd). */
  cwd?: string;
  /** Reads non-SQL files that steer a layout (sqitch.plan, drizzle's journal, Flyway .conf) or a lockfile. */
  readAux?: (path: string) => string | undefined;
  /** What git says changed (`--changed-since`, `--staged`), for history rules. */
  vcs?: VcsChanges;
  /** Called after each file is parsed (the CLI's progress counter). */
  onProgress?: (filesDone: number, total: number) => void;
  /** Called once with the model the run built and the parsed files it was built from (verify, plan, lock). */
  onModel?: (model: ProjectModel, files: readonly SourceFile[]) => void;
}

/** What the migration model brings to the engine; @migralint/migrations provides both. */
export interface ModelProvider {
  /** Builds the migration model (layouts, order, pairs, schema replay) from the parsed files. */
  buildModel: BuildModel;
  /**
   * Offsets where a runner cuts a file into separately sent sections (dbmate's and goose's marker
   * lines). A statement ends there even without `;`.
   */
  sectionBreaks: (text: string) => number[];
  /** Loads what the model needs before a run (code imported on first use, like the parser). */
  load?: () => Promise<void>;
}

export function resolveDefaults(config: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const plugins = withCorePlugin(config.plugins ?? []);
  return {
    root: config.root ?? process.cwd(),
    ...(config.filepath ? { filepath: config.filepath } : {}),
    settings: { postgresVersion: 17, ...config.settings },
    rules: config.rules ?? recommendedRules(plugins),
    overrides: config.overrides ?? [],
    ignores: config.ignores ?? [],
    noInlineDisable: config.noInlineDisable ?? [],
    plugins,
    ...(config.knownRules ? { knownRules: config.knownRules } : {}),
  };
}

function withCorePlugin(plugins: readonly Plugin[]): Plugin[] {
  const seen = new Set<string>([corePlugin.name]);
  const out = [corePlugin];
  for (const plugin of plugins) {
    if (seen.has(plugin.name)) continue;
    seen.add(plugin.name);
    out.push(plugin);
  }
  return out;
}

/** Runs the engine with a model provider. Call `lint()` from @migralint/migrations instead. */
export async function runEngine(options: LintOptions, provider: ModelProvider): Promise<LintResult> {
  const started = performance.now();
  await Promise.all([loadParser(), provider.load?.()]);
  // Parsing is most of the work, so progress counts parsed files.
  const states = options.files.map((input, i) => {
    const state = prepareFile(input, provider.sectionBreaks);
    options.onProgress?.(i + 1, options.files.length);
    return state;
  });
  return lintStates(states, options, provider, started);
}

/**
 * The engine after parsing: model, file rules, project rules, directives. Shared by `runEngine` and
 * the unified attacher (`unified/sql-lint.ts`), which gets its file already parsed by `sqlParse`.
 */
export function lintStates(states: FileState[], options: Omit<LintOptions, 'files'>, provider: ModelProvider, started = performance.now()): LintResult {
  const config = resolveDefaults(options.config);
  const catalog = catalogRules(config.plugins, config.knownRules);
  const cwd = options.cwd ?? process.cwd();
  // Override globs are relative to the config's directory; file paths are relative to the cwd.
  // Asked several times per file (model settings, file rules, project reports, directives): once per path.
  const rulesByFile = new Map<string, ReturnType<RuleResolver['forFile']>>();
  const rulesFor = (file: string) => {
    let rules = rulesByFile.get(file);
    if (!rules) rulesByFile.set(file, (rules = resolver.forFile(path.resolve(cwd, file))));
    return rules;
  };
  // The same few rule lists serve every file: each is indexed by id once.
  const indexes = new WeakMap<readonly ActiveRule[], Map<string, ActiveRule>>();
  const rulesById = (rules: readonly ActiveRule[]) => {
    let byId = indexes.get(rules);
    if (!byId) indexes.set(rules, (byId = new Map(rules.map((r) => [r.id, r]))));
    return byId;
  };
  const resolver = new RuleResolver(config, catalog);
  const notifications: Notification[] = [];
  const notify = (n: Notification) => notifications.push(n);

  const project: ProjectInfo = {
    files: states.filter((s) => !s.unreadable).map((s) => s.source).sort((a, b) => a.path.localeCompare(b.path)),
    ...(options.readAux ? { readAux: options.readAux } : {}),
    ...(options.vcs ? { vcs: options.vcs } : {}),
    model: emptyModel(),
  };
  {
    try {
      project.model = provider.buildModel({
        files: project.files,
        readAux: options.readAux ?? (() => undefined),
        settingsFor: (file) => rulesFor(file).settings,
        cwd,
      });
      options.onModel?.(project.model, project.files);
    } catch (error) {
      // The model is analysis, not input: a bug in it must not hide the file rules' findings.
      const err = error instanceof Error ? error : new Error(String(error));
      notify({ level: 'error', message: `Building the migration model failed: ${err.message}. Rules ran without it; please report this.`, ...(err.stack ? { detail: err.stack } : {}) });
    }
  }
  const byPath = new Map(states.map((s) => [s.path, s]));
  dropEmptyDownReports(states, project.model);
  dropPsqlReports(states, project.model);
  for (const finding of project.model.findings) {
    const state = byPath.get(finding.file);
    if (state) state.engineReports.push({ ruleId: finding.ruleId, descriptor: { ...finding.descriptor, at: state.locator.rangeOf(finding.descriptor.at, undefined) } });
  }
  const enabled = new Set<string>();
  // Files loaded only as history for the reported ones are parsed and replayed (the model needs
  // them), never run through file rules, directives or messages: context is not work.
  const reportSet = options.reportPaths ? new Set(options.reportPaths.map((p) => path.resolve(cwd, p))) : undefined;
  const isReported = (file: string) => !reportSet || reportSet.has(path.resolve(cwd, file));
  const reported = reportSet ? states.filter((s) => isReported(s.path)) : states;

  for (const state of states) for (const r of rulesFor(state.path).rules) enabled.add(r.id);
  for (const state of reported) {
    const { rules, settings } = rulesFor(state.path);
    const byId = rulesById(rules);
    for (const { ruleId, descriptor } of state.engineReports) {
      // An unreadable file is always reported: a silent pass over it is the one outcome we refuse.
      const active = byId.get(ruleId) ?? (ruleId === 'migralint/unreadable-file' ? alwaysOn(catalog, ruleId) : undefined);
      if (active) state.messages.push(buildMessage({ ruleId, meta: active.rule.meta, severity: active.severity }, descriptor, descriptor.at, state.map));
    }
    if (!state.unreadable) runFileRules(state, rules, settings, project, notify);
  }

  const base = resolver.forFile(path.join(config.root, '\0no-override\0'));
  runProjectRules(states, rulesFor, base.rules, base.settings, project, notify, isReported);

  for (const state of reported) {
    if (state.unreadable) continue;
    const byId = rulesById(rulesFor(state.path).rules);
    applyDirectives(state, catalog, config.noInlineDisable, (ruleId, descriptor) => {
      const active = byId.get(ruleId);
      if (active) state.messages.push(buildMessage({ ruleId, meta: active.rule.meta, severity: active.severity }, descriptor, descriptor.at as never, state.map));
    });
    dropSuperseded(state, (id) => catalog.rules.get(id)?.meta);
  }

  const files = reported.map(toFileResult);
  const rules: LintResult['rules'] = {};
  for (const [id, rule] of catalog.rules) rules[id] = { ...rule.meta, id, enabled: enabled.has(id) };

  const sum = (key: 'errorCount' | 'warningCount' | 'infoCount' | 'suppressedCount') => files.reduce((n, f) => n + f[key], 0);
  return {
    files,
    rules,
    notifications,
    errorCount: sum('errorCount'),
    warningCount: sum('warningCount'),
    infoCount: sum('infoCount'),
    suppressedCount: sum('suppressedCount'),
    failed: notifications.some((n) => n.level === 'error') || files.some((f) => f.unreadable),
    stats: {
      files: states.length,
      statements: states.reduce((n, s) => n + s.source.statements.length, 0),
      bytes: states.reduce((n, s) => n + s.bytes, 0),
      durationMs: performance.now() - started,
    },
  };
}

/**
 * An empty file that the model knows only as a down part is a rollback question (an empty down is
 * `rollback/empty-down`'s business, with the irreversible annotation), not a stray empty file. So
 * is an empty step of a change split over files (Ory popx), when another step in the same
 * direction does the work: the step is empty on PostgreSQL because another database needs it.
 */
function dropEmptyDownReports(states: FileState[], model: ProjectModel): void {
  const hasStatements = new Map(states.map((s) => [s.path, s.source.statements.length > 0]));
  const directions = new Map<string, Set<string>>();
  const emptyStep = new Set<string>();
  for (const set of model.sets) {
    for (const migration of set.migrations) {
      for (const parts of [migration.up, migration.down]) {
        if (new Set(parts.map((p) => p.file)).size > 1 && parts.some((p) => hasStatements.get(p.file))) for (const p of parts) emptyStep.add(p.file);
      }
      for (const part of [...migration.up, ...migration.down]) {
        let seen = directions.get(part.file);
        if (!seen) directions.set(part.file, (seen = new Set()));
        seen.add(part.direction);
      }
    }
  }
  for (const state of states) {
    const seen = directions.get(state.path);
    if ((seen?.size === 1 && seen.has('down')) || emptyStep.has(state.path)) state.engineReports = state.engineReports.filter((r) => r.ruleId !== 'migralint/empty-file');
  }
}

/** A psql variable (`:name`, `:'name'`, `:"name"`) where the parser stopped. */
const PSQL_VARIABLE = /^:(?:'[A-Za-z_]\w*'|"[A-Za-z_]\w*"|[A-Za-z_]\w*)/;

/** Where psql runs the file, its meta-commands and variables are legitimate: no psql findings there. */
function dropPsqlReports(states: FileState[], model: ProjectModel): void {
  for (const state of states) {
    if (!model.runByPsql?.(state.path)) continue;
    state.engineReports = state.engineReports.filter(
      (r) => r.ruleId !== 'migralint/psql-meta-command' && !(r.ruleId === 'migralint/parse-error' && PSQL_VARIABLE.test(state.source.text.slice(r.descriptor.at.start))),
    );
  }
}

function alwaysOn(catalog: ReturnType<typeof catalogRules>, id: string): ActiveRule {
  const rule = catalog.rules.get(id)!;
  return { id, rule, severity: 'error', options: {} };
}

function toFileResult(state: FileState): FileResult {
  const messages = state.messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let suppressedCount = 0;
  for (const message of messages) {
    if (message.suppressed) suppressedCount++;
    else if (message.severity === 'error') errorCount++;
    else if (message.severity === 'warning') warningCount++;
    else infoCount++;
  }
  // The VFile (a VFileMessage, an Error, per unsuppressed message) is built when first read: the
  // CLI's workers, the cache and the JSON and SARIF reporters never read it. The getter keeps the
  // text and path only, not the file's state (its syntax trees and tokens).
  const { path: filePath } = state;
  const text = state.source.text;
  let file: VFile | undefined;
  return {
    path: filePath,
    get file() {
      if (!file) {
        file = new VFile({ path: filePath, value: text });
        for (const message of messages) if (!message.suppressed) file.messages.push(toVFileMessage(message, filePath));
      }
      return file;
    },
    messages,
    errorCount,
    warningCount,
    infoCount,
    suppressedCount,
    unreadable: state.unreadable,
  };
}

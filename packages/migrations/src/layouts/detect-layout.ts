// Which runner reads each migration directory, and the sets its adapter builds. A forced `layout`
// (config, per directory through overrides) wins; otherwise every file votes with what only one
// runner's files look like (a goose annotation, a `.up.sql` name, a Prisma folder), the majority
// wins, and files that voted otherwise are reported as mixing layouts — their runner is not the
// one that reads the directory. In `supabase/migrations` a versioned name votes (weakly) for the
// Supabase CLI. Directories without votes fall back to plain sorted files when names carry
// versions, and get "unknown layout" when they do not.

import type { BuildModelInput, LayoutFinding, LayoutName, MigrationSet } from '@migralint/core';
import { describeRunner, type RunnerSet } from './runner-set.js';
import { decideRunner, RUNNER_NAMES, RUNNERS, statedRunner, V_PREFIXED_PAIR } from './runners.js';
import { dbmate, hasDbmateMarker } from './dbmate.js';
import { directoryPerMigration } from './directory-per-migration.js';
import { BREAKPOINT, drizzle } from './drizzle.js';
import { flyway, isFlywayName } from './flyway.js';
import { golangMigrate, isGolangMigrateName } from './golang-migrate.js';
import { goose, hasGooseAnnotation } from './goose.js';
import { groupDirectories, type FileGroup } from './group-directories.js';
import { layoutFinding } from './layout-finding.js';
import type { Companion, DirectoryFile, LayoutAdapter } from './migration-directory.js';
import { pairedDown } from './paired-down.js';
import { plain } from './plain.js';
import { prisma } from './prisma.js';
import { pairRollbackFolders } from './rollback-folders.js';
import { sqitch } from './sqitch.js';
import { isSupabaseMigrationsDir, supabase, SUPABASE_NAME } from './supabase.js';

export const ADAPTERS: Record<LayoutName, LayoutAdapter> = {
  supabase,
  'golang-migrate': golangMigrate,
  'paired-down': pairedDown,
  dbmate,
  goose,
  flyway,
  sqitch,
  prisma,
  'directory-per-migration': directoryPerMigration,
  drizzle,
  plain,
};

export const LAYOUT_NAMES = Object.keys(ADAPTERS) as LayoutName[];

/** Layouts whose runner is told by file names alone: every file it reads votes for it. */
const NAMED_BY_FILE: ReadonlySet<LayoutName> = new Set(['golang-migrate', 'flyway']);

/** Ties between votes go to the layout listed first: its files are the more specific. */
const VOTE_PRIORITY: LayoutName[] = ['supabase', 'goose', 'dbmate', 'drizzle', 'prisma', 'directory-per-migration', 'flyway', 'golang-migrate', 'paired-down'];

export interface LayoutAnalysis {
  sets: MigrationSet[];
  findings: LayoutFinding[];
  /** Files that belong with a set but are no part of a migration (sqitch verify scripts, other dialects). */
  companions: Companion[];
}

export interface DirectoryLayout {
  layout: LayoutName | undefined;
  /** Set in the config rather than detected. */
  forced: boolean;
  /** Files that look like another runner's (reported as mixed-layout, left out of the set). */
  strays: Array<{ file: DirectoryFile; looksLike: LayoutName }>;
  /** A `layout` setting that names no layout. */
  invalidSetting?: string;
}

export function analyzeLayouts(input: Pick<BuildModelInput, 'files' | 'readAux' | 'settingsFor'>): LayoutAnalysis {
  const analysis: LayoutAnalysis = { sets: [], findings: [], companions: [] };
  for (const group of groupDirectories(input.files, input.readAux)) {
    const settings = input.settingsFor(group.files[0]!.source.path);
    const first = group.files[0]!.source.path;
    if (settings.runner !== undefined && !statedRunner(settings.runner)) {
      analysis.findings.push(layoutFinding('unknown-layout', first, 'invalidRunner', { runner: String(settings.runner), dir: group.dir, runners: RUNNER_NAMES.join(', ') }));
      continue;
    }
    const decision = settings.layout !== undefined ? detectLayout(group, settings.layout) : layoutForRunner(group, settings.runner);
    if (decision.invalidSetting !== undefined) {
      analysis.findings.push(layoutFinding('unknown-layout', first, 'invalidSetting', { layout: decision.invalidSetting, dir: group.dir, layouts: LAYOUT_NAMES.join(', ') }));
      continue;
    }
    if (!decision.layout) {
      analysis.findings.push(layoutFinding('unknown-layout', first, 'unknown', { dir: group.dir, count: group.files.length, layouts: LAYOUT_NAMES.join(', ') }));
      continue;
    }
    const layout = decision.layout;
    for (const stray of decision.strays) {
      analysis.findings.push(layoutFinding('mixed-layout', stray.file.source.path, 'mixed', { looksLike: stray.looksLike, layout, dir: group.dir }));
    }
    const strays = new Set(decision.strays.map((s) => s.file));
    const files = group.files.filter((f) => !strays.has(f));
    if (files.length === 0) continue;
    const adapter = ADAPTERS[layout];
    const runner = decideRunner({ dir: group.dir, layout, files, setting: settings.runner, readAux: input.readAux });
    const result = adapter.build({ dir: group.dir, files, readAux: input.readAux, settings, runner });
    analysis.findings.push(...result.findings);
    if (layout === 'paired-down' && !decision.forced && isSupabaseMigrationsDir(group.dir)) {
      // Only the paired-down policy keeps rollbacks beside their ups; the Supabase CLI would run them.
      for (const m of result.migrations) for (const part of m.down) analysis.findings.push(layoutFinding('down-runs-as-up', part.file, 'supabaseDown'));
    }
    analysis.companions.push(...result.companions);
    if (result.migrations.length > 0) {
      const set: RunnerSet = { layout, dir: group.dir, supportsDown: adapter.supportsDown, migrations: result.migrations, runner };
      analysis.sets.push(set);
      // Once per history, on its first file: the runner was guessed, and how to state it.
      if (runner.guessed) analysis.findings.push(layoutFinding('guessed-runner', first, 'guessed', { dir: group.dir, ...describeRunner(runner) }));
    }
  }
  analysis.sets = pairRollbackFolders(analysis.sets);
  return analysis;
}

/**
 * Without a `layout` setting, a stated runner keeps the detected layout when it reads it, and
 * otherwise imposes its own (`runner: "ory-popx"` → golang-migrate, `runner: "psql"` → plain), so
 * the transaction mode the model shows is the runner's.
 */
function layoutForRunner(group: FileGroup, setting: unknown): DirectoryLayout {
  const detected = detectLayout(group, undefined);
  const runner = statedRunner(setting);
  if (!runner) return detected;
  const layouts: readonly LayoutName[] = RUNNERS[runner].layouts;
  if (detected.layout && layouts.includes(detected.layout)) return detected;
  return detectLayout(group, layouts[0]);
}

export function detectLayout(group: FileGroup, setting: unknown): DirectoryLayout {
  if (setting !== undefined && setting !== null && setting !== '') {
    if (typeof setting === 'string' && Object.hasOwn(ADAPTERS, setting)) return { layout: setting as LayoutName, forced: true, strays: [] };
    return { layout: undefined, forced: true, strays: [], invalidSetting: String(setting) };
  }
  if (group.sqitch) return { layout: 'sqitch', forced: false, strays: [] };

  const names = new Set(group.files.map((f) => f.rel));
  const context: VoteContext = {
    names,
    hasUpFiles: group.files.some((f) => f.name.endsWith('.up.sql')),
    // drizzle-kit v1 folders look like Prisma's; a breakpoint in any of them tells them apart.
    drizzleFolders: group.files.some((f) => f.name === 'migration.sql' && f.source.text.includes(BREAKPOINT)),
    supabaseDir: isSupabaseMigrationsDir(group.dir),
  };
  const votes = new Map<DirectoryFile, Vote>();
  for (const file of group.files) {
    const vote = voteOf(file, context);
    if (vote) votes.set(file, vote);
  }
  if (votes.size === 0) {
    // supabase/migrations full of names the CLI skips is the classic way to lose migrations.
    if (context.supabaseDir) return { layout: 'supabase', forced: false, strays: [] };
    if (group.files.some((f) => /^[vV]?\d/.test(f.rel))) return { layout: 'plain', forced: false, strays: [] };
    return { layout: undefined, forced: false, strays: [] };
  }
  const counts = new Map<LayoutName, number>();
  for (const vote of votes.values()) counts.set(vote.layout, (counts.get(vote.layout) ?? 0) + 1);
  let winner = [...counts].sort((a, b) => b[1] - a[1] || VOTE_PRIORITY.indexOf(a[0]) - VOTE_PRIORITY.indexOf(b[0]))[0]![0];
  // Rollbacks beside Supabase migrations mean the paired-down policy, whatever the count.
  if (winner === 'supabase' && counts.has('paired-down')) winner = 'paired-down';
  // Runners known by their file names read every file of theirs; when most numbered files of the
  // folder do not have such a name, those few files are the odd ones, not the runner's.
  const numbered = group.files.filter((f) => !votes.has(f) && /^\d/.test(f.name)).length;
  if (NAMED_BY_FILE.has(winner) && numbered > votes.size) {
    return { layout: 'plain', forced: false, strays: [...votes].filter(([, vote]) => vote.strong).map(([file, vote]) => ({ file, looksLike: vote.layout })) };
  }
  const compatible = (layout: LayoutName) => layout === winner || (winner === 'paired-down' && layout === 'supabase');
  const strays = [...votes].filter(([, vote]) => vote.strong && !compatible(vote.layout)).map(([file, vote]) => ({ file, looksLike: vote.layout }));
  return { layout: winner, forced: false, strays };
}

interface Vote {
  layout: LayoutName;
  /** Only another runner writes files like this one; a weak vote (a Supabase name) never makes a file stray. */
  strong: boolean;
}

interface VoteContext {
  names: ReadonlySet<string>;
  hasUpFiles: boolean;
  drizzleFolders: boolean;
  supabaseDir: boolean;
}

function voteOf(file: DirectoryFile, context: VoteContext): Vote | undefined {
  const layout = strongVoteOf(file, context);
  if (layout) return { layout, strong: true };
  if (context.supabaseDir && !file.rel.includes('/') && SUPABASE_NAME.test(file.name)) {
    // An up whose rollback sits beside it belongs to the paired-down policy.
    const down = file.rel.replace(/\.sql$/, '.down.sql');
    return { layout: context.names.has(down) ? 'paired-down' : 'supabase', strong: false };
  }
  return undefined;
}

/** What only one runner's files look like; undefined when the file alone does not tell. */
function strongVoteOf(file: DirectoryFile, { names, hasUpFiles, drizzleFolders }: VoteContext): LayoutName | undefined {
  const text = file.source.text;
  const segments = file.rel.split('/');
  if (segments.length === 2) {
    if (file.name === 'migration.sql') return drizzleFolders ? 'drizzle' : 'prisma';
    if (file.name === 'up.sql' || file.name === 'down.sql') return 'directory-per-migration';
    return undefined;
  }
  if (hasGooseAnnotation(text)) return 'goose';
  if (hasDbmateMarker(text)) return 'dbmate';
  if (file.name.endsWith('.down.sql') && !hasUpFiles && names.has(file.rel.replace(/\.down\.sql$/, '.sql'))) return 'paired-down';
  if (isGolangMigrateName(file.name)) return hasUpFiles || !file.name.endsWith('.down.sql') ? 'golang-migrate' : 'paired-down';
  if (isFlywayName(file.name)) return 'flyway';
  // Flyway-like `V0001.Name.up.sql` pairs: read like golang-migrate's, by a project's own migrator.
  if (V_PREFIXED_PAIR.test(file.name)) return 'golang-migrate';
  if (text.includes(BREAKPOINT)) return 'drizzle';
  return undefined;
}

// Which program applies a migration directory, and how sure we are. The layout says how the files
// are arranged; the runner decides what a file means when the arrangement is shared: sqlx, Ory popx,
// golang-migrate and maragudk/migrate all read `<version>_<title>.up.sql` yet wrap it differently, and
// a folder of numbered `.sql` files may be sqlx, postgres-migrations or a shell loop over psql.
//
// The decision weighs the whole folder and the project's manifests, never one file: `settings.runner`
// wins; then the nearest `go.mod` / `Cargo.toml` / `package.json` above the folder that names a
// runner of this layout; then markers only one runner writes (sqlx's `-- no-transaction`,
// postgres-migrations' `-- postgres-migrations disable-transaction`, popx's dialect suffixes on a fair
// share of the files). What is left is a guess, reported once per history (migrations/guessed-runner)
// with its evidence; an unknown runner is assumed to run each file in a transaction, the assumption
// that does not flood (docs/layouts.md, "Runners").

import type { LayoutName } from '@migralint/core';
import { ancestorDirs, pathIn, type DirectoryFile } from './migration-directory.js';
import { supabaseRunsStandalone } from './runner-transactions.js';
import { isSupabaseMigrationsDir } from './supabase.js';

/** How a runner applies a history, as one word for the model, `--print-config` and docs. */
export type HistoryTransaction =
  /** each migration (file, section or folder) in its own transaction */
  | 'per-migration'
  /** each file sent as one query: several statements share an implicit transaction, one runs alone */
  | 'one-query'
  /** every statement on its own (psql -f, sqitch) unless the file says BEGIN */
  | 'per-statement'
  /** all pending migrations in one transaction */
  | 'all-pending';

export interface RunnerSpec {
  label: string;
  /** Layouts whose files this runner reads. */
  layouts: readonly LayoutName[];
  transaction: HistoryTransaction;
}

export const RUNNERS = {
  'supabase-cli': { label: 'the Supabase CLI', layouts: ['supabase', 'paired-down'], transaction: 'per-migration' },
  'golang-migrate': { label: 'golang-migrate', layouts: ['golang-migrate'], transaction: 'one-query' },
  'ory-popx': { label: 'Ory popx', layouts: ['golang-migrate'], transaction: 'per-migration' },
  'maragudk-migrate': { label: 'maragudk/migrate', layouts: ['golang-migrate'], transaction: 'per-migration' },
  sqlx: { label: 'sqlx', layouts: ['golang-migrate', 'plain'], transaction: 'per-migration' },
  'postgres-migrations': { label: 'postgres-migrations', layouts: ['plain'], transaction: 'per-migration' },
  synapse: { label: "Synapse's schema deltas", layouts: ['plain'], transaction: 'all-pending' },
  memos: { label: "memos' migrator", layouts: ['plain'], transaction: 'all-pending' },
  psql: { label: 'psql -f', layouts: ['plain', 'paired-down'], transaction: 'per-statement' },
  dbmate: { label: 'dbmate', layouts: ['dbmate'], transaction: 'per-migration' },
  goose: { label: 'goose', layouts: ['goose'], transaction: 'per-migration' },
  flyway: { label: 'Flyway', layouts: ['flyway'], transaction: 'per-migration' },
  sqitch: { label: 'sqitch', layouts: ['sqitch'], transaction: 'per-statement' },
  prisma: { label: 'Prisma Migrate', layouts: ['prisma'], transaction: 'one-query' },
  diesel: { label: 'diesel (or Sourcegraph)', layouts: ['directory-per-migration'], transaction: 'per-migration' },
  'drizzle-kit': { label: "drizzle-kit's migrator", layouts: ['drizzle'], transaction: 'all-pending' },
  unknown: { label: 'an unknown runner', layouts: ['plain', 'golang-migrate', 'paired-down'], transaction: 'per-migration' },
} as const satisfies Record<string, RunnerSpec>;

export type RunnerName = keyof typeof RUNNERS;
export const RUNNER_NAMES = Object.keys(RUNNERS) as RunnerName[];

/** The runner a history got, as the model exposes it (`runnerOf(set)`). */
export interface RunnerInfo {
  name: RunnerName;
  /** Neither stated (`settings.runner`) nor confirmed by a manifest or a marker only it writes. */
  guessed: boolean;
  /** What decided it, in words (`go.mod requires github.com/maragudk/migrate`). */
  evidence: string[];
  transaction: HistoryTransaction;
}

/** The runner each layout implies when its files are enough to tell (they are one runner's own). */
const LAYOUT_RUNNER: Partial<Record<LayoutName, RunnerName>> = {
  supabase: 'supabase-cli',
  dbmate: 'dbmate',
  goose: 'goose',
  flyway: 'flyway',
  sqitch: 'sqitch',
  prisma: 'prisma',
  'directory-per-migration': 'diesel',
  drizzle: 'drizzle-kit',
};

/** Manifest files and the dependency each runner shows there. */
const MANIFESTS: ReadonlyArray<{ file: string; needles: ReadonlyArray<[needle: string, runner: RunnerName]> }> = [
  {
    file: 'go.mod',
    needles: [
      ['github.com/maragudk/migrate', 'maragudk-migrate'],
      ['github.com/ory/x', 'ory-popx'],
      ['github.com/golang-migrate/migrate', 'golang-migrate'],
    ],
  },
  { file: 'Cargo.toml', needles: [['sqlx', 'sqlx']] },
  { file: 'package.json', needles: [['"postgres-migrations"', 'postgres-migrations']] },
];

/** popx writes the dialect (or `autocommit`) before `.up.sql`. */
const POPX_MARK = /\.(?:postgres|postgresql|pg|cockroach|cockroachdb|crdb|mysql|mariadb|sqlite|sqlite3|autocommit)\.(?:up|down)\.sql$/;
/** Names only a runner keyed by the whole name accepts: maragudk's `.` in `([\w-]+).up.sql` matches `_`. */
const UNDERSCORE_DIRECTION = /^[\w-]+_(?:up|down)\.sql$/;
const LEADING_VERSION = /^(\d+)_(.*)\.(?:up|down)\.sql$/;
/** Flyway-like names some projects' own migrators read: `V0001.Create_users.up.sql`, `V2__x.down.sql`. */
export const V_PREFIXED_PAIR = /^[Vv](\d+(?:[._]\d+)*)(?:__|[._])(.+?)\.(up|down)\.sql$/;
const PSQL_META_LINE = /^\\[a-zA-Z]/m;

export interface RunnerQuestion {
  dir: string;
  layout: LayoutName;
  files: readonly DirectoryFile[];
  /** `settings.runner` of the directory. */
  setting: unknown;
  readAux(path: string): string | undefined;
}

export function decideRunner(q: RunnerQuestion): RunnerInfo {
  const stated = statedRunner(q.setting);
  if (stated) return info(stated, false, ['`settings.runner` says so']);
  const own = LAYOUT_RUNNER[q.layout];
  if (own) return info(own, false, [`the files follow ${RUNNERS[own].label}'s layout`]);

  const manifest = manifestRunner(q);
  if (manifest) return info(manifest.runner, false, [`${manifest.file} names ${manifest.needle}`]);
  const marked = markedRunner(q.files);
  if (marked) return info(marked.runner, false, [marked.why]);
  return q.layout === 'golang-migrate' ? guessPairedNames(q.files) : q.layout === 'paired-down' ? guessPairedDown(q) : guessPlain(q);
}

/** The runner a `settings.runner` value names, or undefined (an invalid value is reported by the caller). */
export function statedRunner(setting: unknown): RunnerName | undefined {
  return typeof setting === 'string' && Object.hasOwn(RUNNERS, setting) ? (setting as RunnerName) : undefined;
}

function info(name: RunnerName, guessed: boolean, evidence: string[]): RunnerInfo {
  return { name, guessed, evidence, transaction: RUNNERS[name].transaction };
}

/** The nearest manifest above the directory that names a runner of this layout. */
function manifestRunner(q: RunnerQuestion): { runner: RunnerName; file: string; needle: string } | undefined {
  for (const dir of ancestorDirs(q.dir, q.readAux)) {
    for (const { file, needles } of MANIFESTS) {
      const path = pathIn(dir, file);
      const raw = q.readAux(path);
      if (raw === undefined) continue;
      // go.mod lists indirect dependencies too: a library's own choice of runner is no evidence.
      const text = file === 'go.mod' ? raw.split('\n').filter((line) => !line.includes('// indirect')).join('\n') : raw;
      for (const [needle, runner] of needles) {
        if (text.includes(needle) && (RUNNERS[runner].layouts as readonly LayoutName[]).includes(q.layout)) return { runner, file: path, needle };
      }
    }
  }
  return undefined;
}

/** Markers only one runner writes into its files. */
function markedRunner(files: readonly DirectoryFile[]): { runner: RunnerName; why: string } | undefined {
  for (const f of files) {
    if (f.source.text.startsWith('-- no-transaction')) return { runner: 'sqlx', why: `${f.name} starts with sqlx's \`-- no-transaction\`` };
    if (f.source.text.includes('-- postgres-migrations disable-transaction')) return { runner: 'postgres-migrations', why: `${f.name} says \`-- postgres-migrations disable-transaction\`` };
  }
  const marked = files.filter((f) => POPX_MARK.test(f.name));
  // One odd `*.postgres.up.sql` must not turn a folder into popx: a fair share of the files must say so.
  if (marked.length * 10 >= files.length && (marked.length >= 2 || marked.length === files.length)) return { runner: 'ory-popx', why: `${marked.length} of ${files.length} files carry popx's dialect or autocommit suffix` };
  return undefined;
}

function guessPairedNames(files: readonly DirectoryFile[]): RunnerInfo {
  if (files.some((f) => V_PREFIXED_PAIR.test(f.name))) return info('unknown', true, ['Flyway-like `V<version>.<name>.up.sql` names, which neither Flyway nor golang-migrate reads: a project-specific migrator']);
  const titlesByVersion = new Map<string, Set<string>>();
  for (const f of files) {
    const m = LEADING_VERSION.exec(f.name);
    if (!m || !f.name.endsWith('.up.sql')) continue;
    titlesByVersion.set(m[1]!, (titlesByVersion.get(m[1]!) ?? new Set()).add(m[2]!));
  }
  const shared = [...titlesByVersion.values()].filter((t) => t.size > 1).length;
  const underscored = files.filter((f) => UNDERSCORE_DIRECTION.test(f.name)).length;
  // One shared prefix is the classic golang-migrate mistake (it refuses the folder: duplicate-version
  // says so); a history full of them, or `_up.sql` names, only ever ran under a whole-name runner.
  if (shared >= 3 || underscored > 0) {
    const why = [
      ...(shared > 0 ? [`${shared} version prefixes are shared by differently named up files, which golang-migrate refuses`] : []),
      ...(underscored > 0 ? [`${underscored} files end in \`_up.sql\`/\`_down.sql\``] : []),
    ];
    return info('maragudk-migrate', true, [...why, 'a runner keyed by the whole file name accepts both (maragudk/migrate, used by harness)']);
  }
  return info('golang-migrate', true, ['`<version>_<title>.up.sql` names, which golang-migrate, sqlx and others share; no go.mod or Cargo.toml names one']);
}

function guessPairedDown(q: RunnerQuestion): RunnerInfo {
  if (isSupabaseMigrationsDir(q.dir)) return info('supabase-cli', false, ['a `supabase/migrations` directory']);
  return info('unknown', true, ['`x.sql` beside `x.down.sql`: a forward runner that skips downs, which are applied by hand']);
}

/** Files that open their own transaction (`BEGIN`/`START TRANSACTION`): written for a runner that does not. */
function ownTransactionFiles(files: readonly DirectoryFile[]): number {
  return files.filter((f) => f.source.statements.some((s) => s.kind === 'TransactionStmt' && (s.node.kind === 'TRANS_STMT_BEGIN' || s.node.kind === 'TRANS_STMT_START'))).length;
}

function guessPlain(q: RunnerQuestion): RunnerInfo {
  const withMeta = q.files.filter((f) => PSQL_META_LINE.test(f.source.text)).length;
  if (withMeta > 0) return info('psql', true, [`${withMeta} files use psql meta-commands, which only psql runs`]);
  const own = ownTransactionFiles(q.files);
  if (own * 2 >= q.files.length) return info('psql', true, [`${own} of ${q.files.length} files open their own transaction, so the runner does not`]);
  // A history that ran CREATE INDEX CONCURRENTLY beside other statements ran them outside a transaction.
  const refused = q.files.filter((f) => f.source.statements.length > 1 && f.source.statements.some(supabaseRunsStandalone)).length;
  if (refused > 0) return info('psql', true, [`${refused} files run CREATE INDEX CONCURRENTLY or the like among other statements, which PostgreSQL refuses inside a transaction, so the runner does not open one`]);
  if (/(^|\/)schema\/[^/]+\/delta$/.test(q.dir) && q.files.every((f) => /^\d+\//.test(f.rel))) {
    return info('synapse', true, ['`schema/<database>/delta/<schema version>/` folders, as Synapse keeps them']);
  }
  if (q.files.some((f) => f.rel === 'LATEST.sql') && q.files.some((f) => /^\d+\.\d+\/\d+__/.test(f.rel))) {
    return info('memos', true, ['`<major>.<minor>/NN__name.sql` folders beside `LATEST.sql`, as memos keeps them']);
  }
  if (q.files.every((f) => /^\d+_[^/]+\.sql$/.test(f.rel))) {
    return info('unknown', true, ['numbered `<version>_<name>.sql` files, named as sqlx and postgres-migrations name theirs; no Cargo.toml or package.json names a runner']);
  }
  return info('unknown', true, ['no manifest, marker or naming convention names the runner']);
}

// golang-migrate `<version>_<title>.up.sql` / `.down.sql`, and the runners that share its names:
// sqlx reversible migrations, and Ory's popx, which adds a dialect (`.postgres.`) and an
// `.autocommit.` flag before `.up.sql`.
//
// Which of them reads the directory is the runner decision's (runners.ts): names alone never switch
// to popx. maragudk/migrate (harness) keys a migration by its whole name before `.up.sql` — its
// pattern `^([\w-]+).up.sql$` leaves the dot unescaped, so `0029_x_up.sql` is read too — sorts
// names as strings and runs each in a transaction: several files sharing a number prefix are fine
// there. Some projects' own migrators read Flyway-like `V0001.Name.up.sql` pairs; those are
// versioned by the number after the `V`.
//
// golang-migrate keys migrations by version alone (source/parse.go `^([0-9]+)_(.*)\.(down|up)\.(.*)$`),
// orders versions as numbers, refuses two files with one version and direction ("duplicate
// migration file"), and ignores files it cannot parse. popx pairs by version too and prefers the
// PostgreSQL-specific file over the dialect-neutral one (oryx/popx/match.go, migration_box.go).

import type { LayoutFinding, Migration, MigrationPart } from '@migralint/core';
import { compareDotted, compareNames } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';
import { numbered, type Companion, type DirectoryFile, type LayoutAdapter } from './migration-directory.js';
import { joinPopxChanges } from './popx-changes.js';
import { statementsIn, wholeFile } from './part-statements.js';
import { inTransaction, modeForRunner, oneQuery, type PartMode } from './runner-transactions.js';
import { RUNNERS, V_PREFIXED_PAIR, type RunnerInfo } from './runners.js';
import { fileOf, orphanDownFindings } from './version-findings.js';

const GOLANG_MIGRATE_NAME = /^([0-9]+)_(.*)\.(up|down)\.sql$/;
const POPX_NAME = /^(\d+)_([^.]+)(?:\.([a-z0-9]+))?(\.autocommit)?\.(up|down)\.sql$/;
/** maragudk/migrate's `^([\w-]+).up.sql$` and `^([\w-]+).down.sql`, the dot matching any character. */
const WHOLE_NAME = /^([\w-]+).(up|down)\.sql$/;
const POSTGRES_DIALECTS = new Set(['postgres', 'postgresql', 'pg']);
const OTHER_DIALECTS = new Set(['cockroach', 'cockroachdb', 'crdb', 'mysql', 'mariadb', 'sqlite', 'sqlite3']);

interface ParsedFile {
  file: DirectoryFile;
  version: string;
  title: string;
  direction: 'up' | 'down';
  /** popx: `postgres` or `all` (dialect-neutral). */
  dialect: 'postgres' | 'all';
  autocommit: boolean;
}

/** True for names golang-migrate (or popx) reads. */
export function isGolangMigrateName(name: string): boolean {
  return GOLANG_MIGRATE_NAME.test(name);
}

export const golangMigrate: LayoutAdapter = {
  layout: 'golang-migrate',
  supportsDown: true,
  build(directory) {
    const runner = directory.runner;
    const popx = runner.name === 'ory-popx';
    const byWholeName = runner.name === 'maragudk-migrate';
    const runnerLabel = RUNNERS[runner.name].label;
    const parse = popx ? parsePopx : byWholeName ? parseWholeName : (f: DirectoryFile) => parseGolangMigrate(f) ?? parseVPrefixed(f);
    const findings: LayoutFinding[] = [];
    const companions: Companion[] = [];
    const byVersion = new Map<string, ParsedFile[]>();
    for (const file of directory.files) {
      const parsed = parse(file);
      if (parsed === 'other-dialect') {
        companions.push({ file: file.source.path, role: 'other-dialect', why: 'written for another database; popx skips it on PostgreSQL' });
        continue;
      }
      if (!parsed || file.rel.includes('/')) {
        findings.push(layoutFinding('skipped-file', file.source.path, 'versionedName', { runner: runnerLabel, pattern: byWholeName ? '<name>.up.sql / .down.sql' : '<version>_<title>.up.sql / .down.sql' }));
        continue;
      }
      const group = byVersion.get(parsed.version) ?? [];
      group.push(parsed);
      byVersion.set(parsed.version, group);
    }

    const migrations: Migration[] = [];
    // maragudk compares whole names as strings; the others compare version numbers (`V1.10` after `V1.9`).
    for (const version of [...byVersion.keys()].sort(byWholeName ? compareNames : compareDotted)) {
      const variants: ParsedFile[] = [];
      const group = preferPostgres(byVersion.get(version)!, variants);
      const before = migrations.length;
      const ups = group.filter((p) => p.direction === 'up');
      const downs = group.filter((p) => p.direction === 'down');
      if (ups.length <= 1 && downs.length <= 1) {
        const [up] = ups;
        const [down] = downs;
        migrations.push(migrationOf(version, (up ?? down)!.title, up, down, runner));
        if (up && down && up.title !== down.title) {
          findings.push(layoutFinding('pair-name-mismatch', up.file.source.path, 'mismatch', { runner: runnerLabel, version, other: down.file.source.path }));
        }
      } else {
        // Several files for one version and direction: the runner refuses the directory. Keep each
        // title as its own migration (pairing an up and a down by title) so the rest still lints.
        const titles = [...new Set(group.map((p) => p.title))].sort(compareNames);
        titles.forEach((title, i) => {
          const up = ups.find((p) => p.title === title);
          const down = downs.find((p) => p.title === title);
          migrations.push(migrationOf(version, title, up, down, runner));
          if (i > 0) findings.push(layoutFinding('duplicate-version', (up ?? down)!.file.source.path, 'duplicate', { runner: runnerLabel, version, other: fileOf(migrations[before]!) }));
        });
      }
      const built = migrations.slice(before);
      for (const variant of variants) {
        const migration = built.find((m) => m.name === variant.title) ?? built[0];
        companions.push({ file: variant.file.source.path, role: 'variant', ...(migration ? { migration } : {}), why: 'dialect-neutral variant; popx runs the .postgres. file instead' });
      }
    }
    findings.push(...orphanDownFindings(migrations, runnerLabel));
    if (popx) {
      // popx refuses to start when an up migration has no down (migration_box.go check()).
      for (const m of migrations) {
        if (m.up.length > 0 && m.down.length === 0) findings.push(layoutFinding('invalid-migration', m.up[0]!.file, 'popxNoDown', { version: m.version }));
      }
      // The runner's checks above are per step; what the steps do together is one change.
      return { migrations: numbered(joinPopxChanges(migrations, companions)), findings, companions };
    }
    return { migrations: numbered(migrations), findings, companions };
  },
};

function parseGolangMigrate(file: DirectoryFile): ParsedFile | undefined {
  const m = GOLANG_MIGRATE_NAME.exec(file.name);
  if (!m) return undefined;
  return { file, version: m[1]!, title: m[2]!, direction: m[3] as 'up' | 'down', dialect: 'all', autocommit: false };
}

function parseWholeName(file: DirectoryFile): ParsedFile | undefined {
  const m = WHOLE_NAME.exec(file.name);
  if (!m) return undefined;
  // The whole name is the version, and the name users see (`0005_create_pullreqs`).
  return { file, version: m[1]!, title: m[1]!, direction: m[2] as 'up' | 'down', dialect: 'all', autocommit: false };
}

function parseVPrefixed(file: DirectoryFile): ParsedFile | undefined {
  const m = V_PREFIXED_PAIR.exec(file.name);
  if (!m) return undefined;
  return { file, version: m[1]!, title: m[2]!, direction: m[3] as 'up' | 'down', dialect: 'all', autocommit: false };
}

function parsePopx(file: DirectoryFile): ParsedFile | 'other-dialect' | undefined {
  const m = POPX_NAME.exec(file.name);
  if (!m) return undefined;
  // popx's quirk: `x.autocommit.up.sql` puts the flag in the dialect slot.
  const dialectSlot = m[3];
  const autocommit = Boolean(m[4]) || dialectSlot === 'autocommit';
  const dialect = dialectSlot && dialectSlot !== 'autocommit' ? dialectSlot : undefined;
  if (dialect && OTHER_DIALECTS.has(dialect)) return 'other-dialect';
  if (dialect && !POSTGRES_DIALECTS.has(dialect)) return undefined;
  return { file, version: m[1]!, title: m[2]!, direction: m[5] as 'up' | 'down', dialect: dialect ? 'postgres' : 'all', autocommit };
}

/** popx runs the PostgreSQL-specific file of a version and direction, never the neutral one beside it. */
function preferPostgres(group: ParsedFile[], variants: ParsedFile[]): ParsedFile[] {
  const kept: ParsedFile[] = [];
  for (const direction of ['up', 'down'] as const) {
    const files = group.filter((p) => p.direction === direction);
    const specific = files.filter((p) => p.dialect === 'postgres');
    if (specific.length === 0) {
      kept.push(...files);
      continue;
    }
    kept.push(...specific);
    variants.push(...files.filter((p) => p.dialect === 'all'));
  }
  return kept;
}

function migrationOf(version: string, title: string, up: ParsedFile | undefined, down: ParsedFile | undefined, runner: RunnerInfo): Migration {
  const migration: Migration = { index: 0, version, name: title, up: [], down: [] };
  if (up) migration.up.push(partOf(up, runner));
  if (down) migration.down.push(partOf(down, runner));
  return migration;
}

function partOf(parsed: ParsedFile, runner: RunnerInfo): MigrationPart {
  const source = parsed.file.source;
  return { file: source.path, direction: parsed.direction, range: wholeFile(source), ...modeOf(parsed, runner) };
}

function modeOf(parsed: ParsedFile, runner: RunnerInfo): PartMode {
  if (runner.name !== 'ory-popx') return modeForRunner(runner, parsed.file.source);
  const source = parsed.file.source;
  return parsed.autocommit
    ? oneQuery(statementsIn(source, wholeFile(source)).length, 'Ory popx runs an .autocommit. file outside its transaction, sending it')
    : inTransaction('Ory popx runs each migration inside a transaction.');
}

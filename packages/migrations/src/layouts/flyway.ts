// Flyway: `V<version>__<description>.sql` (versioned), `U<version>__…` (undo, Teams edition),
// `R__<description>.sql` (repeatable: re-applied when its checksum changes, after the versioned
// ones, in description order). Versions are dot/underscore separated numbers compared part by part
// (1.10 > 1.9, 1.0 = 1); two versioned scripts with one version are refused. Files that do not
// match the naming are ignored. A script config `<script>.sql.conf` may set
// `executeInTransaction`; otherwise a script runs in a transaction unless Flyway's parser finds a
// statement PostgreSQL refuses inside one (see runner-transactions.ts). A script that mixes such a
// statement with others is refused outright ("Detected both transactional and non-transactional
// statements within the same migration (even though mixed is false)", ParserSqlScript) unless the
// project sets `mixed` or the script's .sql.conf sets `executeInTransaction`.

import type { LayoutFinding, Migration, MigrationPart, SourceFile } from '@migralint/core';
import { compareDotted, compareNames } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';
import { ancestorDirs, numbered, pathIn, type LayoutAdapter, type MigrationDirectory } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { flywayNeedsNoTransaction, inTransaction, outsideTransaction, type PartMode } from './runner-transactions.js';
import { duplicateVersionFindings, orphanDownFindings } from './version-findings.js';

const FLYWAY_NAME = /^([VU])(\d+(?:[._]\d+)*)__(.+)\.sql$/;
const REPEATABLE_NAME = /^R__(.+)\.sql$/;
/** Names that look meant for Flyway but that it ignores (`v1__x.sql`, `V1_x.sql`, `V1.sql`). */
const NEAR_MISS = /^[VvUuRr]\d*[._]?\d*_/;

export function isFlywayName(name: string): boolean {
  return FLYWAY_NAME.test(name) || REPEATABLE_NAME.test(name);
}

export const flyway: LayoutAdapter = {
  layout: 'flyway',
  supportsDown: true,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const versioned = new Map<string, Migration>();
    const ordered: Migration[] = [];
    const undos: Array<{ version: string; name: string; part: MigrationPart }> = [];
    const repeatable: Migration[] = [];
    // Subdirectories are scanned too (Flyway's locations are recursive).
    const mixedAllowed = allowsMixed(directory);
    for (const f of directory.files) {
      if (!mixedAllowed) findings.push(...mixedFindings(f.source, directory));
      const part = (direction: 'up' | 'down'): MigrationPart => ({ file: f.source.path, direction, range: wholeFile(f.source), ...modeOf(f.source, directory) });
      const match = FLYWAY_NAME.exec(f.name);
      if (match) {
        const [, prefix, version, description] = match;
        if (prefix === 'U') {
          undos.push({ version: version!, name: description!, part: part('down') });
          continue;
        }
        const migration: Migration = { index: 0, version: version!, name: description!, up: [part('up')], down: [] };
        ordered.push(migration);
        if (!versioned.has(key(version!))) versioned.set(key(version!), migration);
        continue;
      }
      const rep = REPEATABLE_NAME.exec(f.name);
      if (rep) {
        repeatable.push({ index: 0, version: '', name: rep[1]!, up: [part('up')], down: [], repeatable: true });
        continue;
      }
      findings.push(layoutFinding('skipped-file', f.source.path, NEAR_MISS.test(f.name) ? 'flywayNearMiss' : 'versionedName', { runner: 'Flyway', pattern: 'V<version>__<description>.sql' }));
    }
    for (const undo of undos) {
      const target = versioned.get(key(undo.version));
      if (target) target.down.push(undo.part);
      else ordered.push({ index: 0, version: undo.version, name: undo.name, up: [], down: [undo.part] });
    }
    ordered.sort((a, b) => compareDotted(a.version, b.version) || compareNames(a.name, b.name));
    repeatable.sort((a, b) => compareNames(a.name, b.name));
    const migrations = numbered([...ordered, ...repeatable]);
    findings.push(...duplicateVersionFindings(ordered.filter((m) => m.up.length > 0), 'Flyway', key), ...orphanDownFindings(ordered, 'Flyway'));
    return { migrations, findings, companions: [] };
  },
};

/** Flyway compares versions numerically: `1.0`, `1_0` and `1` are one version. */
function key(version: string): string {
  const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
  while (parts.length > 1 && parts.at(-1) === '0') parts.pop();
  return parts.join('.');
}

/** `executeInTransaction` from the script's `.sql.conf`, when set. */
function confSetting(file: SourceFile, directory: MigrationDirectory): string | undefined {
  const conf = directory.readAux(`${file.path}.conf`);
  return (conf && /^\s*executeInTransaction\s*=\s*(true|false)\s*$/im.exec(conf)?.[1]) || undefined;
}

/** Flyway configs above the directory (flyway.conf, flyway.toml, Spring/Micronaut application files) that set `mixed` to true. */
const MIXED_CONFIGS = ['flyway.conf', 'flyway.toml', 'application.properties', 'application.yml', 'application.yaml'];
const MIXED_TRUE = /mixed\s*[=:]\s*"?true/i;

function allowsMixed(directory: MigrationDirectory): boolean {
  return ancestorDirs(directory.dir, directory.readAux).some((dir) =>
    MIXED_CONFIGS.some((name) => {
      const text = directory.readAux(pathIn(dir, name));
      return text !== undefined && MIXED_TRUE.test(text);
    }),
  );
}

/** A script with a statement Flyway cannot run in a transaction and others it can: refused without `mixed`. */
function mixedFindings(file: SourceFile, directory: MigrationDirectory): LayoutFinding[] {
  if (confSetting(file, directory) !== undefined || file.statements.length < 2) return [];
  const version = directory.settings.postgresVersion ?? 17;
  const first = file.statements.find((s) => flywayNeedsNoTransaction(s, version));
  if (!first || file.statements.every((s) => flywayNeedsNoTransaction(s, version))) return [];
  const what = flywayNeedsNoTransaction(first, version)!;
  return [layoutFinding('invalid-migration', file.path, 'flywayMixed', { what, count: file.statements.length }, { start: first.start, end: first.end })];
}

function modeOf(file: SourceFile, directory: MigrationDirectory): PartMode {
  const setting = confSetting(file, directory);
  if (setting === 'false') return outsideTransaction('Flyway runs this script without a transaction (`executeInTransaction=false` in its .sql.conf).');
  if (setting === 'true') return inTransaction('Flyway runs this script inside a transaction (`executeInTransaction=true` in its .sql.conf).');
  for (const statement of file.statements) {
    const reason = flywayNeedsNoTransaction(statement, directory.settings.postgresVersion ?? 17);
    if (reason) return outsideTransaction(`Flyway detects ${reason}, which cannot run in a transaction, and runs the whole script without one.`);
  }
  return inTransaction('Flyway runs each migration script inside a transaction.');
}

// Findings about identity and order that several layouts share: two migrations with one version,
// a name-ordered runner that puts `10_x` before `9_x`, a down migration with nothing to undo.

import type { LayoutFinding, Migration } from '@migralint/core';
import { compareDigits, isSequenceNumber } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';

/** The file a finding about a whole migration points at: its (first) up file, else its down file. */
export function fileOf(migration: Migration): string {
  return (migration.up[0] ?? migration.down[0])!.file;
}

/**
 * Every migration whose version an earlier one already has. `key` normalises versions the way the
 * runner compares them (Flyway: `1.0` = `1`).
 */
export function duplicateVersionFindings(migrations: readonly Migration[], runner: string, key: (version: string) => string = (v) => v): LayoutFinding[] {
  const first = new Map<string, Migration>();
  const findings: LayoutFinding[] = [];
  for (const migration of migrations) {
    if (migration.repeatable) continue;
    const k = key(migration.version);
    const earlier = first.get(k);
    if (!earlier) {
      first.set(k, migration);
      continue;
    }
    findings.push(layoutFinding('duplicate-version', fileOf(migration), 'duplicate', { runner, version: migration.version, other: fileOf(earlier) }));
  }
  return findings;
}

/**
 * For runners that order by file name: a migration that runs before one with a smaller sequence
 * number (`10_b.sql` before `9_a.sql`). `migrations` are in the runner's order.
 */
export function nameOrderFindings(migrations: readonly Migration[], runner: string): LayoutFinding[] {
  const findings: LayoutFinding[] = [];
  let smallestAfter: Migration | undefined;
  for (let i = migrations.length - 1; i >= 0; i--) {
    const migration = migrations[i]!;
    if (!isSequenceNumber(migration.version)) continue;
    if (smallestAfter && compareDigits(smallestAfter.version, migration.version) < 0) {
      findings.push(
        layoutFinding('version-order', fileOf(migration), 'nameOrder', {
          runner,
          version: migration.version,
          other: fileOf(smallestAfter),
          otherVersion: smallestAfter.version,
        }),
      );
    }
    if (!smallestAfter || compareDigits(migration.version, smallestAfter.version) < 0) smallestAfter = migration;
  }
  return [...findings.reverse(), ...timestampPrecisionFindings(migrations, runner)];
}

/** A date or date-time version: `20260312`, `20260312090000`, `20260312090000123`. */
const TIMESTAMP = /^(?:19|20)\d{6,}$/;

/**
 * Name order puts `20260312090000_x.sql` before `20260312_y.sql` ('0' sorts before '_'), although
 * the date-only version means midnight, the earlier time. Each migration whose shorter timestamp
 * runs after a later time is reported, naming the first such migration before it.
 */
function timestampPrecisionFindings(migrations: readonly Migration[], runner: string): LayoutFinding[] {
  const stamps = migrations.filter((m) => TIMESTAMP.test(m.version));
  const width = Math.max(0, ...stamps.map((m) => m.version.length));
  const findings: LayoutFinding[] = [];
  stamps.forEach((migration, i) => {
    if (migration.version.length === width) return;
    const time = migration.version.padEnd(width, '0');
    const later = stamps.slice(0, i).find((m) => m.version.padEnd(width, '0') > time);
    if (later) {
      findings.push(layoutFinding('version-order', fileOf(migration), 'timestampPrecision', { runner, version: migration.version, other: fileOf(later), otherVersion: later.version }));
    }
  });
  return findings;
}

/** Down migrations whose up migration does not exist. */
export function orphanDownFindings(migrations: readonly Migration[], runner: string): LayoutFinding[] {
  return migrations
    .filter((m) => m.up.length === 0 && m.down.length > 0)
    .map((m) => layoutFinding('orphan-down', m.down[0]!.file, 'orphan', { runner, version: m.version }));
}

// Supabase CLI: `supabase/migrations/<digits>_<name>.sql`, applied in file-name order, no down.
// The CLI skips (with a warning nobody reads in CI) every name that does not match
// `^([0-9]+)_(.*)\.sql$` — such a migration never runs. It also skips a legacy first
// `<timestamp>_init.sql` from before 2021-12-09. Source: supabase/cli pkg/migration/list.go.

import type { LayoutFinding, Migration } from '@migralint/core';
import { layoutFinding } from './layout-finding.js';
import { numbered, type DirectoryFile, type LayoutAdapter, type LayoutResult } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { inTransaction, type PartMode } from './runner-transactions.js';
import { duplicateVersionFindings, nameOrderFindings } from './version-findings.js';

export const SUPABASE_NAME = /^([0-9]+)_(.*)\.sql$/;

/**
 * The Supabase CLI applies `supabase/migrations` (its subfolders are found and skipped); a sibling such as
 * `supabase/migrations_for_old` (SQL for users to run by hand) is not its history.
 */
export function isSupabaseMigrationsDir(dir: string): boolean {
  return /(?:^|\/)supabase\/migrations(?:\/|$)/.test(dir);
}
const LEGACY_INIT = /^([0-9]{14})_init\.sql$/;

export const SUPABASE_MODE: PartMode = inTransaction(
  'The Supabase CLI sends each migration file as one pipelined batch, which PostgreSQL runs as one transaction ' +
    '(CLI 2.109+ takes CREATE INDEX CONCURRENTLY, VACUUM and similar statements out and runs them standalone).',
);

export const supabase: LayoutAdapter = {
  layout: 'supabase',
  supportsDown: false,
  build(directory) {
    const result = buildNameOrdered(directory.files, directory.dir, { runner: 'the Supabase CLI', skipsLegacyInit: true, modeOf: () => SUPABASE_MODE });
    // The CLI's pattern matches `x.down.sql` too: a rollback kept here runs forward.
    for (const migration of result.migrations) {
      const file = migration.up[0]!.file;
      if (file.endsWith('.down.sql')) result.findings.push(layoutFinding('down-runs-as-up', file, 'supabaseDown'));
    }
    return result;
  },
};

/**
 * One file per migration, `<digits>_<name>.sql`, run in name order: the Supabase CLI, and the
 * forward runner of the paired-down policy.
 */
export function buildNameOrdered(
  files: readonly DirectoryFile[],
  dir: string,
  { runner, skipsLegacyInit, modeOf }: { runner: string; skipsLegacyInit: boolean; modeOf: (file: DirectoryFile) => PartMode },
): LayoutResult {
  const findings: LayoutFinding[] = [];
  const migrations: Migration[] = [];
  files.forEach((f, i) => {
    if (f.rel.includes('/')) {
      findings.push(layoutFinding('skipped-file', f.source.path, 'nestedFile', { runner, dir }));
      return;
    }
    const match = SUPABASE_NAME.exec(f.name);
    if (!match) {
      findings.push(layoutFinding('skipped-file', f.source.path, 'versionedName', { runner, pattern: '<version>_<name>.sql' }));
      return;
    }
    const legacy = LEGACY_INIT.exec(f.name);
    if (skipsLegacyInit && i === 0 && legacy && Number(legacy[1]) < 20211209000000) {
      findings.push(layoutFinding('skipped-file', f.source.path, 'supabaseInit'));
      return;
    }
    migrations.push({
      index: 0,
      version: match[1]!,
      name: match[2]!,
      up: [{ file: f.source.path, direction: 'up', range: wholeFile(f.source), ...modeOf(f) }],
      down: [],
    });
  });
  // Files arrive sorted by name, which is the runner's order.
  numbered(migrations);
  findings.push(...duplicateVersionFindings(migrations, runner), ...nameOrderFindings(migrations, runner));
  return { migrations, findings, companions: [] };
}

// The paired-down policy: `<ts>_<name>.sql` runs forward (Supabase CLI or a runner like it) and
// `<ts>_<name>.down.sql` beside it is its rollback, which the forward runner must ignore and an
// operator applies by hand when rolling back.

import type { Migration } from '@migralint/core';
import { compareNames } from './compare-versions.js';
import { baseName, numbered, type LayoutAdapter } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { modeForRunner, outsideTransaction } from './runner-transactions.js';
import { buildNameOrdered, isSupabaseMigrationsDir, SUPABASE_MODE, SUPABASE_NAME } from './supabase.js';
import { orphanDownFindings } from './version-findings.js';

const DOWN_SUFFIX = '.down.sql';

const DOWN_MODE = outsideTransaction('A rollback file is applied by hand (psql -f runs each statement on its own) unless it opens its own BEGIN … COMMIT.');

export const pairedDown: LayoutAdapter = {
  layout: 'paired-down',
  supportsDown: true,
  build(directory) {
    const isSupabase = isSupabaseMigrationsDir(directory.dir);
    const downs = directory.files.filter((f) => f.name.endsWith(DOWN_SUFFIX) && !f.rel.includes('/'));
    const forward = directory.files.filter((f) => !downs.includes(f));
    const result = buildNameOrdered(forward, directory.dir, {
      runner: isSupabase ? 'the Supabase CLI' : 'the forward runner',
      skipsLegacyInit: isSupabase,
      modeOf: (f) => (isSupabase ? SUPABASE_MODE : modeForRunner(directory.runner, f.source)),
    });
    const byBase = new Map(result.migrations.map((m) => [baseOf(m.up[0]!.file), m]));
    const ordered = result.migrations.map((m) => ({ key: baseOf(m.up[0]!.file), migration: m }));
    for (const down of downs) {
      const base = down.name.slice(0, -DOWN_SUFFIX.length);
      const part = { file: down.source.path, direction: 'down' as const, range: wholeFile(down.source), ...DOWN_MODE };
      const up = byBase.get(base);
      if (up) {
        up.down.push(part);
        continue;
      }
      const match = SUPABASE_NAME.exec(`${base}.sql`);
      const orphan: Migration = { index: 0, version: match?.[1] ?? base, name: match?.[2] ?? base, up: [], down: [part] };
      ordered.push({ key: base, migration: orphan });
    }
    ordered.sort((a, b) => compareNames(a.key, b.key));
    const migrations = numbered(ordered.map((o) => o.migration));
    return { migrations, findings: [...result.findings, ...orphanDownFindings(migrations, 'the forward runner')], companions: [] };
  },
};

/** `dir/2024_x.sql` → `2024_x`. */
function baseOf(file: string): string {
  return baseName(file).slice(0, -'.sql'.length);
}

// Prisma Migrate: `<migrations>/<timestamp>_<name>/migration.sql`, applied in folder-name order,
// no down. Only `migration.sql` runs; a folder without one stops `prisma migrate deploy` (P3015).
// The schema engine sends the script as one query (older releases always; newer ones when they
// cannot split it), so a multi-statement migration runs as one implicit transaction.

import type { LayoutFinding, Migration } from '@migralint/core';
import { layoutFinding } from './layout-finding.js';
import { numbered, type LayoutAdapter } from './migration-directory.js';
import { statementsIn, wholeFile } from './part-statements.js';
import { oneQuery } from './runner-transactions.js';
import { nameOrderFindings } from './version-findings.js';

const FOLDER = /^(\d+)_?(.*)$/;

export const prisma: LayoutAdapter = {
  layout: 'prisma',
  supportsDown: false,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const migrations: Migration[] = [];
    const folders = new Map<string, typeof directory.files>();
    for (const f of directory.files) {
      const parts = f.rel.split('/');
      if (parts.length !== 2) {
        findings.push(layoutFinding('skipped-file', f.source.path, 'prismaOutside', { dir: directory.dir }));
        continue;
      }
      folders.set(parts[0]!, [...(folders.get(parts[0]!) ?? []), f]);
    }
    // Folder names sort like the files did (code-unit order), which is Prisma's order.
    for (const [folder, files] of folders) {
      const script = files.find((f) => f.name === 'migration.sql');
      for (const other of files) {
        if (other === script) continue;
        findings.push(layoutFinding('skipped-file', other.source.path, script ? 'prismaOtherFile' : 'prismaNoMigrationSql', { folder }));
      }
      if (!script) continue;
      const name = FOLDER.exec(folder);
      const count = statementsIn(script.source, wholeFile(script.source)).length;
      migrations.push({
        index: 0,
        version: name?.[1] ?? folder,
        name: name?.[2] || folder,
        up: [{ file: script.source.path, direction: 'up', range: wholeFile(script.source), ...oneQuery(count, 'Prisma Migrate sends migration.sql') }],
        down: [],
      });
    }
    numbered(migrations);
    findings.push(...nameOrderFindings(migrations, 'Prisma Migrate'));
    return { migrations, findings, companions: [] };
  },
};

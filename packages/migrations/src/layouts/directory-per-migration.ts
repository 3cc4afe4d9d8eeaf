// One directory per migration with `up.sql` and `down.sql`: diesel (`2019-09-12-100000_create/`,
// optional `metadata.toml` with `run_in_transaction = false`) and Sourcegraph's migrator
// (`1528395954/` with `metadata.yaml`; `createIndexConcurrently: true` runs it outside a
// transaction). Each migration otherwise runs inside a transaction. diesel orders by version
// text (the folder name up to `_`, dashes dropped); Sourcegraph's numeric ids follow its
// parent links, which in practice ascend.

import type { LayoutFinding, Migration, MigrationPart } from '@migralint/core';
import { compareDigits, compareNames } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';
import { numbered, pathIn, type DirectoryFile, type LayoutAdapter, type MigrationDirectory } from './migration-directory.js';
import { statementsIn, wholeFile } from './part-statements.js';
import { inTransaction, oneQuery, type PartMode } from './runner-transactions.js';
import { duplicateVersionFindings, orphanDownFindings } from './version-findings.js';

export const directoryPerMigration: LayoutAdapter = {
  layout: 'directory-per-migration',
  supportsDown: true,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const folders = new Map<string, DirectoryFile[]>();
    for (const f of directory.files) {
      const parts = f.rel.split('/');
      if (parts.length !== 2) {
        findings.push(layoutFinding('skipped-file', f.source.path, 'directoryOutside', { dir: directory.dir }));
        continue;
      }
      folders.set(parts[0]!, [...(folders.get(parts[0]!) ?? []), f]);
    }
    const sourcegraph = [...folders.keys()].every((name) => /^\d+$/.test(name));
    const runner = sourcegraph ? "Sourcegraph's migrator" : 'diesel';
    const migrations: Migration[] = [];
    for (const [folder, files] of folders) {
      const up = files.find((f) => f.name === 'up.sql');
      const down = files.find((f) => f.name === 'down.sql');
      for (const other of files) {
        if (other !== up && other !== down) findings.push(layoutFinding('skipped-file', other.source.path, 'directoryOtherFile', { runner }));
      }
      if (!up && !down) continue;
      const settings = folderSettings(directory, folder, sourcegraph);
      const part = (file: DirectoryFile, direction: 'up' | 'down'): MigrationPart => ({
        file: file.source.path,
        direction,
        range: wholeFile(file.source),
        ...modeOf(file, settings, runner),
      });
      const underscore = folder.indexOf('_');
      migrations.push({
        index: 0,
        version: (underscore < 0 ? folder : folder.slice(0, underscore)).replace(/-/g, ''),
        name: settings.name ?? (underscore < 0 ? folder : folder.slice(underscore + 1)),
        up: up ? [part(up, 'up')] : [],
        down: down ? [part(down, 'down')] : [],
      });
    }
    migrations.sort((a, b) => (sourcegraph ? compareDigits(a.version, b.version) : compareNames(a.version, b.version)) || compareNames(a.name, b.name));
    numbered(migrations);
    findings.push(...duplicateVersionFindings(migrations, runner), ...orphanDownFindings(migrations, runner));
    return { migrations, findings, companions: [] };
  },
};

interface FolderSettings {
  /** diesel `run_in_transaction = false` / Sourcegraph `createIndexConcurrently: true`. */
  noTransaction?: 'diesel' | 'sourcegraph';
  /** Sourcegraph's `name:`. */
  name?: string;
}

function folderSettings(directory: MigrationDirectory, folder: string, sourcegraph: boolean): FolderSettings {
  if (sourcegraph) {
    const yaml = directory.readAux(pathIn(directory.dir, `${folder}/metadata.yaml`)) ?? '';
    const name = /^name:\s*['"]?(.*?)['"]?\s*$/m.exec(yaml)?.[1];
    return { ...(name ? { name } : {}), ...(/^createIndexConcurrently:\s*true\s*$/m.test(yaml) ? { noTransaction: 'sourcegraph' as const } : {}) };
  }
  const toml = directory.readAux(pathIn(directory.dir, `${folder}/metadata.toml`)) ?? '';
  return /^\s*run_in_transaction\s*=\s*false\s*$/m.test(toml) ? { noTransaction: 'diesel' } : {};
}

function modeOf(file: DirectoryFile, settings: FolderSettings, runner: string): PartMode {
  const count = () => statementsIn(file.source, wholeFile(file.source)).length;
  if (settings.noTransaction === 'diesel') return oneQuery(count(), 'diesel (`run_in_transaction = false`) sends the file');
  if (settings.noTransaction === 'sourcegraph') return oneQuery(count(), "Sourcegraph's migrator (`createIndexConcurrently: true`) sends the file");
  return inTransaction(`${runner === 'diesel' ? 'diesel' : "Sourcegraph's migrator"} runs each migration inside a transaction.`);
}

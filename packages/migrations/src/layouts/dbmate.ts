// dbmate: one file per migration, `<version>…​.sql` (pkg/dbmate `^(\d+).*\.sql$`), applied in
// file-name order, with `-- migrate:up` / `-- migrate:down` sections. A file may hold several
// up/down pairs (each up starts a section that runs to the next up); every section needs a down
// block, and no SQL may precede the first up (pkg/dbmate/migration.go). Options ride on the marker
// line: `-- migrate:up transaction:false`.

import type { LayoutFinding, Migration, MigrationPart, Range, SourceFile } from '@migralint/core';
import { layoutFinding } from './layout-finding.js';
import { findMarkerLines, type MarkerLine } from './marker-lines.js';
import { numbered, type LayoutAdapter } from './migration-directory.js';
import { statementsIn } from './part-statements.js';
import { inTransaction, oneQuery, type PartMode } from './runner-transactions.js';
import { duplicateVersionFindings, nameOrderFindings } from './version-findings.js';

const DBMATE_NAME = /^(\d+)_?(.*)\.sql$/;
export const UP_MARKER = /^--\s*migrate:up(?:\s*$|\s+\S+)/;
export const DOWN_MARKER = /^--\s*migrate:down(?:\s*$|\s+\S+)/;

/** The file has a dbmate up marker (what auto-detection looks for). */
export function hasDbmateMarker(text: string): boolean {
  return findMarkerLines(text, UP_MARKER).length > 0;
}

export const dbmate: LayoutAdapter = {
  layout: 'dbmate',
  supportsDown: true,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const migrations: Migration[] = [];
    for (const f of directory.files) {
      const name = DBMATE_NAME.exec(f.name);
      if (!name || f.rel.includes('/')) {
        findings.push(layoutFinding('skipped-file', f.source.path, 'versionedName', { runner: 'dbmate', pattern: '<version>_<name>.sql' }));
        continue;
      }
      const parsed = parseSections(f.source);
      if ('error' in parsed) {
        findings.push(layoutFinding('invalid-migration', f.source.path, parsed.error, parsed.data, parsed.at));
        continue;
      }
      migrations.push({ index: 0, version: name[1]!, name: name[2]!, up: parsed.up, down: parsed.down });
    }
    numbered(migrations);
    findings.push(...duplicateVersionFindings(migrations, 'dbmate'), ...nameOrderFindings(migrations, 'dbmate'));
    return { migrations, findings, companions: [] };
  },
};

type Parsed = { up: MigrationPart[]; down: MigrationPart[] } | { error: string; data: Record<string, unknown>; at?: Range };

function parseSections(file: SourceFile): Parsed {
  const text = file.text;
  const ups = findMarkerLines(text, UP_MARKER);
  if (ups.length === 0) return { error: 'dbmateNoUp', data: {} };
  const firstUp = ups[0]!.start;
  const early = file.statements.find((s) => s.start < firstUp);
  if (early) return { error: 'dbmateStatementsBeforeUp', data: {}, at: { start: early.start, end: early.end } };
  const downs = findMarkerLines(text, DOWN_MARKER);
  const up: MigrationPart[] = [];
  const down: MigrationPart[] = [];
  for (let i = 0; i < ups.length; i++) {
    const start = ups[i]!.start;
    const end = ups[i + 1]?.start ?? text.length;
    const inSection = downs.filter((d) => d.start > start && d.start < end);
    const marker = { start: ups[i]!.start, end: ups[i]!.end };
    if (inSection.length === 0) return { error: 'dbmateNoDown', data: { line: lineOf(text, start) }, at: marker };
    if (inSection.length > 1) return { error: 'dbmateTwoDowns', data: { line: lineOf(text, inSection[1]!.start) }, at: { start: inSection[1]!.start, end: inSection[1]!.end } };
    const downMarker = inSection[0]!;
    up.push(partOf(file, 'up', { start, end: downMarker.start }, ups[i]!));
    down.push(partOf(file, 'down', { start: downMarker.start, end }, downMarker));
  }
  return { up, down };
}

function partOf(file: SourceFile, direction: 'up' | 'down', range: Range, marker: MarkerLine): MigrationPart {
  return { file: file.path, direction, range, ...modeOf(file, range, marker) };
}

/** dbmate wraps a section in a transaction unless its marker says `transaction:false`; then it sends the section as one Exec. */
function modeOf(file: SourceFile, range: Range, marker: MarkerLine): PartMode {
  const options = file.text.slice(marker.start, marker.end).replace(/^--\s*migrate:(?:up|down)/, '').trim().split(/\s+/);
  if (options.includes('transaction:false')) return oneQuery(statementsIn(file, range).length, 'dbmate (`transaction:false`) sends the section');
  return inTransaction('dbmate runs each migration section inside a transaction.');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

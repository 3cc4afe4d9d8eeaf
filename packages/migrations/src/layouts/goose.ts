// goose: `<version>_<name>.sql` with `-- +goose Up` / `-- +goose Down` sections. Annotations are
// case-insensitive, sit on their own line without leading whitespace, and Up is mandatory
// (pressly.github.io/goose/documentation/annotations). goose splits each section into statements
// itself (StatementBegin/End bracket one that contains semicolons) and runs them inside a
// transaction, or one by one without one when the file says `-- +goose NO TRANSACTION`.
// Versions are numbers; two files with one version are refused.

import type { LayoutFinding, Migration, MigrationPart, Range, SourceFile } from '@migralint/core';
import { compareDigits } from './compare-versions.js';
import { layoutFinding } from './layout-finding.js';
import { findMarkerLines, type MarkerLine } from './marker-lines.js';
import { numbered, type LayoutAdapter } from './migration-directory.js';
import { inTransaction, outsideTransaction, type PartMode } from './runner-transactions.js';
import { duplicateVersionFindings } from './version-findings.js';

const GOOSE_NAME = /^(\d+)_(.*)\.sql$/;
export const ANNOTATION = /^--\s*\+goose\s+(.*?)\s*$/i;

/** The file has a goose Up annotation (what auto-detection looks for). */
export function hasGooseAnnotation(text: string): boolean {
  return annotations(text).some((a) => a.kind === 'up');
}

export const goose: LayoutAdapter = {
  layout: 'goose',
  supportsDown: true,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const migrations: Migration[] = [];
    for (const f of directory.files) {
      const name = GOOSE_NAME.exec(f.name);
      if (!name || /^0+$/.test(name[1]!) || f.rel.includes('/')) {
        findings.push(layoutFinding('invalid-migration', f.source.path, 'gooseName'));
        continue;
      }
      const parsed = parseSections(f.source);
      if ('error' in parsed) {
        findings.push(layoutFinding('invalid-migration', f.source.path, parsed.error, {}, parsed.at));
        continue;
      }
      migrations.push({ index: 0, version: name[1]!, name: name[2]!, up: [parsed.up], down: parsed.down ? [parsed.down] : [] });
    }
    migrations.sort((a, b) => compareDigits(a.version, b.version));
    numbered(migrations);
    findings.push(...duplicateVersionFindings(migrations, 'goose', (v) => v.replace(/^0+/, '')));
    return { migrations, findings, companions: [] };
  },
};

interface Annotation extends MarkerLine {
  kind: string;
}

function annotations(text: string): Annotation[] {
  return findMarkerLines(text, ANNOTATION).map((line) => ({ ...line, kind: line.match[1]!.toLowerCase().replace(/\s+/g, ' ') }));
}

type Parsed = { up: MigrationPart; down?: MigrationPart } | { error: string; at?: Range };

function parseSections(file: SourceFile): Parsed {
  const found = annotations(file.text);
  const up = found.find((a) => a.kind === 'up');
  const down = found.find((a) => a.kind === 'down');
  if (!up) return { error: 'gooseNoUp' };
  if (down && down.start < up.start) return { error: 'gooseDownBeforeUp', at: { start: down.start, end: down.end } };
  const begins = found.filter((a) => a.kind === 'statementbegin').length;
  const ends = found.filter((a) => a.kind === 'statementend').length;
  if (begins !== ends) return { error: 'gooseUnbalanced' };
  const mode = modeOf(found);
  const end = file.text.length;
  const upPart: MigrationPart = { file: file.path, direction: 'up', range: { start: up.start, end: down?.start ?? end }, ...mode };
  if (!down) return { up: upPart };
  return { up: upPart, down: { file: file.path, direction: 'down', range: { start: down.start, end }, ...mode } };
}

function modeOf(found: Annotation[]): PartMode {
  return found.some((a) => a.kind === 'no transaction')
    ? outsideTransaction('goose runs this file statement by statement without a transaction (`-- +goose NO TRANSACTION`).')
    : inTransaction('goose runs each migration inside a transaction.');
}

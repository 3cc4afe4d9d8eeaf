// drizzle-kit: `NNNN_<tag>.sql` files run in the order of `meta/_journal.json`, statements separated
// by `--> statement-breakpoint` (a `--` comment to PostgreSQL). drizzle's migrator reads only the
// journal's tags (a file missing from it never runs; a listed file that is missing fails the run),
// skips any migration whose `when` is not later than the newest applied one, and applies all
// pending migrations inside one transaction (drizzle-orm pg-core/dialect.ts migrate()).
// drizzle-kit v1 writes `<timestamp>_<name>/migration.sql` folders instead, ordered by name.

import type { LayoutFinding, Migration } from '@migralint/core';
import { layoutFinding } from './layout-finding.js';
import { numbered, pathIn, type DirectoryFile, type LayoutAdapter } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { inTransaction } from './runner-transactions.js';

export const BREAKPOINT = '--> statement-breakpoint';

const DRIZZLE_MODE = inTransaction("drizzle's migrator applies all pending migrations inside one transaction.");

interface JournalEntry {
  tag: string;
  when?: number;
}

export const drizzle: LayoutAdapter = {
  layout: 'drizzle',
  supportsDown: false,
  build(directory) {
    const findings: LayoutFinding[] = [];
    const migrationOf = (f: DirectoryFile, tag: string): Migration => {
      const match = /^(\d+)_?(.*)$/.exec(tag);
      return { index: 0, version: match?.[1] ?? tag, name: match?.[2] || tag, up: [{ file: f.source.path, direction: 'up', range: wholeFile(f.source), ...DRIZZLE_MODE }], down: [] };
    };

    // drizzle-kit v1: one folder per migration.
    const folders = directory.files.filter((f) => f.rel.split('/').length === 2 && f.name === 'migration.sql');
    if (folders.length > 0) {
      const migrations = folders.map((f) => migrationOf(f, f.rel.split('/')[0]!));
      for (const f of directory.files) {
        if (!folders.includes(f)) findings.push(layoutFinding('skipped-file', f.source.path, 'drizzleOtherFile'));
      }
      return { migrations: numbered(migrations), findings, companions: [] };
    }

    const byTag = new Map(directory.files.filter((f) => !f.rel.includes('/')).map((f) => [f.name.slice(0, -'.sql'.length), f]));
    const journalPath = pathIn(directory.dir, 'meta/_journal.json');
    const journal = readJournal(directory.readAux(journalPath));
    const anyFile = directory.files[0]!.source.path;
    if (journal === 'invalid' || journal === undefined) {
      findings.push(layoutFinding('plan-mismatch', anyFile, journal === 'invalid' ? 'badJournal' : 'noJournal', { journal: journalPath, dir: directory.dir }));
      const migrations = [...byTag].map(([tag, f]) => migrationOf(f, tag));
      return { migrations: numbered(migrations), findings, companions: [] };
    }

    const migrations: Migration[] = [];
    const listed = new Set<string>();
    let newest: { entry: JournalEntry; file: string } | undefined;
    for (const entry of journal) {
      listed.add(entry.tag);
      const f = byTag.get(entry.tag);
      if (!f) {
        findings.push(layoutFinding('plan-mismatch', anyFile, 'journalMissingFile', { journal: journalPath, tag: entry.tag, file: pathIn(directory.dir, `${entry.tag}.sql`) }));
        continue;
      }
      migrations.push(migrationOf(f, entry.tag));
      if (newest && entry.when !== undefined && newest.entry.when !== undefined && entry.when <= newest.entry.when) {
        findings.push(layoutFinding('version-order', f.source.path, 'journalWhen', { when: entry.when, other: newest.file, otherWhen: newest.entry.when }));
      }
      if (entry.when !== undefined && (!newest || newest.entry.when === undefined || entry.when > newest.entry.when)) newest = { entry, file: f.source.path };
    }
    for (const f of directory.files) {
      const tag = f.name.slice(0, -'.sql'.length);
      if (f.rel.includes('/') || !listed.has(tag)) findings.push(layoutFinding('plan-mismatch', f.source.path, 'notInJournal', { journal: journalPath, tag }));
    }
    return { migrations: numbered(migrations), findings, companions: [] };
  },
};

function readJournal(text: string | undefined): JournalEntry[] | 'invalid' | undefined {
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as { entries?: unknown };
    if (!Array.isArray(json.entries)) return 'invalid';
    const entries = json.entries.filter((e): e is JournalEntry => typeof e?.tag === 'string');
    return entries.length === json.entries.length ? entries : 'invalid';
  } catch {
    return 'invalid';
  }
}

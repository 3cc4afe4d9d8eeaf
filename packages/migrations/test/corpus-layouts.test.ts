// The layout analysis over the real-world corpus (../shared/corpus: 6,636 migrations from 48
// projects). Each repository must be detected as its MANIFEST layout (or, for hand-rolled schemes,
// as whatever fits — plain sorted files — or get an "unknown layout" finding), and for every file
// the MANIFEST's has_down_pair must equal whether our model pairs it with a down/up. Where the two
// disagree the test names the reason; only the reasons listed below are accepted. The corpus is
// test data we may not copy: read in place, skipped with a message when absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { LayoutName, Migration, MigrationSet, SourceFile } from '@migralint/core';
import { buildModel } from '../src/build-model.js';
import { analyzeLayouts, type LayoutAnalysis } from '../src/layouts/detect-layout.js';
import { project } from './layouts/layout-helpers.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`corpus-layouts.test.ts: skipped — ${corpus}/MANIFEST.tsv is not present`);

interface Row {
  repo: string;
  path: string;
  layout: string;
  hasDownPair: boolean;
}

function readTsv(file: string): string[][] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
}

/** What the MANIFEST's layout (and SOURCES' tool for "other") may be detected as. */
function expectedLayouts(layout: string, tool: string, dir: string): LayoutName[] {
  // The Supabase CLI applies supabase/migrations only; a sibling (`migrations_for_old`) is plain SQL.
  if (layout === 'supabase' && !/(^|\/)supabase\/migrations(\/|$)/.test(dir)) return ['plain'];
  if (layout === 'diesel' || layout === 'sourcegraph') return ['directory-per-migration'];
  if (layout !== 'other') return [layout as LayoutName];
  if (/goose/.test(tool)) return ['goose'];
  // drizzle-kit without its meta/_journal.json (not part of the corpus) and without breakpoints reads as plain.
  if (/drizzle/.test(tool)) return ['drizzle', 'plain'];
  // sqlx's simple `<version>_<name>.sql` and the hand-rolled schemes: plain sorted files.
  return ['plain'];
}

/** The reasons a model pairing may differ from the MANIFEST's, each a documented runner behaviour. */
type Reason =
  | 'golang-migrate pairs by version although the names differ'
  | 'golang-migrate skips a name without `_<title>`'
  | 'the layout has no down (init/rollback directories of a hand-rolled scheme)';

describe.skipIf(!present)('layouts of the shared corpus', () => {
  it('detects every repository and pairs every file as the MANIFEST says, or says why not', { timeout: 300_000 }, async () => {
    const rows: Row[] = readTsv(path.join(corpus, 'MANIFEST.tsv')).map(([repo, , file, , layout, pair]) => ({ repo: repo!, path: file!, layout: layout!, hasDownPair: pair === 'y' }));
    const tools = new Map(readTsv(path.join(corpus, 'SOURCES.tsv')).map(([repo, , , , tool]) => [repo!, tool!]));
    const repos = [...new Set(rows.map((r) => r.repo))];
    expect(rows.length).toBeGreaterThan(6000);

    const counts = new Map<string, { repos: number; sets: number; migrations: number; files: number }>();
    const mismatches = new Map<Reason, string[]>();
    const problems: string[] = [];
    let analysisMs = 0;

    for (const repo of repos) {
      const dir = path.join(corpus, repo.replace('/', '__'));
      const repoRows = rows.filter((r) => r.repo === repo);
      const p = await project(Object.fromEntries(repoRows.map((r) => [r.path, fs.readFileSync(path.join(dir, r.path), 'utf8')])));
      const readAux = (file: string) => (fs.existsSync(path.join(dir, file)) ? fs.readFileSync(path.join(dir, file), 'utf8') : undefined);
      const settingsFor = () => ({ postgresVersion: 17 });

      const started = performance.now();
      const analysis = analyzeLayouts({ files: p.files, readAux, settingsFor });
      // The whole model, and a place for every statement: nothing may throw.
      const model = buildModel({ files: p.files, readAux, settingsFor, cwd: dir });
      for (const file of p.files) for (const statement of file.statements) model.placeOf(file.path, statement);
      analysisMs += performance.now() - started;

      for (const set of analysis.sets) {
        const expected = expectedLayouts(repoRows[0]!.layout, tools.get(repo) ?? '', set.dir);
        if (!expected.includes(set.layout)) problems.push(`${repo}: ${set.dir} detected as ${set.layout}, expected ${expected.join(' or ')}`);
        const c = counts.get(set.layout) ?? { repos: 0, sets: 0, migrations: 0, files: 0 };
        c.sets++;
        c.migrations += set.migrations.length;
        c.files += new Set(set.migrations.flatMap((m) => [...m.up, ...m.down].map((part) => part.file))).size;
        counts.set(set.layout, c);
      }
      for (const layout of new Set(analysis.sets.map((s) => s.layout))) counts.get(layout)!.repos++;

      const placed = placedFiles(analysis);
      const unknownDirs = analysis.findings.filter((f) => f.ruleId === 'migrations/unknown-layout').map((f) => path.posix.dirname(f.file));
      const findingsOf = new Map<string, string[]>();
      for (const f of analysis.findings) findingsOf.set(f.file, [...(findingsOf.get(f.file) ?? []), f.ruleId]);
      for (const row of repoRows) {
        const place = placed.get(row.path);
        // A file outside every set must carry the finding that says why, or sit in an unknown-layout directory.
        if (!place && !findingsOf.has(row.path) && !unknownDirs.includes(path.posix.dirname(row.path))) problems.push(`${repo}: ${row.path} is in no set and has no finding`);
        const paired = place ? isPaired(place.migration, place.companion, p.files) : false;
        if (paired === row.hasDownPair) continue;
        const reason = explain(row, place, findingsOf.get(row.path) ?? []);
        if (!reason) problems.push(`${repo}: ${row.path} has_down_pair=${row.hasDownPair ? 'y' : 'n'} but the model says ${paired}`);
        else mismatches.set(reason, [...(mismatches.get(reason) ?? []), `${repo} ${row.path}`]);
      }
    }

    const table = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([layout, c]) => `${layout.padEnd(24)} repos ${c.repos}  sets ${c.sets}  migrations ${c.migrations}  files ${c.files}`);
    console.log(`corpus layouts (analysis + model + placeOf for every statement: ${analysisMs.toFixed(0)} ms)\n${table.join('\n')}`);
    for (const [reason, files] of mismatches) console.log(`has_down_pair differs (${files.length}): ${reason}\n  ${files.slice(0, 3).join('\n  ')}${files.length > 3 ? '\n  …' : ''}`);

    expect(problems).toEqual([]);
    // Every repository landed in a set, and the corpus' layouts are all there.
    expect([...counts.keys()].sort()).toEqual(['dbmate', 'directory-per-migration', 'drizzle', 'flyway', 'golang-migrate', 'goose', 'plain', 'prisma', 'sqitch', 'supabase']);
  });
});

interface Place {
  migration: Migration;
  /** The file is a sqitch verify script or a dialect variant, not a part. */
  companion?: 'verify' | 'variant' | 'other-dialect';
  set?: MigrationSet;
}

function placedFiles(analysis: LayoutAnalysis): Map<string, Place> {
  const placed = new Map<string, Place>();
  for (const set of analysis.sets) for (const migration of set.migrations) for (const part of [...migration.up, ...migration.down]) placed.set(part.file, { migration, set });
  for (const c of analysis.companions) if (c.migration) placed.set(c.file, { migration: c.migration, companion: c.role });
  return placed;
}

/** Paired: the migration has an up and a down with SQL in it (an empty goose/dbmate Down section is no rollback). */
function isPaired(migration: Migration, companion: Place['companion'], files: readonly SourceFile[]): boolean {
  if (companion === 'verify' || companion === 'other-dialect') return false;
  const hasSql = (part: Migration['down'][number]) => {
    const file = files.find((f) => f.path === part.file)!;
    if (part.range.start === 0 && part.range.end === file.text.length) return true;
    // A statement the core splitter ran across a section marker still counts for the section it reaches.
    return file.statements.some((s) => s.end > part.range.start && s.start < part.range.end);
  };
  return migration.up.length > 0 && migration.down.some(hasSql);
}

function explain(row: Row, place: Place | undefined, findings: string[]): Reason | undefined {
  if (!row.hasDownPair && place) {
    const base = (file: string) => path.posix.basename(file).replace(/\.(up|down)\.sql$/, '').replace(/\.postgres$/, '');
    const names = new Set([...place.migration.up, ...place.migration.down].map((part) => base(part.file)));
    if (names.size > 1 || /\.autocommit\./.test(row.path)) return 'golang-migrate pairs by version although the names differ';
  }
  if (row.hasDownPair && !place && findings.includes('migrations/skipped-file') && /^\d+\.(up|down)\.sql$/.test(path.posix.basename(row.path))) {
    return 'golang-migrate skips a name without `_<title>`';
  }
  if (row.hasDownPair && place?.set && !place.set.supportsDown) return 'the layout has no down (init/rollback directories of a hand-rolled scheme)';
  return undefined;
}

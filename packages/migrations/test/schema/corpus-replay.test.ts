// Smoke test over the shared dev corpus (../shared/corpus, not shipped): each repository replayed as
// a plain one-migration-per-file history in path order. No throw, tables at the end for most, and
// the replay's cost next to the parse printed (a measurement, not a timed assertion).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SchemaModel, SourceFile } from '@migralint/core';
import { replaySchema } from '../../src/schema/replay-schema.js';
import { parseFiles, plainSet } from './replay-helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const corpus = process.env.MIGRALINT_CORPUS ?? path.resolve(root, '..', 'shared', 'corpus');
const present = fs.existsSync(corpus);
if (!present) console.log(`corpus-replay: ${corpus} is absent; skipping the corpus smoke test`);

function sqlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sqlFiles(p));
    else if (entry.name.endsWith('.sql')) out.push(p);
  }
  return out;
}

describe.skipIf(!present)('replaySchema over the dev corpus', () => {
  it('replays every repository without throwing, with tables at the end for most', async () => {
    const repos = fs.readdirSync(corpus, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    const inputs = repos.flatMap((repo) => sqlFiles(path.join(corpus, repo)).map((f) => ({ path: path.relative(corpus, f), sql: fs.readFileSync(f, 'utf8') })));
    const parseStarted = performance.now();
    const parsed = await parseFiles(inputs);
    const parseMs = performance.now() - parseStarted;

    const byRepo = new Map<string, SourceFile[]>();
    for (const file of [...parsed.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
      const repo = file.path.split(path.sep)[0]!;
      (byRepo.get(repo) ?? byRepo.set(repo, []).get(repo)!).push(file);
    }

    const timings: number[] = [];
    let models: Array<{ repo: string; model: SchemaModel }> = [];
    for (let run = 0; run < 3; run++) {
      models = [];
      const started = performance.now();
      for (const [repo, files] of byRepo) models.push({ repo, model: replaySchema({ set: plainSet(files), files: parsed, settings: { postgresVersion: 17 } }) });
      timings.push(performance.now() - started);
    }

    const withTables = models.filter(({ model }) => model.atEnd().tables().some((t) => t.createdIn !== undefined));
    const skippedKinds = new Map<string, number>();
    const generic = (reason: string) =>
      reason
        .replace(/\b(relation|index|constraint|column|policy|type|function|schema|enum|extension) \S+/g, '$1 …')
        .replace(/ (of|on) \S+/g, ' $1 …')
        .replace(/ '[^']*'/g, " '…'");
    for (const { model } of models) {
      for (const s of model.skipped) {
        const key = `${s.kind}: ${generic(s.reason)}`;
        skippedKinds.set(key, (skippedKinds.get(key) ?? 0) + 1);
      }
    }
    const statements = [...parsed.values()].reduce((n, f) => n + f.statements.length, 0);
    const internal = models.flatMap(({ model }) => model.skipped.filter((s) => s.reason.startsWith('replay error')));
    console.log(
      [
        `corpus-replay: ${parsed.size} files, ${statements} statements, ${byRepo.size} repositories`,
        `  parse (lint() with one rule): ${parseMs.toFixed(0)} ms`,
        `  replay, all repositories: ${timings.map((t) => t.toFixed(0)).join(' / ')} ms (3 runs)`,
        `  repositories with tables at the end: ${withTables.length} / ${models.length}`,
        `  skipped: ${models.reduce((n, m) => n + m.model.skipped.length, 0)} statements; replay errors: ${internal.length}`,
        ...[...skippedKinds].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, n]) => `    ${String(n).padStart(5)}  ${k}`),
        ...internal.slice(0, 10).map((s) => `  ! ${s.file}@${s.offset} ${s.kind}: ${s.reason}`),
      ].join('\n'),
    );
    expect(models).toHaveLength(byRepo.size);
    expect(withTables.length).toBeGreaterThanOrEqual(Math.floor(models.length * 0.8));
    expect(internal).toEqual([]);
  });
});

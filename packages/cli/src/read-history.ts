// One migration folder as the linter reads it — its layout, order and versions — without parsing
// or replaying anything: what `new` and `init` need to know about a history.

import fs from 'node:fs';
import type { MigrationSet, Settings } from '@migralint/core';
import { buildModel } from '@migralint/migrations';
import { glob } from 'tinyglobby';
import { auxReader, displayPath } from './gather-files.js';

/** The folder's history as the linter reads it (layout analysis only: no parsing, no replay). */
export async function readHistory(cwd: string, dir: string, settingsFor: (file: string) => Settings): Promise<MigrationSet | undefined> {
  if (!fs.existsSync(dir)) return undefined;
  const found = await glob(['*.sql', '*/*.sql'], { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const files = found.sort().map((abs) => ({ path: displayPath(cwd, abs), text: fs.readFileSync(abs, 'utf8'), statements: [] }));
  const readAux = auxReader(cwd);
  const rel = displayPath(cwd, dir);
  const model = buildModel({ files, readAux, settingsFor, cwd });
  return model.sets.find((s) => s.dir === rel || (rel === '.' && s.dir === '')) ?? model.sets[0];
}


// Plain: `.sql` files applied in sorted order by a runner the layout alone does not name (sqlx's
// simple migrations, postgres-migrations, Synapse's deltas, memos' version folders, a shell loop
// over psql, a home-grown script), no down. The runner decision (runners.ts) sets the transaction
// mode; an unknown runner is assumed to run each file in a transaction. Version folders
// (`0.19/00__x.sql`, `delta/12/v12.sql`) count as part of the name. We sort numerically within names,
// as people mean `2_x` to run before `10_x`, and warn where a plain name sort would disagree.

import type { Migration } from '@migralint/core';
import { compareNames } from './compare-versions.js';
import { numbered, type LayoutAdapter } from './migration-directory.js';
import { wholeFile } from './part-statements.js';
import { modeForRunner } from './runner-transactions.js';
import { nameOrderFindings } from './version-findings.js';

const VERSION = /^(\d+(?:\.\d+)*)[_\-./]*(.*?)(?:\.sql)?$/;

export const plain: LayoutAdapter = {
  layout: 'plain',
  supportsDown: false,
  build(directory) {
    const entries = directory.files.map((f) => {
      const match = VERSION.exec(f.rel);
      const mode = modeForRunner(directory.runner, f.source);
      const migration: Migration = {
        index: 0,
        version: match?.[1] ?? '',
        name: match?.[2] || f.rel.replace(/\.sql$/, ''),
        up: [{ file: f.source.path, direction: 'up', range: wholeFile(f.source), ...mode }],
        down: [],
      };
      return { rel: f.rel, migration };
    });
    const byName = [...entries].sort((a, b) => compareNames(a.rel, b.rel)).map((e) => e.migration);
    const findings = nameOrderFindings(byName, 'a runner that sorts file names');
    entries.sort((a, b) => compareNatural(a.rel, b.rel));
    return { migrations: numbered(entries.map((e) => e.migration)), findings, companions: [] };
  },
};

/** Digit runs compared as numbers: `2_x` < `10_x`, `0.9` < `0.10`. */
export function compareNatural(a: string, b: string): number {
  const xs = a.match(/\d+|\D+/g) ?? [];
  const ys = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x === y) continue;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    if (numeric) {
      const order = x.replace(/^0+(?=\d)/, '').length - y.replace(/^0+(?=\d)/, '').length || compareNames(x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, ''));
      if (order !== 0) return order;
    }
    return compareNames(x, y);
  }
  return xs.length - ys.length || compareNames(a, b);
}

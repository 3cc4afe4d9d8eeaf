// Every DO block and PL/pgSQL function of the shared corpus read through the corpus script
// (scripts/corpus-plpgsql-stats.mjs, on the built packages): each exact statement must sit at its
// file range, nothing may go unlocated, and bodies may fail only for the one known reason.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const corpus = path.resolve(root, '../shared/corpus');
const present = fs.existsSync(path.join(corpus, 'MANIFEST.tsv'));
if (!present) console.warn(`corpus.e2e.test.ts: skipped — ${corpus}/MANIFEST.tsv is not present`);

describe.skipIf(!present)('PL/pgSQL bodies of the shared corpus', () => {
  it('reads them with every position checked', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/corpus-plpgsql-stats.mjs'), corpus], { encoding: 'utf8' });
    const check = /Position self-check: (\d+) of (\d+) /.exec(out);
    expect(check, out).not.toBeNull();
    expect(Number(check![1])).toBe(Number(check![2]));
    expect(Number(check![2])).toBeGreaterThan(1000);
    const read = (kind: string) => Number(new RegExp(`^\\| ${kind} \\| (\\d+) \\|`, 'm').exec(out)?.[1]);
    expect(read('do')).toBeGreaterThan(300);
    expect(read('function')).toBeGreaterThan(500);
    // libpg-query compiles bodies without a catalog: a variable of a user-defined type is taken for a row.
    const failures = [...out.matchAll(/^\| (body-syntax|unsupported-quoting): (.*) \| \d+ \|$/gm)].map((m) => m[2]);
    expect(failures).toEqual(['"…" is not a scalar variable']);
    expect(out).not.toMatch(/^\| unlocated/m);
    expect(out).not.toContain('mismatch:');
  });
});

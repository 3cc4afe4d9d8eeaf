// The round trip's difference as a reader of `pg_dump --schema-only` output would see it: the
// objects the down did not restore, written as DDL (a table as its CREATE TABLE with its columns,
// then its constraints, indexes, triggers, RLS and policies; other objects as their catalog line),
// before the up (−) against after the up and the down (+), as a unified diff. Rendered from the two
// catalog snapshots the round trip takes anyway (no second dump, no pg_dump binary needed), so the
// column lines carry the snapshot's wording (`text not null default ''::text`).

import type { CatalogEntry, CatalogSnapshot, SchemaDifference } from './catalog-snapshot.js';

const TABLE_KINDS = new Set(['table', 'foreign table']);

/** The affected objects' DDL before the up (`-`) and after the up and the down (`+`), diffed. */
export function dumpDiff(before: CatalogSnapshot, after: CatalogSnapshot, differences: readonly SchemaDifference[]): string {
  // The objects to show: a table for anything of it, else the object itself.
  const objects: string[] = [];
  for (const d of differences) {
    const entry = before.get(`${d.kind} ${d.name}`) ?? after.get(`${d.kind} ${d.name}`);
    const key = entry?.parent !== undefined ? `table ${entry.parent}` : `${d.kind} ${d.name}`;
    if (!objects.includes(key)) objects.push(key);
  }
  const old = objects.flatMap((key) => render(before, key));
  const now = objects.flatMap((key) => render(after, key));
  return lineDiff(old, now).join('\n');
}

/** The DDL of one object as the snapshot has it; nothing when the object is not there. */
function render(snapshot: CatalogSnapshot, key: string): string[] {
  const entry = snapshot.get(key);
  const space = key.indexOf(' ');
  const kind = key.slice(0, space);
  const name = key.slice(space + 1);
  if (!entry && !TABLE_KINDS.has(kind)) return [];
  if (!TABLE_KINDS.has(kind)) return [`-- ${entry!.kind} ${entry!.name}${entry!.detail ? `: ${entry!.detail}` : ''}`];
  const parts = [...snapshot.values()].filter((e) => e.parent === name);
  if (!entry && parts.length === 0) return [];
  const of = (k: string) => parts.filter((e) => e.kind === k);
  const columns = of('column').map((c, i, all) => `    ${c.name.slice(name.length + 1)} ${c.detail}${i < all.length - 1 ? ',' : ''}`);
  const lines = [`CREATE ${kind === 'foreign table' ? 'FOREIGN TABLE' : 'TABLE'} ${name} (`, ...columns, ');'];
  for (const c of of('constraint')) lines.push(`ALTER TABLE ONLY ${name}`, `    ADD CONSTRAINT ${shortName(c, name)} ${c.detail};`);
  for (const i of of('index')) lines.push(`${i.detail};`);
  for (const t of of('trigger')) lines.push(`${t.detail};`);
  for (const r of of('rls')) lines.push(`ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;${r.detail.includes('forced') ? ` ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;` : ''}`);
  for (const p of of('policy')) lines.push(`CREATE POLICY ${shortName(p, name)} ON ${name} ${p.detail};`);
  for (const g of of('privileges')) if (g.detail) lines.push(`-- privileges on ${name}: ${g.detail}`);
  return lines;
}

function shortName(entry: CatalogEntry, table: string): string {
  return entry.name.startsWith(`${table}.`) ? entry.name.slice(table.length + 1) : entry.name;
}

/** A unified-style line diff (longest common subsequence; the texts are a few objects long). */
export function lineDiff(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(` ${a[i]}`);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      out.push(`-${a[i]}`);
      i++;
    } else {
      out.push(`+${b[j]}`);
      j++;
    }
  }
  return out;
}

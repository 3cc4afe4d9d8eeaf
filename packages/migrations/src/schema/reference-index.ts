// Which tables have foreign keys to a table, and which views read one, so a table or column rename
// and a DROP … CASCADE find what refers to it without reading every table and view of the schema:
// reading them all made a file of many renames quadratic (8,000 column and 8,000 table renames:
// 127 s of replay).

import type { QualifiedName, TableInfo, ViewInfo } from '@migralint/core';
import { MapIndex } from './map-index.js';
import { keyOf } from './names.js';

/** Referrer keys (catalog keys of tables or views) by the key of the table they name. */
export class ReferenceIndex<V> extends MapIndex<V> {
  private readonly byTarget = new Map<string, Set<string>>();
  /** The targets each referrer is listed under, to take it out again. */
  private readonly targetsOf = new Map<string, string[]>();

  constructor(private readonly targets: (value: V) => readonly QualifiedName[]) {
    super();
  }

  /** Also for a value changed in place since the map saw it (`before` is not read). */
  protected update(key: string, _before: V | undefined, value: V | undefined): void {
    const old = this.targetsOf.get(key);
    const names = value === undefined ? [] : this.targets(value);
    // Most tables refer to nothing, before and after: no work, no allocation.
    if (old === undefined && names.length === 0) return;
    const now = [...new Set(names.map(keyOf))];
    if (old) for (const target of old) if (!now.includes(target)) this.byTarget.get(target)?.delete(key);
    for (const target of now) {
      let referrers = this.byTarget.get(target);
      if (!referrers) this.byTarget.set(target, (referrers = new Set()));
      referrers.add(key);
    }
    if (now.length > 0) this.targetsOf.set(key, now);
    else this.targetsOf.delete(key);
  }

  /** Keys of what names `target` (as of the last `change` of each). */
  referrersOf(target: QualifiedName): readonly string[] {
    const { current, indexed } = this.ask();
    if (!indexed) {
      const out: string[] = [];
      for (const [key, value] of current) if (this.targets(value).some((t) => t.schema === target.schema && t.name === target.name)) out.push(key);
      return out;
    }
    const referrers = this.byTarget.get(keyOf(target));
    return referrers ? [...referrers] : [];
  }
}

/** The tables a table's foreign keys point at. */
export function foreignKeyTargets(table: TableInfo): QualifiedName[] {
  const out: QualifiedName[] = [];
  for (const c of table.constraints) if (c.references) out.push(c.references.table);
  return out;
}

/** The relations a view reads. */
export function viewReads(view: ViewInfo): readonly QualifiedName[] {
  return view.reads;
}

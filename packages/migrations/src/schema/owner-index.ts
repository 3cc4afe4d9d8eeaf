// The current objects of one catalog map grouped by the table they belong to (an index's table, a
// sequence's owner), so a DROP TABLE, DROP COLUMN or rename finds what goes with the table without
// reading every object of the schema: reading them all made a file of many drops quadratic
// (8,000 tables dropped: 137 s of replay).

import type { QualifiedName } from '@migralint/core';
import { MapIndex } from './map-index.js';

export class OwnerIndex<V> extends MapIndex<V> {
  /**
   * Keys by owner schema, then owner name, in the order the map holds them (see `change`). A table
   * owning one object (most own one or two) holds its key alone, without a set.
   */
  private readonly groups = new Map<string, Map<string, string | Set<string>>>();
  /** Owners (schema, NUL, name) whose keys may be out of the map's order: read in the map's order. */
  private readonly reordered = new Set<string>();

  constructor(private readonly ownerOf: (value: V) => QualifiedName | undefined) {
    super();
  }

  protected update(key: string, before: V | undefined, after: V | undefined): void {
    const from = before === undefined ? undefined : this.ownerOf(before);
    const to = after === undefined ? undefined : this.ownerOf(after);
    if (from && to && from.schema === to.schema && from.name === to.name) return;
    if (from) this.remove(from, key);
    if (!to) return;
    let names = this.groups.get(to.schema);
    if (!names) this.groups.set(to.schema, (names = new Map()));
    const group = names.get(to.name);
    if (group === undefined) names.set(to.name, key);
    else if (typeof group === 'string') names.set(to.name, new Set([group, key]));
    else group.add(key);
    // A key new to the map is last in it, as in the group (and building goes in the map's order).
    // One that was there already kept its place in the map (a sequence given an owner by ALTER
    // SEQUENCE … OWNED BY): the group's order no longer follows the map's, so that owner's keys
    // are read in the map's order from now on.
    if (before !== undefined) this.reordered.add(`${to.schema}\0${to.name}`);
  }

  /** The current values owned by `owner`, in the map's order. */
  valuesOf(owner: QualifiedName): V[] {
    const { current, indexed } = this.ask();
    if (!indexed) {
      const out: V[] = [];
      for (const value of current.values()) {
        const of = this.ownerOf(value);
        if (of && of.schema === owner.schema && of.name === owner.name) out.push(value);
      }
      return out;
    }
    const group = this.groups.get(owner.schema)?.get(owner.name);
    if (group === undefined) return [];
    if (typeof group === 'string') return [current.get(group)!];
    const out: V[] = [];
    if (this.reordered.size > 0 && this.reordered.has(`${owner.schema}\0${owner.name}`)) {
      for (const [key, value] of current) if (group.has(key)) out.push(value);
    } else {
      for (const key of group) out.push(current.get(key)!);
    }
    return out;
  }

  private remove(owner: QualifiedName, key: string): void {
    const names = this.groups.get(owner.schema);
    const group = names?.get(owner.name);
    if (group === undefined) return;
    if (typeof group === 'string') {
      if (group !== key) return;
    } else {
      group.delete(key);
      if (group.size > 1) return;
      if (group.size === 1) return void names!.set(owner.name, group.values().next().value!);
    }
    names!.delete(owner.name);
    this.reordered.delete(`${owner.schema}\0${owner.name}`);
  }
}

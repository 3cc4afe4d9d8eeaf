// The current objects of one catalog map grouped by the table they belong to (an index's table, a
// sequence's owner), so a DROP TABLE, DROP COLUMN or rename finds what goes with the table without
// reading every object of the schema: reading them all made a file of many drops quadratic
// (8,000 tables dropped: 137 s of replay).

import type { QualifiedName } from '@migralint/core';

export class OwnerIndex<V> {
  /** Keys by owner schema, then owner name, in the order the map holds them (see `change`). */
  private readonly groups = new Map<string, Map<string, Set<string>>>();
  /** Groups whose order may differ from the map's: read in the map's order (rare; see `change`). */
  private readonly reordered = new Set<Set<string>>();

  constructor(private readonly ownerOf: (value: V) => QualifiedName | undefined) {}

  /** The map's value of `key` went from `before` to `after` (undefined: no value). */
  change(key: string, before: V | undefined, after: V | undefined): void {
    const from = before === undefined ? undefined : this.ownerOf(before);
    const to = after === undefined ? undefined : this.ownerOf(after);
    if (from && to && from.schema === to.schema && from.name === to.name) return;
    if (from) {
      const group = this.groups.get(from.schema)?.get(from.name);
      group?.delete(key);
      if (group?.size === 0) {
        this.groups.get(from.schema)!.delete(from.name);
        this.reordered.delete(group);
      }
    }
    if (!to) return;
    let names = this.groups.get(to.schema);
    if (!names) this.groups.set(to.schema, (names = new Map()));
    let group = names.get(to.name);
    if (!group) names.set(to.name, (group = new Set()));
    group.add(key);
    // A key new to the map is last in it, as in the group. One that was there already kept its
    // place in the map (a sequence given an owner by ALTER SEQUENCE … OWNED BY): the group's order
    // no longer follows the map's, so that group is read in the map's order from now on.
    if (before !== undefined) this.reordered.add(group);
  }

  /** The current values owned by `owner`, in the map's order. */
  valuesOf(owner: QualifiedName, current: ReadonlyMap<string, V>): V[] {
    const group = this.groups.get(owner.schema)?.get(owner.name);
    if (!group) return [];
    const out: V[] = [];
    if (this.reordered.has(group)) {
      for (const [key, value] of current) if (group.has(key)) out.push(value);
    } else {
      for (const key of group) out.push(current.get(key)!);
    }
    return out;
  }
}

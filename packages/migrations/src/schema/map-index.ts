// The base of the indexes a VersionedMap keeps beside its current values (owner-index.ts,
// reference-index.ts). Built on the first question, from the map as it is then, and kept up to
// date by every change after: most replays never ask (replay-down's, seeded with a whole schema
// once per migration with a down), and they then pay nothing.

export abstract class MapIndex<V> {
  private current?: ReadonlyMap<string, V>;
  private built = false;

  /** The map whose current values this indexes (VersionedMap's constructor calls it). */
  attach(current: ReadonlyMap<string, V>): void {
    this.current = current;
  }

  /** The map's value of `key` went from `before` to `after` (undefined: no value). */
  change(key: string, before: V | undefined, after: V | undefined): void {
    if (this.built) this.update(key, before, after);
  }

  /** The map, with the index built. */
  protected ready(): ReadonlyMap<string, V> {
    if (!this.current) throw new Error('MapIndex: not attached to a map');
    if (!this.built) {
      this.built = true;
      for (const [key, value] of this.current) this.update(key, undefined, value);
    }
    return this.current;
  }

  protected abstract update(key: string, before: V | undefined, after: V | undefined): void;
}

// The base of the indexes a VersionedMap keeps beside its current values (owner-index.ts,
// reference-index.ts). The first few questions are answered by reading the whole map, as before
// there was an index; then it is built, from the map as it is, and kept up to date by every change
// after. So a replay that asks a few questions (replay-down's, seeded with a whole schema once per
// migration with a down) pays no more than before, and one that asks thousands pays the map once.

/** Questions answered by reading the map before the index is built. */
const SCANS_BEFORE_INDEX = 8;

export abstract class MapIndex<V> {
  private current?: ReadonlyMap<string, V>;
  private built = false;
  private questions = 0;

  /** The map whose current values this indexes (VersionedMap's constructor calls it). */
  attach(current: ReadonlyMap<string, V>): void {
    this.current = current;
  }

  /** Is the index built (kept up to date by `change`)? */
  get active(): boolean {
    return this.built;
  }

  /** The map's value of `key` went from `before` to `after` (undefined: no value). */
  change(key: string, before: V | undefined, after: V | undefined): void {
    if (this.built) this.update(key, before, after);
  }

  /** The map, and whether the index answers this question (else: read the map). */
  protected ask(): { current: ReadonlyMap<string, V>; indexed: boolean } {
    if (!this.current) throw new Error('MapIndex: not attached to a map');
    if (!this.built && ++this.questions > SCANS_BEFORE_INDEX) {
      this.built = true;
      for (const [key, value] of this.current) this.update(key, undefined, value);
    }
    return { current: this.current, indexed: this.built };
  }

  protected abstract update(key: string, before: V | undefined, after: V | undefined): void;
}

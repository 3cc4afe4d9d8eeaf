import { describe, expect, it } from 'vitest';
import { VersionedMap } from '../../src/schema/catalog.js';

/** Every answer a map gives, at states 0..3 (and narrowed to changes between each pair). */
function answers(map: VersionedMap<string>, keys: readonly string[]) {
  const states = [0, 1, 2, 3];
  return {
    current: [...map.entries()],
    size: map.size,
    at: states.map((s) => keys.map((k) => map.getAt(k, s))),
    entries: states.map((s) => map.entriesAt(s)),
    changed: states.flatMap((from) => states.map((to) => map.entriesAt(to, { from, to }))),
  };
}

describe('VersionedMap.seedFrom', () => {
  it('answers as a copy of the base at that state does (replay-down seeds its replay this way)', () => {
    const baseClock = { state: 0 };
    const base = new VersionedMap<string>(baseClock);
    base.set('a', 'a0');
    base.set('b', 'b0');
    base.set('gone', 'x');
    baseClock.state = 1;
    base.set('c', 'c1');
    base.delete('gone');
    base.set('a', 'a1');
    baseClock.state = 2;
    base.set('later', 'l2'); // after the seed's state: neither map sees it

    const make = (seed: (map: VersionedMap<string>) => void) => {
      const clock = { state: 0 };
      const map = new VersionedMap<string>(clock);
      seed(map);
      clock.state = 1;
      map.set('b', 'b-changed');
      map.delete('c');
      map.set('gone', 'back'); // dead in the base at the seed's state: a new key here
      map.set('new', 'n1');
      clock.state = 2;
      map.set('c', 'c-again');
      map.delete('a');
      expect(map.setFromStart('b', 'stub')).toBe(false);
      expect(map.setFromStart('stub', 's')).toBe(true);
      expect(map.changedNow('c')).toBe(true);
      expect(map.changedNow('b')).toBe(false);
      return map;
    };
    const copied = make((map) => {
      for (const [key, value] of base.entriesAt(1)) map.setFromStart(key, value);
    });
    const seeded = make((map) => map.seedFrom(base, 1));
    const keys = ['a', 'b', 'c', 'gone', 'later', 'new', 'stub', 'none'];
    expect(answers(seeded, keys)).toEqual(answers(copied, keys));
    expect(seeded.getAt('b', 0)).toBe('b0');
    expect(seeded.entriesAt(3, { from: 0, to: 3 }).map(([k]) => k)).toEqual(['b', 'c', 'gone', 'new']);
  });
});

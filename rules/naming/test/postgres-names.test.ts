// byteLength counts UTF-8 bytes without encoding: it must agree with TextEncoder on every string,
// lone surrogates included (written as U+FFFD), and clipBytes must cut where the bytes say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byteLength, clipBytes } from '../src/postgres-names.js';

const encoded = (text: string) => new TextEncoder().encode(text).length;

describe('byteLength and clipBytes', () => {
  it('agree with TextEncoder on ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    for (const text of ['', 'users', 'résumé', 'αβγ', '名前', '😀x', '\uD800', 'a\uDC00b', '\uD83D\uDE00\uD83D']) {
      expect(byteLength(text), JSON.stringify(text)).toBe(encoded(text));
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constant('\uD800'), fc.constant('\uDC00'), fc.constantFrom('a', 'é', '名', '😀')) }), (text) => {
        expect(byteLength(text)).toBe(encoded(text));
      }),
    );
  });

  it('cuts at a character boundary, within the limit', () => {
    expect(clipBytes('a'.repeat(70))).toBe('a'.repeat(63));
    expect(clipBytes('😀😀', 7)).toBe('😀');
    expect(clipBytes('short')).toBe('short');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 0, max: 63 }), (text, max) => {
        const clipped = clipBytes(text, max);
        expect(encoded(clipped)).toBeLessThanOrEqual(max);
        expect(text.startsWith(clipped)).toBe(true);
      }),
    );
  });
});

// libpg-query speaks UTF-8 byte offsets (and code points for error cursors); editors, SARIF and
// vfile speak UTF-16 code units and 1-based line/column. Convert once, here (DESIGN.md §5).

import { location } from 'vfile-location';

export interface OffsetMap {
  /** UTF-8 byte offset → UTF-16 offset. */
  fromByte(byteOffset: number): number;
  /** UTF-16 offset → UTF-8 byte offset. */
  toByte(utf16Offset: number): number;
  /** 1-based line and column (UTF-16 units) of a UTF-16 offset. */
  point(utf16Offset: number): { line: number; column: number };
  byteLength: number;
}

/** Byte ↔ UTF-16 conversion alone (no line table), for code that only maps AST locations. */
export interface ByteMap {
  /** UTF-8 byte offset → UTF-16 offset. */
  fromByte(byteOffset: number): number;
  /** UTF-16 offset → UTF-8 byte offset. */
  toByte(utf16Offset: number): number;
  byteLength: number;
}

export function createByteMap(text: string): ByteMap {
  const byteLength = Buffer.byteLength(text, 'utf8');
  if (byteLength === text.length) {
    // Pure ASCII (most migrations): bytes and UTF-16 units coincide.
    return { fromByte: (b) => b, toByte: (u) => u, byteLength };
  }
  // byteStarts[i] = byte offset of UTF-16 unit i; a sorted array, searched both ways.
  const byteStarts = new Uint32Array(text.length + 1);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    byteStarts[i] = bytes;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      // A surrogate pair is 4 bytes; the low half shares the high half's start.
      bytes += 4;
      i++;
      if (i < text.length) byteStarts[i] = bytes - 4;
    } else bytes += 3;
  }
  byteStarts[text.length] = bytes;
  const fromByte = (b: number) => {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (byteStarts[mid]! <= b) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { fromByte, toByte: (u) => byteStarts[Math.max(0, Math.min(u, text.length))]!, byteLength };
}

export function createOffsetMap(text: string): OffsetMap {
  const lines = location(text);
  const point = (offset: number) => {
    const p = lines.toPoint(Math.max(0, Math.min(offset, text.length)));
    // vfile-location answers undefined only past the end; clamp keeps it total.
    return p ? { line: p.line, column: p.column } : { line: 1, column: 1 };
  };
  return { ...createByteMap(text), point };
}

/** UTF-16 length of the first `codePoints` code points of `text`. */
export function codePointsToUtf16(text: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return i;
}

// Maps between a derived text and the text it came from, in UTF-8 bytes (libpg-query's unit).
//
// Each layer of quoting between an embedded statement and the file is one map: the statement text
// inside the PL/pgSQL body (a shift, or PERFORM's `SELECT` swap), the body inside its string
// literal (`''`, `E'\n'` escapes, quote continuation), an EXECUTE string built by `format()`.
// A map is a sorted list of segments; an `exact` segment maps byte for byte, an approximate one
// (an escape sequence, a substituted `%I` argument) maps every byte inside it to its whole source
// span. Lookups are binary searches, so mapping cost never grows with body size squared.

export interface Segment {
  /** Start and length in the derived text. */
  from: number;
  length: number;
  /** Start and end in the source text. */
  to: number;
  toEnd: number;
  exact: boolean;
}

export interface OffsetMapper {
  /** Where a derived offset that starts a range lands in the source. */
  start(offset: number): number;
  /** Where a derived offset that ends a range (exclusive) lands in the source. */
  end(offset: number): number;
  /** True when every byte of [from, to) maps byte for byte. */
  exact(from: number, to: number): boolean;
}

export class SegmentList {
  readonly segments: Segment[] = [];
  private length = 0;

  /** Derived bytes copied verbatim from source bytes [to, to + length). */
  copy(to: number, length: number): void {
    if (length <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.exact && last.toEnd === to && last.from + last.length === this.length) {
      last.length += length;
      last.toEnd += length;
    } else {
      this.segments.push({ from: this.length, length, to, toEnd: to + length, exact: true });
    }
    this.length += length;
  }

  /** `length` derived bytes that stand for the whole source span [to, toEnd) (an escape, a substitution). */
  stand(length: number, to: number, toEnd: number): void {
    if (length <= 0) return;
    this.segments.push({ from: this.length, length, to, toEnd, exact: false });
    this.length += length;
  }

  /** Appends another list whose source offsets are already in this list's source. */
  append(other: SegmentList): void {
    for (const s of other.segments) {
      if (s.exact) this.copy(s.to, s.length);
      else this.stand(s.length, s.to, s.toEnd);
    }
  }

  /** Appends this list's derived bytes [from, from + length) to `into`, keeping their sources. */
  slice(from: number, length: number, into: SegmentList): void {
    for (let i = this.indexAt(from); i < this.segments.length && from < this.segments[i]!.from + this.segments[i]!.length && length > 0; i++) {
      const s = this.segments[i]!;
      const take = Math.min(length, s.from + s.length - from);
      if (s.exact) into.copy(s.to + (from - s.from), take);
      else into.stand(take, s.to, s.toEnd);
      from += take;
      length -= take;
    }
  }

  /** Index of the segment holding derived byte `offset` (binary search). */
  private indexAt(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segments[mid]!.from <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  mapper(): OffsetMapper {
    return segmentMapper(this.segments, this.length);
  }
}

function segmentMapper(segments: readonly Segment[], total: number): OffsetMapper {
  // Index of the last segment starting at or before `offset`.
  const find = (offset: number): number => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segments[mid]!.from <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const empty = segments.length === 0;
  return {
    start(offset) {
      if (empty) return 0;
      const s = segments[find(Math.max(0, Math.min(offset, total - 1)))]!;
      if (offset >= total) return s.toEnd;
      return s.exact ? s.to + (offset - s.from) : s.to;
    },
    end(offset) {
      if (empty) return 0;
      if (offset <= 0) return segments[0]!.to;
      const s = segments[find(Math.min(offset, total) - 1)]!;
      return s.exact ? s.to + (Math.min(offset, total) - s.from) : s.toEnd;
    },
    exact(from, to) {
      if (empty) return from >= to;
      for (let i = find(from); i < segments.length && segments[i]!.from < to; i++) if (!segments[i]!.exact) return false;
      return true;
    },
  };
}

/** A map that only shifts: derived offset o is source offset o + by. */
export function shiftMapper(by: number): OffsetMapper {
  return { start: (o) => o + by, end: (o) => o + by, exact: () => true };
}

/** `outer ∘ inner`: derived → inner's source (= outer's derived) → outer's source. */
export function composeMappers(inner: OffsetMapper, outer: OffsetMapper): OffsetMapper {
  return {
    start: (o) => outer.start(inner.start(o)),
    end: (o) => outer.end(inner.end(o)),
    exact: (from, to) => inner.exact(from, to) && outer.exact(inner.start(from), inner.end(to)),
  };
}

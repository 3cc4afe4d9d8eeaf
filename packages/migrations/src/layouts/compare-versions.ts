// How runners order versions. Each runner uses one of three rules, and the difference matters:
// `9_x` runs before `10_x` for golang-migrate (numbers) but after it for the Supabase CLI (names).

/** Numbers of any length (timestamps exceed 2^53): compare without leading zeros, length first. */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || compareNames(x, y);
}

/** Flyway's versions: `1.2.10` > `1.2.9`, `1_1` = `1.1`, `1.0` = `1`. */
export function compareDotted(a: string, b: string): number {
  const xs = a.split(/[._]/);
  const ys = b.split(/[._]/);
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const order = compareDigits(xs[i] ?? '0', ys[i] ?? '0');
    if (order !== 0) return order;
  }
  return 0;
}

/** Code-unit order, what Go's `os.ReadDir` and `sort.Strings` produce for the names runners see. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sequence numbers (`1`, `002`, `10`), as opposed to timestamps (`20240101120000`): only these
 * change order between name sorting and number sorting when their widths differ. Timestamps of
 * different precision sort by date either way, except where the shorter starts the longer
 * (`20240101_x` sorts after `20240101120000_y`): version-findings.ts reports that case.
 */
export function isSequenceNumber(version: string): boolean {
  return /^\d{1,11}$/.test(version);
}

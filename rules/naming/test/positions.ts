// Where a piece of a test's SQL is: 1-based line and UTF-16 column of its start and (exclusive) end,
// as RuleTester expects them. Finding the text by search keeps long-line cases readable; the
// assertion is still exact.

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The `occurrence`-th (0-based) place `needle` appears in `code`. */
export function span(code: string, needle: string, occurrence = 0): Span {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = code.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) is not in the test's SQL`);
  }
  const point = (offset: number) => {
    const before = code.slice(0, offset);
    const lineStart = Math.max(before.lastIndexOf('\n'), -1) + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
  };
  const start = point(at);
  const end = point(at + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

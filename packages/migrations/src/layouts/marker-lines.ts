// dbmate and goose steer a file with comment lines (`-- migrate:up`, `-- +goose Down`). The runners
// find them with line regexes over the raw text, not with a SQL parser — so we do the same, with
// their regexes, and get the same answer even where a marker sits inside a dollar-quoted body.

export interface MarkerLine {
  /** UTF-16 offset of the line's first character. */
  start: number;
  /** Offset just after the line (before its line break). */
  end: number;
  /** The regex's match groups. */
  match: RegExpExecArray;
}

/** Every line matching `pattern` (anchored with ^…$, no `m`/`g` flags needed). */
export function findMarkerLines(text: string, pattern: RegExp): MarkerLine[] {
  const found: MarkerLine[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // Cheap pre-check: every marker line starts with "--".
    if (text.startsWith('--', lineStart)) {
      const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
      const match = pattern.exec(line);
      if (match) found.push({ start: lineStart, end: lineStart + line.length, match });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}

// The statements of a part: those that start inside its range. Statements keep their real
// positions, so a section of a file (dbmate, goose) is just a range over the file's statements.

import type { Range, SourceFile, Statement } from '@migralint/core';

export function statementsIn(file: SourceFile, range: Range): Statement[] {
  return file.statements.filter((s) => s.start >= range.start && s.start < range.end);
}

export function wholeFile(file: SourceFile): Range {
  return { start: 0, end: file.text.length };
}

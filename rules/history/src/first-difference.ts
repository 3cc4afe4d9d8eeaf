// What changed in an edited migration, in one phrase, and where: the first line that differs between
// the old text and the new one. Lines common to the start and to the end of both are skipped, so an
// inserted line reads as "added", a deleted one as "removed", anything else as "changed".

import type { Range } from '@migralint/core';
import { normalizeText } from './lockfile.js';

export interface FirstDifference {
  /** 1-based line of the new text where the difference starts (the last line when lines were removed at the end). */
  line: number;
  /** E.g. "line 3 changed from `int` to `bigint`". */
  description: string;
}

const MAX_SHOWN = 60;

/** The first difference, or undefined when the texts are the same (BOM and line ends aside). */
export function firstDifference(oldText: string, newText: string): FirstDifference | undefined {
  const before = normalizeText(oldText).split('\n');
  const after = normalizeText(newText).split('\n');
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  if (start === before.length && start === after.length) return undefined;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const removed = before.slice(start, before.length - end);
  const added = after.slice(start, after.length - end);
  const line = Math.min(start + 1, after.length);
  if (removed.length === 0) {
    return { line, description: `${count(added.length)} added at line ${start + 1}: ${show(added[0]!)}` };
  }
  if (added.length === 0) {
    return { line, description: `${count(removed.length)} removed at line ${start + 1}: ${show(removed[0]!)}` };
  }
  return { line, description: `line ${start + 1} changed from ${show(removed[0]!)} to ${show(added[0]!)}` };
}

const count = (n: number) => (n === 1 ? '1 line' : `${n} lines`);

function show(line: string): string {
  const text = line.trim();
  if (text === '') return '(an empty line)';
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
  return `\`${cut.replace(/`/g, "'")}\``;
}

/** UTF-16 range of a 1-based line of `text`, without its line break. */
export function lineRange(text: string, line: number): Range {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = /\r\n|\r|\n/g;
    next.lastIndex = start;
    const found = next.exec(text);
    if (!found) break;
    start = found.index + found[0].length;
  }
  const end = /\r|\n/.exec(text.slice(start));
  return { start, end: end ? start + end.index : text.length };
}

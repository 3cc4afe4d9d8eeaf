// What changed in an edited migration, in one phrase, and where: the first line that differs between
// the old text and the new one. Lines common to the start and to the end of both are skipped, so an
// inserted line reads as "added", a deleted one as "removed", anything else as "changed".

import type { Range } from '@migralint/core';
import { normalizeText } from '@migralint/migrations';

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
  const first = firstEdit(removed, added);
  const line = Math.min(start + 1, after.length);
  if (first.kind === 'added') {
    return { line, description: `${count(first.count)} added at line ${start + 1}: ${show(added[0]!)}` };
  }
  if (first.kind === 'removed') {
    return { line, description: `${count(first.count)} removed at line ${start + 1}: ${show(removed[0]!)}` };
  }
  return { line, description: `line ${start + 1} changed from ${show(removed[0]!)} to ${show(added[0]!)}` };
}

/** Above this many line pairs the middle is not aligned: the first lines are simply compared. */
const MAX_ALIGNED = 4_000_000;

/**
 * The first edit of a line alignment (longest common subsequence) of the differing middles, which
 * start with different lines: lines added, lines removed, or a line changed — and how many lines
 * in a row the first two kinds take.
 */
function firstEdit(removed: readonly string[], added: readonly string[]): { kind: 'added' | 'removed' | 'changed'; count: number } {
  if (removed.length === 0) return { kind: 'added', count: added.length };
  if (added.length === 0) return { kind: 'removed', count: removed.length };
  const n = removed.length;
  const m = added.length;
  if (n * m > MAX_ALIGNED) return { kind: 'changed', count: 1 };
  // common[i][j]: common lines of removed[i..] and added[j..], in one flat array.
  const width = m + 1;
  const common = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i * width + j] = removed[i] === added[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const at = (i: number, j: number) => common[i * width + j]!;
  const kindAt = (i: number, j: number): 'added' | 'removed' | 'changed' | 'same' => {
    if (i < n && j < m && removed[i] === added[j]) return 'same';
    if (i === n) return 'added';
    if (j === m) return 'removed';
    if (at(i, j + 1) > at(i + 1, j)) return 'added';
    if (at(i + 1, j) > at(i, j + 1)) return 'removed';
    return 'changed';
  };
  const kind = kindAt(0, 0) as 'added' | 'removed' | 'changed';
  if (kind === 'changed') return { kind, count: 1 };
  let i = 0;
  let j = 0;
  let run = 0;
  while (kindAt(i, j) === kind && (i < n || j < m)) {
    if (kind === 'added') j++;
    else i++;
    run++;
  }
  return { kind, count: run };
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

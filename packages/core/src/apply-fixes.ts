// Apply non-overlapping text edits (UTF-16 ranges). Later overlapping edits are skipped, as ESLint
// does, so a second `--fix` pass can pick them up against the new text.

import type { Fix } from './types.js';

export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < cursor || end < start || end > text.length) continue;
    out += text.slice(cursor, start) + fix.text;
    cursor = end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}

// A short code frame under a finding: where it is as `path:line:col` (terminals and editors open
// that on a click), then the source line with the finding underlined. Source text is untrusted, so
// it is made visible first and the underline is measured on what is actually printed.

import type { LintMessage } from '@migralint/core';
import type { Palette } from './palette.js';
import { visibleLine } from './visible-text.js';
import { displayWidth } from './wrap.js';

const TAB = '    ';

export function codeFrame(source: string, message: LintMessage, reportPath: string, indent: string, width: number | undefined, palette: Palette): string[] {
  const lines = [`${indent}${palette.dim('-->')} ${reportPath}:${message.line}:${message.column}`];
  const sourceLine = source.split(/\r\n|\r|\n/)[message.line - 1];
  if (sourceLine === undefined) return lines;
  const start = Math.min(message.column - 1, sourceLine.length);
  const end = message.endLine === message.line ? Math.max(start + 1, Math.min(message.endColumn - 1, sourceLine.length)) : sourceLine.length;
  const shown = (text: string) => visibleLine(text.replaceAll('\t', TAB));
  let before = shown(sourceLine.slice(0, start));
  let marked = shown(sourceLine.slice(start, end)) || ' ';
  let after = shown(sourceLine.slice(end));
  const gutter = `${indent}${String(message.line).padStart(4)} | `;
  const room = width === undefined ? undefined : Math.max(20, width - displayWidth(gutter));
  if (room !== undefined) {
    // A long line is cut around the finding: some context before it, the mark, what fits after.
    const lead = displayWidth(before) + displayWidth(marked) + displayWidth(after) > room ? Math.max(0, displayWidth(before) - Math.floor(room / 3)) : 0;
    if (lead > 0) before = `…${sliceColumns(before, lead + 1)}`;
    if (displayWidth(before) + displayWidth(marked) > room) marked = `${sliceColumnsTo(marked, room - displayWidth(before) - 1)}…`;
    const left = room - displayWidth(before) - displayWidth(marked);
    after = displayWidth(after) <= left ? after : left > 1 ? `${sliceColumnsTo(after, left - 1)}…` : '';
  }
  lines.push(`${gutter}${before}${palette.bold(marked)}${after}`.trimEnd());
  const pad = ' '.repeat(displayWidth(gutter) - 2);
  lines.push(`${pad}| ${' '.repeat(displayWidth(before))}${palette.red('^'.repeat(Math.max(1, displayWidth(marked))))}`);
  return lines;
}

/** `text` without its first `columns` columns. */
function sliceColumns(text: string, columns: number): string {
  let skipped = 0;
  let index = 0;
  for (const char of text) {
    if (skipped >= columns) break;
    skipped += displayWidth(char);
    index += char.length;
  }
  return text.slice(index);
}

/** The first `columns` columns of `text`. */
function sliceColumnsTo(text: string, columns: number): string {
  let out = '';
  for (const char of text) {
    if (displayWidth(out) + displayWidth(char) > columns) break;
    out += char;
  }
  return out;
}

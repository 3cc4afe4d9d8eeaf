// The last line of every terminal report. ESLint's stylish reporter prints nothing on a clean run and
// remark prints "no issues found" per file; we print exactly one line either way, so a CI log or a
// pre-commit hook always shows that migralint ran, how much it saw, and what it hid on purpose.

import type { LintResult } from '@migralint/core';
import type { Palette } from './palette.js';
import { displayWidth } from './wrap.js';

export interface VisibleCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function summaryLine(result: LintResult, counts: VisibleCounts, palette: Palette, width?: number): string {
  const parts: string[] = [];
  if (counts.errors) parts.push(`${palette.red('✖')} ${plural(counts.errors, 'error')}`);
  if (counts.warnings) parts.push(`${palette.yellow('⚠')} ${plural(counts.warnings, 'warning')}`);
  if (counts.infos) parts.push(`${palette.cyan('ℹ')} ${plural(counts.infos, 'info')}`);
  if (result.failed) {
    const internal = result.notifications.filter((notification) => notification.level === 'error').length;
    parts.push(`${palette.red('✖')} run failed${internal ? ` (${plural(internal, 'run problem')})` : ''}`);
  }
  if (parts.length === 0) {
    parts.push(`${palette.green('✔')} no problems in ${plural(result.stats.files, 'file')}`);
  }
  if (result.suppressedCount) parts.push(`${result.suppressedCount} suppressed`);
  return joinToWidth(parts, width);
}

/** `a, b, c`, broken after a comma where a line would pass the width (our colour codes take no room). */
function joinToWidth(parts: string[], width: number | undefined): string {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.length - 1;
    const joined = last >= 0 ? `${lines[last]}, ${part}` : part;
    if (last >= 0 && width !== undefined && displayWidth(joined.replace(/\u001B\[\d+m/g, '')) > width) {
      lines[last] += ',';
      lines.push(part);
    } else if (last >= 0) lines[last] = joined;
    else lines.push(part);
  }
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

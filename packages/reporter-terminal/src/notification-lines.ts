// Run problems (a rule that threw, a file that could not be read) are not findings: they come after
// the files, one line each, worded so the reader knows the run itself is incomplete.

import type { Notification } from '@migralint/core';
import type { Palette } from './palette.js';
import type { ReporterOptions } from './options.js';
import { toReportPath } from './report-path.js';
import { visibleLine, visibleLines } from './visible-text.js';
import { wrapWords } from './wrap.js';

export function notificationLines(notifications: readonly Notification[], options: ReporterOptions, palette: Palette): string[] {
  const lines: string[] = [];
  for (const notification of notifications) {
    if (options.quiet && notification.level !== 'error') continue;
    // Wrapped under the text after the marker (one column wide).
    const text = wrapWords(describe(notification, options), options.width === undefined ? undefined : Math.max(24, options.width - 2));
    lines.push(`${marker(notification.level, palette)} ${text[0]}`, ...text.slice(1).map((line) => `  ${line}`));
    if (options.verbose && notification.detail) {
      lines.push(...visibleLines(notification.detail).split('\n').map((line) => `    ${line}`.trimEnd()));
    }
  }
  return lines;
}

/**
 * The engine's messages usually name the rule and file already ("Rule x/y crashed on a.sql: …");
 * whatever a notification leaves out is added, so every line says which rule and which file.
 */
function describe(notification: Notification, options: ReporterOptions): string {
  const { ruleId, file, message } = notification;
  let text = message;
  if (ruleId && !message.includes(ruleId)) text = `rule ${ruleId}: ${text}`;
  if (file !== undefined && !message.includes(file)) text = `${text} (${toReportPath(file, options.cwd)})`;
  text = visibleLine(text);
  // A rule that threw is a bug in migralint or a plugin, not a finding: say so plainly.
  return ruleId && notification.level === 'error' ? `internal error: ${text}` : text;
}

function marker(level: Notification['level'], palette: Palette): string {
  if (level === 'error') return palette.red('✖');
  if (level === 'warning') return palette.yellow('⚠');
  return palette.cyan('ℹ');
}

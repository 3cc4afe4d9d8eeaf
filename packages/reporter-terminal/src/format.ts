// Findings grouped by file, then run problems, then the summary line, separated by blank lines. The
// string ends with a newline so the CLI can write it as is.

import type { LintResult } from '@migralint/core';
import { findingLines } from './finding-lines.js';
import { notificationLines } from './notification-lines.js';
import type { ReporterOptions } from './options.js';
import { createPalette } from './palette.js';
import { toReportPath } from './report-path.js';
import { summaryLine } from './summary-line.js';
import { visibleLine } from './visible-text.js';

export function format(result: LintResult, options: ReporterOptions): string {
  const palette = createPalette(options.color === true);
  const sections: string[] = [];
  const counts = { errors: 0, warnings: 0, infos: 0 };

  for (const file of [...result.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const shown = file.messages.filter((message) => !message.suppressed && (!options.quiet || message.severity === 'error'));
    if (shown.length === 0) continue;
    for (const message of shown) {
      if (message.severity === 'error') counts.errors++;
      else if (message.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    const reportPath = visibleLine(toReportPath(file.path, options.cwd));
    const source = typeof file.file.value === 'string' ? file.file.value : '';
    sections.push([palette.underline(reportPath), ...findingLines(shown, { source, reportPath, rules: result.rules, options, palette })].join('\n'));
  }

  const notifications = notificationLines(result.notifications, options, palette);
  if (notifications.length > 0) sections.push(notifications.join('\n'));

  sections.push(summaryLine(result, counts, palette, options.width));
  return `${sections.join('\n\n')}\n`;
}

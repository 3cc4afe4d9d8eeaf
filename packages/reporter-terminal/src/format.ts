// Findings (vfile-reporter), then run problems, then the summary line, separated by blank lines.
// The string ends with a newline so the CLI can write it as is.

import type { LintResult } from '@migralint/core';
import { reporter } from 'vfile-reporter';
import { notificationLines } from './notification-lines.js';
import type { ReporterOptions } from './options.js';
import { createPalette } from './palette.js';
import { toReportedFiles } from './reported-files.js';
import { summaryLine } from './summary-line.js';

export function format(result: LintResult, options: ReporterOptions): string {
  const palette = createPalette(options.color === true);
  const files = toReportedFiles(result, options);
  const sections: string[] = [];

  if (files.length > 0) {
    const findings = reporter(
      files.map((file) => file.vfile),
      // `quiet`: files without shown messages are not listed (we also drop them beforehand).
      { color: options.color === true, verbose: options.verbose === true, quiet: true },
    );
    const hasByline = files.some((file) => file.errors + file.warnings > 0);
    sections.push(hasByline ? withoutByline(findings) : findings);
  }

  const notifications = notificationLines(result.notifications, options, palette);
  if (notifications.length > 0) sections.push(notifications.join('\n'));

  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    counts.errors += file.errors;
    counts.warnings += file.warnings;
    counts.infos += file.infos;
  }
  sections.push(summaryLine(result, counts, palette));
  return `${sections.join('\n\n')}\n`;
}

/**
 * vfile-reporter ends with its own byline ("2 messages (✖ 1 error)") after a blank line whenever an
 * error or warning is shown; it cannot count infos or suppressed findings, so ours replaces it. The
 * byline is one line, so the last blank line is the one before it.
 */
function withoutByline(report: string): string {
  const cut = report.lastIndexOf('\n\n');
  return cut === -1 ? report : report.slice(0, cut);
}

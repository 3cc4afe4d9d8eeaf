// `--format github`: the annotations on stdout, where the runner reads workflow commands, and the
// job summary appended to $GITHUB_STEP_SUMMARY when the runner provides that file (outside Actions,
// nothing is written).

import { appendFileSync } from 'node:fs';
import type { LintResult, ReporterOptions } from '@migralint/core';
import { annotationLines } from './annotations.js';
import { jobSummary } from './job-summary.js';

export function format(result: LintResult, options: ReporterOptions): string {
  const summaryFile = options.env?.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, jobSummary(result, options));
  const lines = annotationLines(result, options);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

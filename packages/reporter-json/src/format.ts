import type { LintResult } from '@migralint/core';
import type { ReporterOptions } from './options.js';
import { toJsonReport } from './to-json-report.js';

/** The report as pretty-printed JSON with a final newline (diffable, and `jq` reads it as is). */
export function format(result: LintResult, options: ReporterOptions): string {
  return `${JSON.stringify(toJsonReport(result, options), null, 2)}\n`;
}

import type { LintResult, ReporterOptions } from '@migralint/core';
import { toCodeQuality } from './code-quality.js';

/** The Code Quality report: a JSON array (empty when clean), pretty-printed, with a final newline. */
export function format(result: LintResult, options: ReporterOptions): string {
  return `${JSON.stringify(toCodeQuality(result, options), null, 2)}\n`;
}

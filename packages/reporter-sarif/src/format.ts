import type { LintResult } from '@migralint/core';
import type { ReporterOptions } from './options.js';
import { toSarifLog } from './to-sarif-log.js';

/** The SARIF log as pretty-printed JSON with a final newline. */
export function format(result: LintResult, options: ReporterOptions): string {
  return `${JSON.stringify(toSarifLog(result, options), null, 2)}\n`;
}

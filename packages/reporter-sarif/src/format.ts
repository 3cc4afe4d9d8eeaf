import type { LintResult, ReporterOptions } from '@migralint/core';
import { toSarifLog } from './to-sarif-log.js';
import { GITHUB_LIMITS, serialiseWithinLimits, type UploadLimits } from './upload-limits.js';

/** The SARIF log as pretty-printed JSON with a final newline, within GitHub's upload limits. */
export function format(result: LintResult, options: ReporterOptions, limits: UploadLimits = GITHUB_LIMITS): string {
  return serialiseWithinLimits(toSarifLog(result, options), limits);
}

// The SARIF reporter: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export { toSarifLog, INFORMATION_URI } from './to-sarif-log.js';
export { FINGERPRINT_KEY } from './fingerprints.js';
export { GITHUB_LIMITS, type UploadLimits } from './upload-limits.js';
export { SARIF_VERSION as sarifVersion, SARIF_SCHEMA_URI } from './sarif-log.js';
export type { SarifLog, SarifRun, SarifResult, SarifReportingDescriptor, SarifNotification, SarifLevel } from './sarif-log.js';
export type { ReporterOptions } from './options.js';

/** `--format sarif`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'sarif', format: (result, options) => format(result, options) });
export default reporter;

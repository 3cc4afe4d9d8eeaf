// The JSON reporter: a versioned, schema-described report of one run, for editors and tools.

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export { toJsonReport } from './to-json-report.js';
export { jsonSchema } from './json-schema.js';
export { JSON_REPORT_VERSION } from './json-report.js';
export type { JsonReport, JsonFile, JsonMessage, JsonEdit, JsonRule, JsonNotification } from './json-report.js';
export type { ReporterOptions } from './options.js';

/** `--format json`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'json', format });
export default reporter;

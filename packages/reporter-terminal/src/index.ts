// The terminal reporter: vfile-reporter's familiar layout for findings, then run problems, then one
// summary line.

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export type { ReporterOptions } from './options.js';

/** `--format terminal`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'terminal', format });
export default reporter;

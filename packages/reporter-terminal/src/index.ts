// The terminal reporter: findings grouped by file, run problems, then one summary line. Everything
// that came from input is made visible before it reaches the terminal (visible-text.ts).

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export type { ReporterOptions } from './options.js';

/** `--format terminal`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'terminal', format });
export default reporter;
export { visibleLine, visibleLines } from './visible-text.js';

// The terminal reporter: findings grouped by file, run problems, then one summary line. Everything
// that came from input is made visible before it reaches the terminal (visible-text.ts).

export { format } from './format.js';
export type { ReporterOptions } from './options.js';
export { visibleLine, visibleLines } from './visible-text.js';

// The terminal reporter: vfile-reporter's familiar layout for findings, then run problems, then one
// summary line.

export { format } from './format.js';
export type { ReporterOptions } from './options.js';

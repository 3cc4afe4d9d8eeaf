// The one options type every reporter takes lives in core's reporter contract.
export type { ReporterOptions } from '@migralint/core';

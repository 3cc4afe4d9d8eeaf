// The GitLab reporter: a Code Quality report (artifacts:reports:codequality) for merge requests
// (docs/reporters/gitlab.md).

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export { toCodeQuality, type CodeQualityIssue } from './code-quality.js';

/** `--format gitlab`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'gitlab', format });
export default reporter;

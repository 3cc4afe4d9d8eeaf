// The GitHub reporter: findings as workflow-command annotations on the pull request, and a Markdown
// job summary, for GitHub Actions without code scanning (docs/reporters/github.md).

import { defineReporter } from '@migralint/core';
import { format } from './format.js';

export { format } from './format.js';
export { annotationLines } from './annotations.js';
export { jobSummary, MAX_LISTED_ERRORS } from './job-summary.js';
export { escapeData, escapeProperty, workflowCommand } from './workflow-command.js';

/** `--format github`: the reporter contract of @migralint/core. */
export const reporter = defineReporter({ name: 'github', format });
export default reporter;

// A statement Postgres cannot parse would fail the migration at deploy time. Reported by the
// engine at the statement's own position; the file's other statements are still linted.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report SQL that PostgreSQL cannot parse.',
      url: ruleDocsUrl('migralint', 'parse-error'),
      why: 'A statement Postgres cannot parse fails the migration when it is deployed, and nothing in it was checked.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      syntax: 'PostgreSQL cannot parse this statement: {{message}}; fix the SQL (this statement was not linted)',
      template:
        'PostgreSQL cannot parse this statement: {{message}}; it contains a template placeholder ({{placeholder}}) — lint the rendered SQL, or list this file in .migralintignore',
    },
  },
});

// An override without a reason is a finding nobody can review later; the reason is the point.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'directive',
    docs: {
      description: 'Require a written reason (` -- why`) on every migralint-disable directive.',
      url: ruleDocsUrl('migralint', 'directive-missing-reason'),
      why: 'Overriding a safety check is sometimes right; the reason is what lets a reviewer agree, and what tells the next reader why.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      missingReason: 'Directive "migralint-{{name}}" has no reason; add one after " -- ", e.g. "-- migralint-{{name}} {{rules}} -- column unused since v3"',
    },
  },
});

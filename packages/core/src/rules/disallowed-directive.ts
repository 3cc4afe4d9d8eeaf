// Some rules (RLS coverage, say) are policy: the config can forbid overriding them inline.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'directive',
    docs: {
      description: 'Report inline directives that try to disable a rule the config protects (`noInlineDisable`).',
      url: ruleDocsUrl('migralint', 'disallowed-directive'),
      why: 'For policy rules a team wants changes reviewed in the shared config, not waved through in a migration comment.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      disallowed:
        'Rule {{ruleId}} may not be disabled inline (config "noInlineDisable": {{pattern}}); fix the finding, or change the config where reviewers see it',
    },
  },
});

// A directive that suppresses nothing hides the next real finding at that place.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'directive',
    docs: {
      description: 'Report disable directives that suppressed no finding.',
      url: ruleDocsUrl('migralint', 'unused-directive'),
      why: 'A stale directive would silently suppress a future, unrelated finding at the same place.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      unused: 'Directive disables {{rule}} but nothing was reported there; remove it',
    },
  },
});

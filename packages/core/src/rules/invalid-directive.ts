// A misspelt directive or rule id silently suppresses nothing; say so instead.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'directive',
    docs: {
      description: 'Report migralint directives with an unknown name or an unknown rule id.',
      url: ruleDocsUrl('migralint', 'invalid-directive'),
      why: 'A directive with a typo suppresses nothing, and the author believes the finding was handled.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      unknownDirective:
        'Unknown directive "migralint-{{name}}"; use migralint-disable-next-statement, migralint-disable, migralint-enable or migralint-disable-file',
      unknownRule: 'Directive names unknown rule "{{ruleId}}"{{suggestion}}; it suppresses nothing',
    },
  },
});

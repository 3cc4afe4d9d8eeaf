// A migration with no statement is recorded as applied while doing nothing; usually a forgotten
// placeholder or a down file that should say why it cannot undo its migration.
import { defineRule } from '../define.js';
import { ruleDocsUrl } from '../docs-url.js';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report migration files that contain no SQL statement.',
      url: ruleDocsUrl('migralint', 'empty-file'),
      why: 'An empty migration is recorded as applied while it changes nothing: usually a forgotten placeholder.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      empty: 'File contains no SQL statement: the runner records it as applied without changing anything; add the SQL or delete the file',
    },
  },
});

/**
 * A down migration whose up is gone or renamed rolls back something the history never applies,
 * and its real counterpart probably has no rollback at all.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a down migration without an up migration of the same version.',
      url: ruleDocsUrl('migrations', 'orphan-down'),
      why: 'A rollback without its migration undoes changes nobody applied, and usually means the real migration was renamed and lost its rollback.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      orphan: 'This down migration has no up migration with version {{version}} for {{runner}} to pair it with; restore or rename the up migration, or delete this file',
    },
  },
});

/**
 * golang-migrate and popx pair an up and a down by version alone: `30_add_x.up.sql` and
 * `30_drop_x.down.sql` are one migration. Legal, but easy to misread, and renaming one side
 * silently keeps the pair.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report an up and a down migration paired by version whose names differ.',
      url: ruleDocsUrl('migrations', 'pair-name-mismatch'),
      why: 'Reviewers look for the rollback by name; when names differ, the pair the runner uses is not the one people see.',
    },
    defaultSeverity: 'info',
    recommended: false,
    messages: {
      mismatch: '{{runner}} pairs this migration with "{{other}}" by version {{version}} although their names differ; give both the same name so the rollback is easy to find',
    },
  },
});

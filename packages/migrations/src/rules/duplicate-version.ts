/**
 * Two migrations with one version: golang-migrate, goose and Flyway refuse the directory; the
 * Supabase CLI and dbmate apply the first and fail inserting the second version into their
 * history table. It usually comes from two branches that each added a migration.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report two migrations of one directory that share a version.',
      url: ruleDocsUrl('migrations', 'duplicate-version'),
      why: 'Runners identify a migration by its version: a second one with the same version stops the deploy or never runs.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      duplicate:
        'Version {{version}} is also used by "{{other}}": {{runner}} identifies migrations by version, so it refuses the pair or never runs one of them; give this migration a new, later version',
    },
  },
});

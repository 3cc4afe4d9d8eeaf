/**
 * A directory is read by one runner. A file written for another runner (a goose file among
 * golang-migrate ones, a Flyway `V1__x.sql` among dbmate files) is ignored by it, or worse, run
 * whole — up and down sections together. Reported by the layout analysis; the file is left out of
 * the history.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: "Report a migration file written for a different runner than the rest of its directory.",
      url: ruleDocsUrl('migrations', 'mixed-layout'),
      why:
        "The directory's runner reads every file its own way: another runner's file is skipped or misread " +
        '(a down section applied with the up), so the schema drifts from what the file says.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      mixed:
        'This file looks like a {{looksLike}} migration, but "{{dir}}" holds {{layout}} migrations and its runner does not read it that way (it is skipped or run whole); move it to a directory of its own or rewrite it in the {{layout}} format',
    },
  },
});

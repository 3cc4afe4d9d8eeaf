/**
 * Some runners parse a migration before running it and stop the whole deploy when it breaks their
 * format: dbmate without `-- migrate:down`, goose without `-- +goose Up`, popx without a down.
 * Better to hear it from the linter than from the deploy.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a migration file that its runner refuses to parse, which stops the deploy.',
      url: ruleDocsUrl('migrations', 'invalid-migration'),
      why: 'The runner fails on this file when it reaches it, so this migration and every later one stay unapplied until it is fixed.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      dbmateNoUp: 'dbmate refuses this migration: it has no `-- migrate:up` line; put one on its own line before the SQL',
      dbmateStatementsBeforeUp: 'dbmate refuses this migration: SQL comes before the first `-- migrate:up`; move it below the marker',
      dbmateNoDown: 'dbmate refuses this migration: the section starting on line {{line}} has no `-- migrate:down`; add one (the down block may stay empty)',
      dbmateTwoDowns: 'dbmate refuses this migration: a second `-- migrate:down` (line {{line}}) before the next `-- migrate:up`; start a new section with `-- migrate:up` or merge the down blocks',
      gooseName: 'goose refuses the directory: this file name has no `<version>_` prefix with a version above 0; rename it to `<version>_<name>.sql`',
      gooseNoUp: 'goose refuses this migration: it has no `-- +goose Up` annotation; add it on its own line, without leading spaces, before the SQL',
      gooseDownBeforeUp: 'goose refuses this migration: `-- +goose Down` comes before `-- +goose Up`; put the Up section first',
      gooseUnbalanced: 'goose refuses this migration: `-- +goose StatementBegin` and `-- +goose StatementEnd` do not pair up; close every StatementBegin',
      flywayMixed:
        'Flyway refuses this script: {{what}} cannot run in a transaction and the script has {{count}} statements, so it mixes transactional and non-transactional ones (allowed only with `mixed=true` in the Flyway config); move {{what}} to its own migration',
      popxNoDown: 'Ory popx refuses to start: version {{version}} has an up migration but no down migration; add a down file (it may be empty)',
    },
  },
});

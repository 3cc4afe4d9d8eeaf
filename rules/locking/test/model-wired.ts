// Is the migration model (`@migralint/migrations` buildModel) wired into RuleTester yet? Cases that
// test what only the model knows (a golang-migrate file runs in a transaction; a constraint
// validated in an earlier migration) are written in full and run as soon as it is; until then they
// are skipped, never weakened. The probe asks the same machinery RuleTester uses.
import { defineRule } from '@migralint/core';
import { lintCase } from '@migralint/rule-tester';

let seen = false;
const probe = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Probe.', url: 'https://example.com/probe' },
    defaultSeverity: 'info',
    recommended: false,
    messages: {},
  },
  create(context) {
    return {
      Statement() {
        if (context.migration !== undefined) seen = true;
      },
    };
  },
});

await lintCase({
  ruleId: 'probe/model-wired',
  rule: probe,
  plugins: [],
  settings: {},
  options: undefined,
  files: [{ path: 'db/migrations/001_probe.up.sql', code: 'SELECT 1;' }],
});

/** True once RuleTester lints cases with the migration model. */
export const modelWired = seen;

/** `skip` for a case that needs the model. */
export const needsModel = { skip: !modelWired } as const;

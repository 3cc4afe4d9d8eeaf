/**
 * Runners that order migrations by file name put `10_b.sql` before `9_a.sql`; drizzle skips a
 * migration whose journal timestamp is older than the newest applied one. Either way migrations run
 * in an order nobody intended — or not at all.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: "Report migrations that the runner applies in a different order than their versions say.",
      url: ruleDocsUrl('migrations', 'version-order'),
      why:
        'A migration that runs before the one it depends on fails, or silently builds on a schema it did not expect; ' +
        'drizzle even skips a migration whose timestamp is older than the last one applied.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      nameOrder:
        'Version {{version}} runs before "{{other}}" (version {{otherVersion}}), because {{runner}} orders files by name and "{{version}}" sorts first as text; pad sequence numbers to one width (or use timestamps) so name order and number order agree',
      timestampPrecision:
        'Version {{version}} runs after "{{other}}" (version {{otherVersion}}) although its time is earlier: {{runner}} orders files by name, and a shorter timestamp sorts after the longer ones it starts with; write the full `YYYYMMDDHHMMSS` timestamp so name order and time order agree',
      journalWhen:
        'drizzle skips this migration on every database that already applied "{{other}}": its journal `when` ({{when}}) is not later than that entry\'s ({{otherWhen}}); regenerate it with drizzle-kit so its timestamp is newer',
    },
  },
});

/**
 * Postgres queues lock requests. A migration statement that needs a strong lock (ACCESS EXCLUSIVE
 * for most ALTER TABLEs, SHARE for CREATE INDEX, …) waits behind any long-running query or open
 * transaction on the table — and while it waits, every later query that conflicts with it queues
 * behind it. A one-millisecond ALTER TABLE becomes a full outage of the table for as long as the
 * oldest transaction runs. `SET lock_timeout` makes the migration give up instead (and be retried).
 *
 * Reported once per file (per part, for files with up and down sections), at the first statement
 * that locks a table that existed before this migration — so one `SET lock_timeout` at the top of
 * the file silences it. Statements on tables created in the same migration never need it (nobody
 * else can hold a lock on them), which is where Squawk's require-lock-timeout is noisy.
 */
import { defineRule, durationOption, ruleDocsUrl } from '@migralint/core';
import { reportMissingTimeout } from '../timeout-settings.js';

export interface RequireLockTimeoutOptions {
  /** The value the suggestion sets. */
  suggestedTimeout: string;
}

export default defineRule<RequireLockTimeoutOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `SET lock_timeout` before the first statement that locks an existing table.',
      url: ruleDocsUrl('locking', 'require-lock-timeout'),
      why:
        'A statement waiting for a strong lock behind a long transaction makes every later query on the table wait ' +
        'behind it, turning a quick ALTER into an outage; lock_timeout makes the migration give up instead.',
    },
    defaultSeverity: 'warning',
    // Off in `recommended`, on in `strict`: it fires on 68% of the corpus (nobody there sets
    // lock_timeout). A real practice, but a reminder on most files is the noise that makes teams
    // switch a linter off (docs/comparison/squawk.md). Teams that adopt the practice turn it on.
    recommended: false,
    hasSuggestions: true,
    messages: {
      missing:
        'Locking {{target}} in {{mode}} mode with no lock_timeout set: while the lock waits behind a long transaction, every {{blocked}} queues behind it; SET lock_timeout at the start of the file',
      addSetting: "Insert SET lock_timeout = '{{timeout}}'; before this statement",
    },
    schema: {
      type: 'object',
      properties: {
        suggestedTimeout: durationOption("The lock_timeout the suggestion inserts, e.g. '5s' or '2000' (milliseconds)."),
      },
      additionalProperties: false,
    },
    defaultOptions: { suggestedTimeout: '5s' },
    sources: [
      { tool: 'squawk', rule: 'require-lock-timeout' },
      { tool: 'squawk', rule: 'require-timeout-settings' },
    ],
  },
  create(context) {
    const timeout = context.options.suggestedTimeout ?? '5s';
    return reportMissingTimeout(
      context,
      'lock_timeout',
      timeout,
      `Safe way: put \`SET lock_timeout = '${timeout}';\` at the top of the file — it covers every statement after it ` +
        '(`SET LOCAL` only until the transaction ends) — and retry the migration when it times out.',
    );
  },
});

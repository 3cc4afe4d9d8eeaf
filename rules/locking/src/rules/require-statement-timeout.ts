/**
 * A migration statement holds its locks for as long as it runs. When a scan, a rewrite or an index
 * build on a big table takes minutes, the table is blocked for minutes; `SET statement_timeout`
 * caps that and makes the migration fail instead of the application.
 *
 * Reported once per file (per part), at the first statement that locks a table that existed before
 * this migration, like require-lock-timeout. Off in the recommended preset: statement_timeout also
 * kills legitimately long work that blocks nobody (CREATE INDEX CONCURRENTLY, batched backfills),
 * platforms and runners often set it per role or connection already, and the slow statements
 * themselves are what the other locking rules report.
 */
import { defineRule, durationOption, ruleDocsUrl } from '@migralint/core';
import { reportMissingTimeout } from '../timeout-settings.js';

export interface RequireStatementTimeoutOptions {
  /** The value the suggestion sets. */
  suggestedTimeout: string;
}

export default defineRule<RequireStatementTimeoutOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `SET statement_timeout` before the first statement that locks an existing table.',
      url: ruleDocsUrl('locking', 'require-statement-timeout'),
      why:
        'A statement holds its locks for as long as it runs; statement_timeout caps how long a slow scan, rewrite or ' +
        'index build can block the table.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      missing:
        'Locking {{target}} in {{mode}} mode with no statement_timeout set: if the statement runs long, every {{blocked}} waits for as long as it runs; SET statement_timeout at the start of the file',
      addSetting: "Insert SET statement_timeout = '{{timeout}}'; before this statement",
    },
    schema: {
      type: 'object',
      properties: {
        suggestedTimeout: durationOption("The statement_timeout the suggestion inserts, e.g. '5min' or '60000' (milliseconds)."),
      },
      additionalProperties: false,
    },
    defaultOptions: { suggestedTimeout: '5min' },
    sources: [
      { tool: 'squawk', rule: 'require-statement-timeout' },
      { tool: 'squawk', rule: 'require-timeout-settings' },
    ],
  },
  create(context) {
    const timeout = context.options.suggestedTimeout ?? '5min';
    return reportMissingTimeout(
      context,
      'statement_timeout',
      timeout,
      `Safe way: put \`SET statement_timeout = '${timeout}';\` at the top of the file (tune it to the slowest statement ` +
        'you accept while the table is blocked), and run long online work (CREATE INDEX CONCURRENTLY, backfills) in ' +
        'files of its own with a larger value.',
    );
  },
});

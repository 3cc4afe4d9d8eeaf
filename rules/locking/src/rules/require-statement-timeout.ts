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
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { blocksReads, describeTarget } from '../table-locks.js';
import { canInsertBefore, firstStatementWithout, setStatementText, suggestedTimeoutOption } from '../timeout-settings.js';

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
        suggestedTimeout: suggestedTimeoutOption('statement_timeout', '5min', '60000'),
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
    return firstStatementWithout(context, 'statement_timeout', (statement, lock) => {
      const insertable = canInsertBefore(context, statement);
      context.report({
        messageId: 'missing',
        data: {
          target: describeTarget(lock.target),
          mode: lock.mode,
          blocked: blocksReads(lock.mode) ? 'query on it' : 'write to it',
        },
        at: lock.at ?? statement,
        note:
          `Safe way: put \`SET statement_timeout = '${timeout}';\` at the top of the file (tune it to the slowest statement ` +
          'you accept while the table is blocked), and run long online work (CREATE INDEX CONCURRENTLY, backfills) in ' +
          'files of its own with a larger value. Reported once per file, at the first statement that needs it.' +
          (insertable
            ? ''
            : ' This statement refuses to run inside a transaction block, and the runner sends the file as one query: a SET before it ' +
              `would put both in one implicit transaction. Set statement_timeout for the runner's connection instead (e.g. PGOPTIONS='-c statement_timeout=${timeout}').`),
        suggest: insertable
          ? [
              {
                messageId: 'addSetting',
                data: { timeout },
                fix: { range: [statement.start, statement.start], text: setStatementText(context.file.text, 'statement_timeout', timeout) },
              },
            ]
          : [],
      });
    });
  },
});

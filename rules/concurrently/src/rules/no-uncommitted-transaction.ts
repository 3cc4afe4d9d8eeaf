/**
 * A BEGIN that is never committed leaves the migration's changes in an open transaction when the
 * part ends. psql then exits with success and Postgres rolls everything back as the connection
 * closes: the migration "ran" and changed nothing. A runner that keeps the connection would run
 * its own bookkeeping inside that open transaction instead. Only parts the runner does not wrap
 * count — in a wrapped part the runner's COMMIT closes whatever is open, and a BEGIN there is
 * `concurrently/transaction-nesting`'s finding.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { isLastOfPart, transactionTrack } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a BEGIN that is not committed or rolled back by the end of its migration.',
      url: ruleDocsUrl('concurrently', 'no-uncommitted-transaction'),
      why:
        'A migration that ends inside its own transaction is rolled back when the connection closes, while the run ' +
        'reports success: the changes are silently never applied.',
    },
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    messages: {
      uncommitted:
        '{{command}} is never committed: the migration ends with its transaction open, and its changes are rolled back when the connection closes; add COMMIT at the end',
      addCommit: 'Add COMMIT after the last statement of the migration',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-uncommitted-transaction' }],
  },
  create(context) {
    return {
      Statement() {
        if (!isLastOfPart(context)) return;
        const begin = transactionTrack(context).uncommitted;
        if (!begin) return;
        const last = context.statementsOfPart().at(-1)!;
        const first = context.tokensOf(begin)[0];
        const word = (first?.text ?? 'BEGIN').toUpperCase();
        const text = context.file.text;
        const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
        context.report({
          messageId: 'uncommitted',
          data: { command: word === 'START' ? 'START TRANSACTION' : word },
          at: begin,
          note:
            'Postgres keeps the transaction open until COMMIT; when the connection closes, it rolls the migration back ' +
            'even though the run reported success. End the transaction with COMMIT (or ROLLBACK, if discarding the changes is the point).',
          // Inserted before the last statement's own `;`: "…;\nCOMMIT;" whether or not a `;` follows it.
          suggest: [{ messageId: 'addCommit', fix: { range: [last.end, last.end], text: `;${eol}${first ? inCaseOf(first, 'COMMIT') : 'COMMIT'}` } }],
        });
      },
    };
  },
});

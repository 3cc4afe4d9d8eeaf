/**
 * Postgres has no nested transactions. A BEGIN while a transaction is open is ignored with a
 * warning, and the first COMMIT after it commits everything — what follows runs outside any
 * transaction, and the outer COMMIT commits nothing. A COMMIT with no transaction open is
 * likewise a no-op that usually means the BEGIN it was meant to close is missing. Most
 * migration runners already wrap each migration in a transaction (the migration model knows
 * which, per part): a BEGIN/COMMIT in such a file is at best redundant, and a COMMIT or ROLLBACK
 * in the middle ends the runner's transaction early.
 */
import { defineRule, ruleDocsUrl, type RuleContext, type Statement } from '@migralint/core';
import { transactionOf } from '../transactions.js';
import { transactionTrack, type TransactionEvent } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report BEGIN inside a transaction, COMMIT or ROLLBACK without one, and transaction control inside a migration the runner already wraps in a transaction.',
      url: ruleDocsUrl('concurrently', 'transaction-nesting'),
      why:
        'Postgres ignores a nested BEGIN and a COMMIT without a transaction, with only a warning; the COMMIT that follows ' +
        'then ends the outer transaction (or the runner\'s) early, so the rest of the migration runs without one.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      nestedBegin:
        '{{command}} inside a transaction already in progress does nothing (Postgres only warns), so the next COMMIT ends the outer transaction early; remove it',
      beginInRunner:
        '{{command}} inside the transaction the runner already opened for this migration does nothing (Postgres only warns); remove it and its COMMIT',
      endWithoutBegin:
        '{{command}} without a transaction in progress does nothing (Postgres only warns); remove it, or add the BEGIN it was meant to close',
      commitInRunner:
        '{{command}} ends the transaction the runner opened for this migration: what follows runs outside it, and the runner\'s own COMMIT commits nothing; remove it',
      rollbackInRunner:
        '{{command}} rolls back the transaction the runner opened for this migration, yet the runner records the migration as applied; remove it',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'transaction-nesting' }],
  },
  create(context) {
    return {
      TransactionStmt(_node, statement) {
        for (const event of transactionTrack(context).events) {
          if (event.statement === statement) report(context, event, statement);
        }
      },
    };
  },
});

function report(context: RuleContext<any>, event: TransactionEvent, statement: Statement) {
  const command = commandText(context, statement);
  switch (event.kind) {
    case 'nestedBegin':
      context.report({
        messageId: 'nestedBegin',
        data: { command },
        note:
          `The transaction was opened at line ${lineOf(context, event.outer)}. Use one BEGIN … COMMIT per migration; ` +
          'for a step that may fail on its own, use SAVEPOINT name … RELEASE SAVEPOINT name (ROLLBACK TO SAVEPOINT name on failure).',
      });
      return;
    case 'beginInRunner':
      context.report({
        messageId: 'beginInRunner',
        data: { command },
        note:
          `The runner applies this migration in a transaction (${runnerReason(context)}). Postgres ignores this ${command} ` +
          'with a warning; the file\'s COMMIT then commits the runner\'s transaction, statements after it run outside any ' +
          'transaction, and the runner\'s own COMMIT commits nothing. Leave transaction control to the runner.',
      });
      return;
    case 'endWithoutBegin':
      context.report({
        messageId: 'endWithoutBegin',
        data: { command },
        note: 'The statements before it already ran and committed one by one. If they were meant to apply all or nothing, start them with BEGIN.',
      });
      return;
    case 'endsRunnerTransaction':
      context.report({
        messageId: event.rollback ? 'rollbackInRunner' : 'commitInRunner',
        data: { command },
        note:
          `The runner applies this migration in a transaction (${runnerReason(context)}). Statements after this ${command} ` +
          'run outside any transaction: if one fails, the migration is left half applied. Leave transaction control to the ' +
          'runner; for a statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY), give it a migration of its ' +
          'own that the runner applies without one.',
      });
      return;
  }
}

/** `BEGIN`, `START TRANSACTION`, `COMMIT`, `END`, `ROLLBACK`, `ABORT`, `PREPARE TRANSACTION`, as written. */
function commandText(context: RuleContext<any>, statement: Statement): string {
  const first = context.tokensOf(statement)[0];
  const word = (first?.text ?? 'COMMIT').toUpperCase();
  return word === 'START' || word === 'PREPARE' ? `${word} TRANSACTION` : word;
}

function runnerReason(context: RuleContext<any>): string {
  // transactionOf answers for the current statement; inside a wrapped part the reason is the part's.
  return context.migration?.part.transactionReason || transactionOf(context).reason || 'the runner wraps every migration in a transaction';
}

function lineOf(context: RuleContext<any>, statement: Statement): number {
  const text = context.file.text;
  let line = 1;
  for (let i = 0; i < statement.start; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

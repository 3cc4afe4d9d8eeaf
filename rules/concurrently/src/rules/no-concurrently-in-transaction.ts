/**
 * `CREATE INDEX CONCURRENTLY`, `DROP INDEX CONCURRENTLY`, `REINDEX … CONCURRENTLY` and
 * `DETACH PARTITION … CONCURRENTLY` work across several transactions of their own, so Postgres
 * refuses them inside a transaction block: "… cannot run inside a transaction block", and the
 * migration fails at deploy time. The transaction may be the file's own BEGIN … COMMIT, or the
 * runner's: most runners wrap each migration in one (or send it as one multi-statement query,
 * which Postgres runs as one implicit transaction). The migration model knows which, per part;
 * the message says how this layout's runner is told to leave a migration un-wrapped.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Range, type SqlToken } from '@migralint/core';
import { concurrentlyOption, isOn } from '../concurrently-option.js';
import { findKeyword, isKeyword } from '@migralint/core';
import { transactionOf } from '../transactions.js';

const WHY =
  'Concurrent index builds, drops and detaches commit and wait for other transactions part-way through, which is ' +
  'impossible inside a transaction block, so Postgres refuses them there and the migration fails when it is deployed.';

const NOT_ATOMIC =
  'A migration without a transaction is not atomic: if a later statement fails, the earlier ones stay applied. Keep ' +
  'the concurrent statement alone in its migration (with IF NOT EXISTS / IF EXISTS, so a retry is safe).';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `CONCURRENTLY` index and partition operations in a statement that runs inside a transaction.',
      url: ruleDocsUrl('concurrently', 'no-concurrently-in-transaction'),
      why:
        'Postgres refuses CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and DETACH PARTITION CONCURRENTLY ' +
        'inside a transaction block, so the migration fails at deploy time. The transaction may be the file\'s own ' +
        'BEGIN or the one the migration runner wraps around every migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      inFileTransaction:
        '{{statement}} inside BEGIN … COMMIT fails: Postgres refuses CONCURRENTLY in a transaction block; move it out of the transaction',
      inRunnerTransaction:
        '{{statement}} fails here: the runner applies this migration in a transaction and Postgres refuses CONCURRENTLY in one; {{advice}}',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-concurrent-index-creation-in-transaction' }],
  },
  create(context) {
    /** `position` says where the statement is written: read (from the tokens) only for a statement that is reported. */
    function check(statementName: string, position: () => Range | AstNode | undefined) {
      const where = transactionOf(context);
      if (!where.inTransaction) return;
      const at = position();
      if (where.openedBy === 'file') {
        context.report({
          messageId: 'inFileTransaction',
          data: { statement: statementName },
          ...(at ? { at } : {}),
          note: `${WHY} Move the statement after the COMMIT, or into a migration of its own. ${NOT_ATOMIC}`,
        });
        return;
      }
      context.report({
        messageId: 'inRunnerTransaction',
        data: { statement: statementName, advice: where.advice },
        ...(at ? { at } : {}),
        note: `${WHY} Why this migration runs in a transaction: ${where.reason}. ${NOT_ATOMIC}`,
      });
    }

    /** The first CONCURRENTLY keyword of the statement. */
    function concurrentlyToken(tokens: readonly SqlToken[], from = 0): SqlToken | undefined {
      const i = findKeyword(tokens, 'concurrently', from);
      return i === -1 ? undefined : tokens[i];
    }

    return {
      IndexStmt(node: AstNode, statement) {
        if (!node.concurrent) return;
        check('CREATE INDEX CONCURRENTLY', () => concurrentlyToken(context.tokensOf(statement)));
      },
      DropStmt(node: AstNode, statement) {
        if (node.removeType !== 'OBJECT_INDEX' || !node.concurrent) return;
        check('DROP INDEX CONCURRENTLY', () => concurrentlyToken(context.tokensOf(statement)));
      },
      ReindexStmt(node: AstNode) {
        const option = concurrentlyOption(node);
        if (!isOn(option)) return;
        const kind = String(node.kind ?? '').replace(/^REINDEX_OBJECT_/, '');
        check(`REINDEX ${kind} CONCURRENTLY`, () => option);
      },
      // DETACH PARTITION is the only subcommand of its ALTER TABLE.
      AlterTableCmd(cmd: AstNode, statement) {
        if (cmd.subtype !== 'AT_DetachPartition' || !cmd.def?.PartitionCmd?.concurrent) return;
        check('DETACH PARTITION … CONCURRENTLY', () => {
          const tokens = context.tokensOf(statement);
          const after = context.rangeOf(cmd.def.PartitionCmd.name).end;
          const from = tokens.findIndex((t) => t.start >= after);
          const token = from === -1 ? undefined : tokens[from];
          return isKeyword(token, 'concurrently') ? token : concurrentlyToken(tokens);
        });
      },
    };
  },
});

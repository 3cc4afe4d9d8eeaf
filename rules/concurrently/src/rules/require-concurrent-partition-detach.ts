/**
 * `ALTER TABLE parent DETACH PARTITION p` takes an ACCESS EXCLUSIVE lock on the partitioned
 * table: every read and write of every partition waits for it, and it waits for every running
 * query first. `DETACH PARTITION … CONCURRENTLY` (Postgres 14+) takes only a SHARE UPDATE
 * EXCLUSIVE lock and waits for running queries in a second transaction. `… FINALIZE` completes
 * an interrupted concurrent detach: fine. A partitioned table the same migration created is
 * exempt; before Postgres 14 there is nothing safer to recommend, so nothing is reported.
 *
 * CONCURRENTLY is refused inside a transaction and when the parent has a DEFAULT partition —
 * which the schema model does not track — so adding it is offered as a suggestion, not a fix.
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { isNewTable } from '../created-here.js';
import { displayName, nameOfRangeVar } from '@migralint/core';
import { findKeyword, isKeyword } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { inTransactionRecipe, transactionOf } from '../transactions.js';

const WHY =
  'DETACH PARTITION takes an ACCESS EXCLUSIVE lock on the partitioned table: it waits for every running query on ' +
  'it, and every read and write of any partition queues behind it. DETACH PARTITION … CONCURRENTLY takes a SHARE ' +
  'UPDATE EXCLUSIVE lock instead, which blocks neither reads nor writes. It is refused when the table has a DEFAULT ' +
  'partition; if it is interrupted, finish it with ALTER TABLE … DETACH PARTITION … FINALIZE.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `DETACH PARTITION … CONCURRENTLY` on partitioned tables this migration did not create (Postgres 14+).',
      url: ruleDocsUrl('concurrently', 'require-concurrent-partition-detach'),
      why:
        'A plain DETACH PARTITION locks the whole partitioned table against reads and writes while it waits and runs. ' +
        'DETACH PARTITION … CONCURRENTLY (Postgres 14+) does not; it must run outside a transaction.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    messages: {
      detach:
        'DETACH PARTITION without CONCURRENTLY locks "{{table}}" and all its partitions against reads and writes; use DETACH PARTITION … CONCURRENTLY',
      detachInTransaction:
        'DETACH PARTITION without CONCURRENTLY locks "{{table}}" and all its partitions against reads and writes; move it to a migration that runs without a transaction and use DETACH PARTITION … CONCURRENTLY',
      addConcurrently: 'Add CONCURRENTLY (fails if "{{table}}" has a DEFAULT partition)',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'require-concurrent-partition-detach' }],
  },
  create(context) {
    return {
      // DETACH PARTITION is the only subcommand of its ALTER TABLE.
      AlterTableCmd(cmd: AstNode, statement) {
        if (context.settings.postgresVersion < 14 || cmd.subtype !== 'AT_DetachPartition') return;
        const partition: AstNode | undefined = cmd.def?.PartitionCmd;
        if (!partition || partition.concurrent) return;
        const table = nameOfRangeVar(statement.node.relation);
        if (isNewTable(context, table)) return;

        const name = context.rangeOf(partition.name);
        const tokens = context.tokensOf(statement);
        // The last DETACH before the partition's name (a table may itself be called "detach").
        let detach = -1;
        for (let i = findKeyword(tokens, 'detach'); i !== -1 && tokens[i]!.start < name.start; i = findKeyword(tokens, 'detach', i + 1)) {
          if (isKeyword(tokens[i + 1], 'partition')) detach = i;
        }
        const at = detach === -1 ? statement : { start: tokens[detach]!.start, end: name.end };
        const data = { table: displayName(table) };
        const where = transactionOf(context);
        if (where.inTransaction) {
          context.report({
            messageId: 'detachInTransaction',
            data,
            at,
            note: `${WHY} ${inTransactionRecipe(where, 'DETACH PARTITION … CONCURRENTLY')}`,
          });
          return;
        }
        const keyword = detach === -1 ? undefined : tokens[detach]!;
        context.report({
          messageId: 'detach',
          data,
          at,
          note: WHY,
          ...(keyword
            ? { suggest: [{ messageId: 'addConcurrently', data, fix: { range: [name.end, name.end], text: ` ${inCaseOf(keyword, 'CONCURRENTLY')}` } }] }
            : {}),
        });
      },
    };
  },
});

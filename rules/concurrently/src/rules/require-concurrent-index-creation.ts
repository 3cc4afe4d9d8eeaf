/**
 * A plain `CREATE INDEX` holds a SHARE lock on its table until the build ends: reads go on, but
 * every INSERT, UPDATE and DELETE waits — for minutes on a large table, which is an outage for
 * any application that writes to it. `CREATE INDEX CONCURRENTLY` builds the same index without
 * blocking writes. A table the same migration created holds no rows yet, so indexing it is free:
 * exempt, whether or not the migration says BEGIN (Squawk only exempts inside an explicit BEGIN).
 *
 * The fix adds CONCURRENTLY only where Postgres accepts it: outside a transaction, on a table
 * that is not partitioned (CONCURRENTLY is refused on partitioned tables; those get the
 * per-partition recipe instead).
 */
import { defineRule, ruleDocsUrl, type AstNode, type SqlToken } from '@migralint/core';
import { isNewTable, tableBefore } from '../created-here.js';
import { displayName, nameOfRangeVar } from '@migralint/core';
import { findKeyword, tokenRange } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { inTransactionRecipe, transactionOf } from '../transactions.js';

const WHY =
  'A plain CREATE INDEX holds a SHARE lock on the table until the build ends: reads go on, every INSERT, UPDATE ' +
  'and DELETE waits. CREATE INDEX CONCURRENTLY builds without blocking writes; it scans the table twice and waits ' +
  'for running transactions, so it takes longer.';

const AFTER_FAILURE =
  'If a concurrent build fails (a deadlock, a duplicate in a UNIQUE index, a cancelled statement), it leaves an ' +
  'INVALID index behind: drop it with DROP INDEX CONCURRENTLY and run the build again (see concurrently/concurrent-index-if-not-exists).';

const PARTITIONED_NOTE =
  'Postgres refuses CREATE INDEX CONCURRENTLY on a partitioned table, and a plain CREATE INDEX on it locks every ' +
  'partition against writes. Safe way: (1) CREATE INDEX parent_idx ON ONLY parent (…) — instant, the index starts ' +
  'INVALID; (2) for each partition, CREATE INDEX CONCURRENTLY part_idx ON partition (…); (3) ALTER INDEX parent_idx ' +
  'ATTACH PARTITION part_idx; the parent index becomes valid once every partition has one.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `CREATE INDEX CONCURRENTLY` when indexing a table this migration did not create.',
      url: ruleDocsUrl('concurrently', 'require-concurrent-index-creation'),
      why:
        'A plain CREATE INDEX blocks every write to the table for the whole build — minutes on a large table. ' +
        'CREATE INDEX CONCURRENTLY builds the index without blocking writes; it must run outside a transaction.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    messages: {
      createIndex:
        'CREATE INDEX without CONCURRENTLY blocks writes to "{{table}}" for the whole build; use CREATE INDEX CONCURRENTLY',
      createIndexInTransaction:
        'CREATE INDEX without CONCURRENTLY blocks writes to "{{table}}" for the whole build; move it to a migration that runs without a transaction and use CREATE INDEX CONCURRENTLY',
      createIndexPartitioned:
        'CREATE INDEX on partitioned table "{{table}}" blocks writes to every partition for the whole build; create it ON ONLY the parent and build each partition\'s index CONCURRENTLY',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'require-concurrent-index-creation' }],
  },
  create(context) {
    return {
      IndexStmt(node: AstNode, statement) {
        if (node.concurrent) return;
        const table = nameOfRangeVar(node.relation);
        if (isNewTable(context, table)) return;
        const known = tableBefore(context, table);
        if (known?.kind === 'temporary') return;
        // `ON ONLY parent` (the parser leaves `inh` unset) builds nothing on a partitioned table —
        // the index starts invalid: step one of the safe recipe. Reported only on a table the
        // model knows is a plain one, where ONLY changes nothing.
        if (node.relation && node.relation.inh !== true && known?.kind !== 'table') return;

        const tokens = context.tokensOf(statement);
        const index = findKeyword(tokens, 'index');
        const keyword: SqlToken | undefined = index === -1 ? undefined : tokens[index];
        const at = keyword && tokens[0] ? tokenRange(tokens[0], keyword) : statement;
        const data = { table: displayName(table) };
        if (known?.kind === 'partitioned') {
          context.report({ messageId: 'createIndexPartitioned', data, at, note: PARTITIONED_NOTE });
          return;
        }
        const where = transactionOf(context);
        if (where.inTransaction) {
          context.report({
            messageId: 'createIndexInTransaction',
            data,
            at,
            note: `${WHY} ${inTransactionRecipe(where, 'CREATE INDEX CONCURRENTLY')} ${AFTER_FAILURE}`,
          });
          return;
        }
        context.report({
          messageId: 'createIndex',
          data,
          at,
          note: `${WHY} ${AFTER_FAILURE}`,
          ...(keyword ? { fix: { range: [keyword.end, keyword.end], text: ` ${inCaseOf(keyword, 'CONCURRENTLY')}` } } : {}),
        });
      },
    };
  },
});

/**
 * A plain `DROP INDEX` takes an ACCESS EXCLUSIVE lock on the index's table. The drop itself is
 * quick, but the lock must first wait for every running query on the table — and while it
 * waits, every new read and write queues behind it: one slow report query turns a drop into an
 * outage. `DROP INDEX CONCURRENTLY` waits without blocking anyone. An index on a table the same
 * migration created locks nobody out: exempt. What counts is the table — an index built earlier
 * in the migration on a production table, or by the up a down undoes, still locks that table.
 *
 * Postgres accepts CONCURRENTLY only outside a transaction, for one index, without CASCADE; the
 * fix is offered exactly then, and the note says how to split or move the statement otherwise.
 */
import { defineRule, indexStatements, removedEarlier, ruleDocsUrl, type AstNode, type RuleContext, type SqlToken, type Statement } from '@migralint/core';
import { isOnNewTable, tableOfIndex } from '../created-here.js';
import { displayName, nameOfDropObject, type WrittenName } from '@migralint/core';
import { findKeyword, readNameList } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { inTransactionRecipe, transactionOf } from '../transactions.js';

const WHY =
  'DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: it waits for every running query on the table, and every ' +
  'read and write that arrives meanwhile queues behind it. DROP INDEX CONCURRENTLY waits without blocking anyone.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `DROP INDEX CONCURRENTLY` when dropping an index this migration did not create.',
      url: ruleDocsUrl('concurrently', 'require-concurrent-index-deletion'),
      why:
        'A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: while it waits for running queries, every ' +
        'read and write of the table queues behind it. DROP INDEX CONCURRENTLY does not block them.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    messages: {
      dropIndex:
        'DROP INDEX without CONCURRENTLY locks the table of "{{index}}" against reads and writes while it waits and runs; use DROP INDEX CONCURRENTLY',
      dropIndexInTransaction:
        'DROP INDEX without CONCURRENTLY locks the table of "{{index}}" against reads and writes while it waits and runs; move it to a migration that runs without a transaction and use DROP INDEX CONCURRENTLY',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'require-concurrent-index-deletion' }],
  },
  create(context) {
    return {
      DropStmt(node: AstNode, statement) {
        if (node.removeType !== 'OBJECT_INDEX' || node.concurrent) return;
        const objects: AstNode[] = node.objects ?? [];
        // Where the names and INDEX are written: read from the tokens for the first drop reported.
        let read: { tokens: readonly SqlToken[]; keyword: number; names: ReturnType<typeof readNameList> } | undefined;
        const written = () => {
          if (!read) {
            const tokens = context.tokensOf(statement);
            const keyword = findKeyword(tokens, 'index');
            read = { tokens, keyword, names: keyword === -1 ? undefined : readNameList(tokens, keyword + 1) };
          }
          return read;
        };
        const cascade = node.behavior === 'DROP_CASCADE';
        const where = transactionOf(context);
        objects.forEach((object, i) => {
          const index = nameOfDropObject(object);
          if (!index || isOnNewTable(context, index) || dropsNothing(context, node, index) || tableDroppedLater(context, index)) return;
          // IF EXISTS of an index the migration already removed: it drops nothing and locks nothing.
          if (node.missing_ok && removedEarlier(context, 'index', index)) return;
          const { tokens, keyword, names } = written();
          const scanned = names?.length === objects.length && names[i]!.parts.at(-1) === index.name ? names[i]!.range : undefined;
          const data = { index: displayName(index) };
          if (where.inTransaction) {
            context.report({
              messageId: 'dropIndexInTransaction',
              data,
              at: scanned ?? statement,
              note: `${WHY} ${inTransactionRecipe(where, 'DROP INDEX CONCURRENTLY')}`,
            });
            return;
          }
          const limits: string[] = [];
          if (objects.length > 1) limits.push('drops one index per statement, so write one DROP INDEX CONCURRENTLY per index');
          if (cascade) limits.push('does not accept CASCADE, so drop the dependent objects first');
          const fixable = limits.length === 0 && keyword !== -1;
          context.report({
            messageId: 'dropIndex',
            data,
            at: scanned ?? statement,
            note: fixable ? WHY : `${WHY} DROP INDEX CONCURRENTLY ${limits.join(', and ')}.`,
            ...(fixable ? { fix: { range: [tokens[keyword]!.end, tokens[keyword]!.end], text: ` ${inCaseOf(tokens[keyword]!, 'CONCURRENTLY')}` } } : {}),
          });
        });
      },
    };
  },
});

/**
 * `DROP INDEX IF EXISTS` in the history's first migration (an initial schema) of an index that migration never built
 * (neither earlier in this part nor known to the replayed model): it drops nothing and locks nothing.
 * Later migrations are not judged so: a history often starts after indexes it drops (a baseline,
 * Synapse's full schemas), and the model cannot tell those from leftovers.
 */
function dropsNothing(context: RuleContext, node: AstNode, index: WrittenName): boolean {
  const schema = context.schema;
  if (!node.missing_ok || !schema || context.migration?.migration.index !== 0) return false;
  // An initial schema (it creates tables), not a delta or rollback folder that starts a set of its own.
  return schema.after.tables().some((t) => t.createdIn === 0) && tableOfIndex(context, index) === undefined;
}

/**
 * Is the index's table dropped later in the same file? Its drop takes the same lock and loses the
 * table, which `destructive/no-drop-table` reports: one finding per risk.
 */
function tableDroppedLater(context: RuleContext, index: WrittenName): boolean {
  const table = tableOfIndex(context, index);
  if (!table) return false;
  // Indexed once per file by the dropped table: a lookup per call, not a pass over the file.
  return (indexStatements(context.statements, droppedTables).get(tableKey(table)) ?? []).some((at) => at > context.statement.index);
}

const tableKey = (n: WrittenName) => `${n.schema ?? 'public'}.${n.name}`;

/** The tables a `DROP TABLE` drops, keyed by schema-qualified name. */
function droppedTables(statement: Statement): Array<[string, number]> {
  if (statement.kind !== 'DropStmt' || statement.node.removeType !== 'OBJECT_TABLE') return [];
  return (statement.node.objects ?? []).flatMap((object: AstNode) => {
    const dropped = nameOfDropObject(object);
    return dropped ? [[tableKey(dropped), statement.index] as [string, number]] : [];
  });
}

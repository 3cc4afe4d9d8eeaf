/**
 * A concurrent index build that fails — a deadlock, a duplicate key in a UNIQUE index, a
 * statement timeout, a cancelled deploy — does not roll back: Postgres keeps the half-built
 * index, marked INVALID. Queries never use it, but every write still maintains it. Running the
 * migration again then fails with "relation … already exists", and the deploy is stuck until
 * someone cleans up by hand. `IF NOT EXISTS` lets the retry through; a
 * `DROP INDEX CONCURRENTLY IF EXISTS` of the same name just before the build does too, and also
 * throws the INVALID leftover away. Either way, after a failure, look for INVALID indexes.
 *
 * A CONCURRENTLY statement inside a transaction never runs at all: that is
 * `concurrently/no-concurrently-in-transaction`'s finding, not this rule's.
 */
import { defineRule, ruleDocsUrl, type AstNode, type RuleContext, type SqlToken, type Statement } from '@migralint/core';
import { nameOfDropObject } from '@migralint/core';
import { findKeyword, readQualifiedName, tokenRange } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { transactionOf } from '../transactions.js';

const CLEAN_UP =
  'When a concurrent build fails, Postgres keeps the half-built index, marked INVALID: queries never use it, every ' +
  'write still updates it, and a rerun of CREATE INDEX CONCURRENTLY fails on its name. Find such leftovers with ' +
  '`SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid;`, drop each with ' +
  '`DROP INDEX CONCURRENTLY IF EXISTS <name>;`, then run the migration again. IF NOT EXISTS lets the rerun through, ' +
  'but it also skips an INVALID leftover of the same name, so after a failure check indisvalid either way — or put ' +
  '`DROP INDEX CONCURRENTLY IF EXISTS <name>;` right before the CREATE so every run starts clean.';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `IF NOT EXISTS` on `CREATE INDEX CONCURRENTLY`, so a migration whose build failed can be run again.',
      url: ruleDocsUrl('concurrently', 'concurrent-index-if-not-exists'),
      why:
        'A failed concurrent index build leaves an INVALID index behind, and running the migration again fails on its ' +
        'name. IF NOT EXISTS (or dropping the leftover first) makes the retry possible; the INVALID index still has to be cleaned up.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    messages: {
      missingIfNotExists:
        'CREATE INDEX CONCURRENTLY "{{index}}" without IF NOT EXISTS cannot be retried: a failed build leaves an INVALID index of that name behind; add IF NOT EXISTS',
      unnamed:
        'CREATE INDEX CONCURRENTLY without an index name cannot be retried cleanly: a failed build leaves an INVALID index behind and a rerun builds a second one beside it; name the index and add IF NOT EXISTS',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    // The CREATE INDEX CONCURRENTLY part of Squawk's prefer-robust-stmts (design/prefer-robust-stmts leaves it to this rule).
    sources: [{ tool: 'squawk', rule: 'prefer-robust-stmts' }],
  },
  create(context) {
    return {
      IndexStmt(node: AstNode, statement) {
        if (!node.concurrent || node.if_not_exists) return;
        if (transactionOf(context).inTransaction) return;
        const tokens = context.tokensOf(statement);
        const concurrently = findKeyword(tokens, 'concurrently');
        const keyword: SqlToken | undefined = concurrently === -1 ? undefined : tokens[concurrently];
        if (typeof node.idxname !== 'string') {
          context.report({
            messageId: 'unnamed',
            at: keyword && tokens[0] ? tokenRange(tokens[0], keyword) : statement,
            note: CLEAN_UP,
          });
          return;
        }
        const index = { schema: node.relation?.schemaname || undefined, name: node.idxname as string };
        if (droppedJustBefore(context, statement, index)) return;
        const name = keyword ? readQualifiedName(tokens, concurrently + 1)?.name : undefined;
        context.report({
          messageId: 'missingIfNotExists',
          data: { index: node.idxname },
          at: name?.range ?? statement,
          note: CLEAN_UP,
          ...(keyword ? { fix: { range: [keyword.end, keyword.end], text: ` ${inCaseOf(keyword, 'IF NOT EXISTS')}` } } : {}),
        });
      },
    };
  },
});

/** Is the build preceded, in the same part, by `DROP INDEX [CONCURRENTLY] IF EXISTS` of the same index? */
function droppedJustBefore(context: RuleContext<any>, current: Statement, index: { schema: string | undefined; name: string }): boolean {
  const previous = context.statementsOfPart().filter((s) => s.index < current.index).at(-1);
  if (previous?.kind !== 'DropStmt' || previous.node.removeType !== 'OBJECT_INDEX' || !previous.node.missing_ok) return false;
  return (previous.node.objects ?? []).some((object: AstNode) => {
    const dropped = nameOfDropObject(object);
    return dropped?.name === index.name && (dropped.schema ?? 'public') === (index.schema ?? 'public');
  });
}

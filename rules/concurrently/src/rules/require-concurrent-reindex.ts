/**
 * `REINDEX` rebuilds indexes under locks that stop the application: a SHARE lock on the table
 * blocks every write, and an ACCESS EXCLUSIVE lock on each index being rebuilt blocks every
 * query the planner would consider it for — which, since the planner locks all of a table's
 * indexes, is nearly every query. `REINDEX … CONCURRENTLY` (Postgres 12+) rebuilds without
 * those locks. `REINDEX SYSTEM` (catalogs only; CONCURRENTLY is refused there) is exempt, and so
 * is a table the same migration created (or an index on one). Before Postgres 12 the finding
 * stays, with the manual recipe (build a replacement index concurrently, swap it in) and no fix.
 */
import { defineRule, ruleDocsUrl, type AstNode, type SqlToken } from '@migralint/core';
import { concurrentlyOption, isOn } from '../concurrently-option.js';
import { isOnNewTable, isNewTable } from '../created-here.js';
import { displayName, nameOfRangeVar } from '@migralint/core';
import { isKeyword, skipParenthesized, tokenRange } from '@migralint/core';
import { inCaseOf } from '../keyword-case.js';
import { inTransactionRecipe, transactionOf } from '../transactions.js';

const KINDS: Record<string, string> = {
  REINDEX_OBJECT_INDEX: 'INDEX',
  REINDEX_OBJECT_TABLE: 'TABLE',
  REINDEX_OBJECT_SCHEMA: 'SCHEMA',
  REINDEX_OBJECT_DATABASE: 'DATABASE',
};

const WHY =
  'REINDEX holds a SHARE lock on the table (every write waits) and an ACCESS EXCLUSIVE lock on each index it ' +
  'rebuilds (every query whose plan considers that index waits — nearly all of them, since the planner locks ' +
  'every index of the table). REINDEX … CONCURRENTLY builds a new copy of each index beside the old one and swaps ' +
  'them, blocking nothing; if it fails it leaves an INVALID copy named …_ccnew behind: drop it with DROP INDEX CONCURRENTLY.';

const BEFORE_12 =
  'Postgres before 12 has no REINDEX CONCURRENTLY. Safe way, per index: (1) CREATE INDEX CONCURRENTLY new_idx with ' +
  'the same definition; (2) DROP INDEX CONCURRENTLY old_idx; (3) ALTER INDEX new_idx RENAME TO old_idx. An index ' +
  'behind a PRIMARY KEY or UNIQUE constraint is swapped with ALTER TABLE … DROP CONSTRAINT … , ADD CONSTRAINT … USING INDEX new_idx.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `REINDEX … CONCURRENTLY` for tables and indexes this migration did not create.',
      url: ruleDocsUrl('concurrently', 'require-concurrent-reindex'),
      why:
        'A plain REINDEX blocks writes to the table and nearly every query on it until the rebuild ends. ' +
        'REINDEX … CONCURRENTLY (Postgres 12+) rebuilds without blocking; it must run outside a transaction.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    messages: {
      reindex:
        'REINDEX {{kind}} without CONCURRENTLY blocks writes and nearly every query on {{target}} while it rebuilds; use REINDEX {{kind}} CONCURRENTLY',
      reindexInTransaction:
        'REINDEX {{kind}} without CONCURRENTLY blocks writes and nearly every query on {{target}} while it rebuilds; move it to a migration that runs without a transaction and use REINDEX {{kind}} CONCURRENTLY',
      reindexBefore12:
        'REINDEX {{kind}} blocks writes and nearly every query on {{target}} while it rebuilds, and Postgres {{version}} has no REINDEX CONCURRENTLY; build a replacement index CONCURRENTLY and swap it in',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'require-concurrent-reindex' }],
  },
  create(context) {
    return {
      ReindexStmt(node: AstNode, statement) {
        const kind = KINDS[node.kind as string];
        if (!kind) return; // REINDEX SYSTEM: catalogs only, and CONCURRENTLY is refused there
        const option = concurrentlyOption(node);
        if (isOn(option)) return;
        const relation = nameOfRangeVar(node.relation);
        if (kind === 'TABLE' && isNewTable(context, relation)) return;
        if (kind === 'INDEX' && isOnNewTable(context, relation)) return;

        const target =
          kind === 'TABLE'
            ? `"${displayName(relation)}"`
            : kind === 'INDEX'
              ? `the table of "${displayName(relation)}"`
              : kind === 'SCHEMA'
                ? `every table of schema "${node.name}"`
                : 'every table of the database';
        const tokens = context.tokensOf(statement);
        // REINDEX [ ( options ) ] { INDEX | TABLE | SCHEMA | DATABASE } …
        const kindToken: SqlToken | undefined = isKeyword(tokens[0], 'reindex') ? tokens[skipParenthesized(tokens, 1)] : undefined;
        const keyword = isKeyword(kindToken, kind.toLowerCase()) ? kindToken : undefined;
        const at = keyword ? tokenRange(tokens[0]!, keyword) : statement;

        const version = context.settings.postgresVersion;
        if (version < 12) {
          context.report({ messageId: 'reindexBefore12', data: { kind, target, version }, at, note: BEFORE_12 });
          return;
        }
        const where = transactionOf(context);
        if (where.inTransaction) {
          const refused =
            kind === 'SCHEMA' || kind === 'DATABASE'
              ? ` REINDEX ${kind} is refused inside a transaction block even without CONCURRENTLY.`
              : '';
          context.report({
            messageId: 'reindexInTransaction',
            data: { kind, target },
            at,
            note: `${WHY} ${inTransactionRecipe(where, `REINDEX ${kind} CONCURRENTLY`)}${refused}`,
          });
          return;
        }
        // `(CONCURRENTLY false)` written on purpose, or a system catalog (refused concurrently): no fix.
        const fixable = keyword !== undefined && option === undefined && relation.schema !== 'pg_catalog';
        context.report({
          messageId: 'reindex',
          data: { kind, target },
          at,
          note: WHY,
          ...(fixable ? { fix: { range: [keyword.end, keyword.end], text: ` ${inCaseOf(keyword, 'CONCURRENTLY')}` } } : {}),
        });
      },
    };
  },
});

/**
 * `TRUNCATE` in a migration empties a production table the moment it deploys — often a cleanup
 * meant for a developer's database — and no down migration brings the rows back. It also takes an
 * ACCESS EXCLUSIVE lock. With `CASCADE` it silently empties every table that has a foreign key to
 * it, and theirs in turn. Delete data in a reviewed, one-off data task instead. A table the same
 * migration created held no deployed data, so truncating it is fine.
 */
import { defineRule, ruleDocsUrl, type AstNode, matchesTablePattern, tablePatternsOption } from '@migralint/core';
import { isNewTable } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';

export interface NoTruncateOptions {
  /** Tables that may be truncated (`tmp_*`, `staging.*`). */
  allowTables: string[];
  /** Report only `TRUNCATE … CASCADE` (Squawk's `ban-truncate-cascade`). */
  cascadeOnly: boolean;
}

const NOTE =
  'Safe way: delete data in a one-off, reviewed data task (in batches for big tables), not in a schema ' +
  'migration; if the table must be emptied on deploy, list every table you mean to empty without CASCADE and ' +
  'add `-- migralint-disable-next-statement destructive/no-truncate -- <reason>`.';

export default defineRule<NoTruncateOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `TRUNCATE` of a table this migration did not create, and say when CASCADE empties more.',
      url: ruleDocsUrl('destructive', 'no-truncate'),
      why:
        'TRUNCATE deletes every row irreversibly under an ACCESS EXCLUSIVE lock, and with CASCADE also empties every ' +
        'table that references it; deleting data belongs in a deliberate data task, not a schema migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      truncate:
        'TRUNCATE deletes every row of "{{table}}" for good; move data cleanup out of schema migrations into a reviewed data task',
      truncateCascade:
        'TRUNCATE "{{table}}" CASCADE also empties every table with a foreign key to it, and theirs in turn; name the tables to empty and drop CASCADE',
    },
    schema: {
      type: 'object',
      properties: {
        allowTables: tablePatternsOption('Tables that may be truncated'),
        cascadeOnly: {
          type: 'boolean',
          description: 'Report only TRUNCATE … CASCADE, like Squawk’s ban-truncate-cascade.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowTables: [], cascadeOnly: false },
    sources: [{ tool: 'squawk', rule: 'ban-truncate-cascade' }],
  },
  create(context) {
    return {
      TruncateStmt(node) {
        const cascade = node.behavior === 'DROP_CASCADE';
        if (context.options.cascadeOnly && !cascade) return;
        for (const entry of (node.relations ?? []) as AstNode[]) {
          const rangeVar = entry.RangeVar;
          if (!rangeVar) continue;
          const table = nameOfRangeVar(rangeVar);
          if (matchesTablePattern(table, context.options.allowTables ?? [])) continue;
          if (isNewTable(context, table)) continue;
          context.report({
            messageId: cascade ? 'truncateCascade' : 'truncate',
            data: { table: displayName(table) },
            // A RangeVar has a location; the engine underlines the whole `schema.table` there.
            at: rangeVar,
            note: NOTE,
          });
        }
      },
    };
  },
});


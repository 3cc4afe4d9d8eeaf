/**
 * `ALTER TABLE … DROP COLUMN` deletes the column's data for good, and deployed code that still
 * selects or inserts it fails as soon as the migration commits — ORMs that list every column
 * (Rails, Django, Prisma, Hibernate) fail even on queries that never mention it. Ship code that
 * ignores the column first, then drop it in a later migration. A column of a table the same
 * migration created, or a column it added, held no deployed data, so dropping it is fine.
 */
import { defineRule, ruleDocsUrl, type Range, matchesTablePattern, allowTablesOnly } from '@migralint/core';
import { droppedByMigration, isNewColumn, isNewTable } from '../new-objects.js';
import { subcommandTokens, isKeyword, isName, type SqlToken } from '@migralint/core';
import { displayName, nameOfRangeVar } from '@migralint/core';

export interface NoDropColumnOptions {
  /** Tables whose columns may be dropped (`tmp_*`, `staging.*`). */
  allowTables: string[];
}

const NOTE =
  'Safe way: (1) deploy code that no longer reads or writes the column (tell the ORM to ignore it, e.g. ' +
  'Rails `ignored_columns`); (2) drop it in a later migration, with ' +
  '`-- migralint-disable-next-statement destructive/no-drop-column -- <reason>`; (3) set a short ' +
  '`lock_timeout` first: the drop needs a brief ACCESS EXCLUSIVE lock.';

export default defineRule<NoDropColumnOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ALTER TABLE … DROP COLUMN` on a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-drop-column'),
      why:
        'Dropping a column deletes its data irreversibly and breaks deployed code (and ORMs) that still read ' +
        'or write it; stop using the column in code first and drop it in a later migration.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      dropColumn:
        'Dropping column "{{column}}" of "{{table}}" breaks code that still reads it; deploy code that stops using it first, then drop it in a later migration',
      dropColumnCascade:
        'Dropping column "{{column}}" of "{{table}}" with CASCADE also drops the views, indexes and constraints that use it; deploy code that stops using it first, then drop it in a later migration',
    },
    ...allowTablesOnly('Tables whose columns may be dropped'),
    sources: [{ tool: 'squawk', rule: 'ban-drop-column' }],
  },
  create(context) {
    return {
      AlterTableCmd(cmd, statement) {
        if (cmd.subtype !== 'AT_DropColumn' || typeof cmd.name !== 'string') return;
        const node = statement.node;
        // ALTER TYPE … DROP ATTRIBUTE is an AlterTableStmt with AT_DropColumn too.
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const table = nameOfRangeVar(node.relation);
        if (matchesTablePattern(table, context.options.allowTables ?? [])) return;
        // A table the migration drops anyway: its DROP TABLE is the finding (one per risk).
        if (isNewTable(context, table) || droppedByMigration(context, table) || isNewColumn(context, table, cmd.name)) return;
        context.report({
          messageId: cmd.behavior === 'DROP_CASCADE' ? 'dropColumnCascade' : 'dropColumn',
          data: { column: cmd.name, table: displayName(table) },
          at: columnRange(subcommandTokens(context, statement, cmd), cmd.name) ?? statement,
          note: NOTE,
        });
      },
    };
  },
});

/** `DROP [COLUMN] [IF EXISTS] name …`: the range of `name`, or of the subcommand when it is not shaped so. */
function columnRange(tokens: readonly SqlToken[] | undefined, column: string): Range | undefined {
  if (!tokens || tokens.length === 0 || !isKeyword(tokens[0], 'drop')) return undefined;
  let i = 1;
  if (isKeyword(tokens[i], 'column')) i++;
  if (isKeyword(tokens[i], 'if') && isKeyword(tokens[i + 1], 'exists') && isName(tokens[i + 2])) i += 2;
  const name = tokens[i];
  if (isName(name) && name.value === column) return { start: name.start, end: name.end };
  return { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
}

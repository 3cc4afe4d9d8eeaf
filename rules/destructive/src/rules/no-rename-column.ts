/**
 * `ALTER TABLE … RENAME COLUMN` breaks every deployed query that names the column — and ORMs that
 * list every column (Rails, Django, Prisma) fail on all of them — from the moment the migration
 * commits until new code is out everywhere. A column of a table the same migration created, or a
 * column it added, has no deployed users and is exempt.
 */
import { defineRule, ruleDocsUrl, type Range } from '@migralint/core';
import { isNewColumnName } from '../new-objects.js';
import { isKeyword, isName, type SqlToken } from '@migralint/core';
import { displayName, nameOfRangeVar } from '@migralint/core';

const NOTE =
  'Safe way: (1) add the new column; (2) deploy code that writes both and reads the old one, with a trigger copying ' +
  'writes from old code; (3) backfill the new column in batches; (4) deploy code that reads and writes only the new ' +
  'column; (5) drop the old column in a later migration. Or put a view with the old column name in front of the ' +
  'table while code moves over.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report renaming a column of a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-rename-column'),
      why:
        'Renaming a column breaks every deployed query (and ORM) that uses the old name until new code is deployed ' +
        'everywhere; add a new column, copy and backfill, switch code, then drop the old one.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      renameColumn:
        'Renaming column "{{column}}" of "{{table}}" to "{{newName}}" breaks deployed code that still uses the old name; add the new column, backfill, switch code, then drop the old one',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'renaming-column' }],
  },
  create(context) {
    return {
      RenameStmt(node, statement) {
        if (node.renameType !== 'OBJECT_COLUMN' || node.relationType !== 'OBJECT_TABLE' || !node.relation) return;
        const table = nameOfRangeVar(node.relation);
        const column = String(node.subname ?? '');
        if (node.relation.relpersistence === 't' || isNewColumnName(context, table, column)) return;
        context.report({
          messageId: 'renameColumn',
          data: { column, table: displayName(table), newName: String(node.newname ?? '') },
          at: columnRange(context.tokensOf(statement), context.rangeOf(node.relation).end, column) ?? statement,
          note: NOTE,
        });
      },
    };
  },
});

/** `… RENAME [COLUMN] name TO …` after the table name: the range of `name`. */
function columnRange(tokens: readonly SqlToken[], after: number, column: string): Range | undefined {
  const rest = tokens.filter((t) => t.start >= after);
  let i = rest.findIndex((t) => isKeyword(t, 'rename'));
  if (i === -1) return undefined;
  i++;
  if (isKeyword(rest[i], 'column') && isName(rest[i + 1]) && !isKeyword(rest[i + 1], 'to')) i++;
  const name = rest[i];
  return isName(name) && name.value === column ? { start: name.start, end: name.end } : undefined;
}

/**
 * `ALTER TABLE … RENAME TO` changes the name every deployed query uses, so each of them fails the
 * moment the migration commits, until new code is out everywhere — code and schema never deploy at
 * the same instant. A table the same migration created has no deployed users and is exempt, and
 * so is a rename of a name the migration itself gave the table (a down renaming back what its up
 * renamed), and a rename after which the file creates a table or view of the old name (a swap, or the
 * view this rule's safe way asks for): deployed code still finds it.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { isNewTable, recreatedLaterInFile, tableBefore } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';

const NOTE =
  'Safe way: (1) rename the table and, in the same transaction, `CREATE VIEW <old name> AS SELECT * FROM <new name>` — ' +
  'a simple view is updatable, so old code keeps reading and writing; (2) deploy code that uses the new name; ' +
  '(3) drop the view in a later migration. Or keep the old name: a table name is rarely worth an outage.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report renaming a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-rename-table'),
      why:
        'Renaming a table breaks every deployed query that uses the old name until new code is deployed everywhere; ' +
        'leave a view with the old name behind while code moves over.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      renameTable:
        'Renaming table "{{table}}" to "{{newName}}" breaks deployed code that still uses the old name; leave a view named "{{oldName}}" behind until code has moved',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'renaming-table' }],
  },
  create(context) {
    return {
      RenameStmt(node, statement) {
        if (node.renameType !== 'OBJECT_TABLE' || !node.relation) return;
        const table = nameOfRangeVar(node.relation);
        if (node.relation.relpersistence === 't' || isNewTable(context, table)) return;
        // A name this migration gave the table (a down renaming back what its up renamed, or a
        // second rename): no deployed code uses it.
        const before = tableBefore(context, table);
        if (before && before.name.name !== table.name) return;
        // A table or view of the old name created later in the file (a swap: rename the old one
        // away, create its replacement): deployed code still finds the name.
        const oldName = { schema: table.schema, name: table.name };
        if (recreatedLaterInFile(context.statements, statement, 'table', oldName) || recreatedLaterInFile(context.statements, statement, 'view', oldName)) return;
        context.report({
          messageId: 'renameTable',
          data: { table: displayName(table), newName: String(node.newname ?? ''), oldName: table.name },
          at: node.relation,
          note: NOTE,
        });
      },
    };
  },
});

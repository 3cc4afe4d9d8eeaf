/**
 * `ALTER COLUMN … DROP NOT NULL` is cheap (a catalog change) and harmless to deployed code at the
 * moment it runs: old code never writes NULL there. The risk comes after: once new code writes
 * NULLs, code that assumes a value (typed models generated from the schema, reports, joins) meets
 * them, and rolling the migration back with `SET NOT NULL` fails on those rows — or first scans the
 * whole table under an ACCESS EXCLUSIVE lock. That is a design decision to make on purpose, not
 * breakage, so the rule is a warning and not in `recommended`. New tables and columns are exempt.
 */
import { defineRule, displayName, findName, nameOfRangeVar, ruleDocsUrl, subcommandTokens, type Range } from '@migralint/core';
import { columnBefore, isNewColumn } from '../new-objects.js';

const NOTE =
  'Before dropping NOT NULL: check that every reader (typed models, reports, other services) handles NULL in this ' +
  'column, and plan the rollback — restoring NOT NULL later needs the NULLs cleaned up and, on a big table, a ' +
  '`CHECK (c IS NOT NULL) NOT VALID` + `VALIDATE CONSTRAINT` first to avoid a long ACCESS EXCLUSIVE scan.';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report `ALTER COLUMN … DROP NOT NULL` on a column this migration did not add.',
      url: ruleDocsUrl('destructive', 'no-drop-not-null'),
      why:
        'Once NOT NULL is gone, new code can write NULLs that readers assuming a value do not expect, and rolling back ' +
        'with SET NOT NULL fails on them; harmless to old code, so a warning to decide on purpose.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    messages: {
      dropNotNull:
        'Dropping NOT NULL on "{{column}}" of "{{table}}" lets NULLs in that readers may not expect, and makes a rollback fail once there are any; make sure every reader handles NULL first',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-drop-not-null' }],
  },
  create(context) {
    return {
      AlterTableCmd(cmd, statement) {
        const node = statement.node;
        if (cmd.subtype !== 'AT_DropNotNull' || typeof cmd.name !== 'string') return;
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation || node.relation.relpersistence === 't') return;
        const table = nameOfRangeVar(node.relation);
        if (isNewColumn(context, table, cmd.name)) return;
        if (columnBefore(context, table, cmd.name)?.notNull === false) return; // Nothing to drop.
        const tokens = subcommandTokens(context, statement, cmd);
        const at: Range | typeof statement = (tokens && findName(tokens, cmd.name, 1)) || statement;
        context.report({ messageId: 'dropNotNull', data: { column: cmd.name, table: displayName(table) }, at, note: NOTE });
      },
    };
  },
});

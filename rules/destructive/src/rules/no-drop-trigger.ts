/**
 * `DROP TRIGGER` deletes no data, but it silently switches off what the trigger did — an audit
 * trail, an `updated_at` stamp, a denormalised counter, a guard — for every write from then on, and
 * nothing fails to tell anyone. Dropping a trigger to re-create it in the same migration (the usual
 * idempotent `DROP TRIGGER IF EXISTS … ; CREATE TRIGGER …`) is not reported, nor is a trigger on a
 * table the migration created.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { isNewObject, isNewTable, recreatedLaterInFile } from '../new-objects.js';
import { displayName } from '@migralint/core';

const NOTE =
  'Safe way: make sure nothing relies on what the trigger does (audit rows, timestamps, derived columns), or move ' +
  'that work elsewhere first; to change a trigger, re-create it in the same migration (`CREATE OR REPLACE TRIGGER` ' +
  'since Postgres 14). Then drop it with `-- migralint-disable-next-statement destructive/no-drop-trigger -- <reason>`.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP TRIGGER` of a trigger this migration neither created nor re-creates.',
      url: ruleDocsUrl('destructive', 'no-drop-trigger'),
      why:
        'Dropping a trigger silently stops what it did (audit rows, timestamps, derived data, guards) for every later ' +
        'write; no error tells anyone. Re-create it in the same migration, or make sure nothing relies on it.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropTrigger:
        'Dropping trigger "{{trigger}}" on "{{table}}" silently stops what it does for every later write; re-create it in this migration, or make sure nothing relies on it',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TRIGGER') return;
        for (const target of dropTargets(context, node, statement)) {
          if (target.name.table && isNewTable(context, target.name.table)) continue;
          // The model does not track triggers: the file (and a down's up) says whether this migration made it.
          if (isNewObject(context, 'trigger', target.name)) continue;
          if (recreatedLaterInFile(context.statements, statement, 'trigger', target.name)) continue;
          context.report({
            messageId: 'dropTrigger',
            data: { trigger: target.name.name, table: target.name.table ? displayName(target.name.table) : '' },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

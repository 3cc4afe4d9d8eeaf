/**
 * `DROP SCHEMA` removes a whole namespace: with `CASCADE`, every table, view, function and type in
 * it, data included; without, it fails on a schema that still holds anything — which is the lucky
 * case. Either way, deployed code that names the schema breaks. A schema the same migration
 * created held nothing deployed, so dropping it is fine.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { displayName } from '@migralint/core';
import { isNewObject } from '../new-objects.js';

const NOTE =
  'Safe way: (1) deploy code that no longer uses the schema; (2) move or drop what it holds object by object, ' +
  'in reviewed migrations, so each loss is visible; (3) drop the then-empty schema without CASCADE, with ' +
  '`-- migralint-disable-next-statement destructive/no-drop-schema -- <reason>`.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP SCHEMA` of a schema this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-drop-schema'),
      why:
        'Dropping a schema breaks every deployed query that names it, and with CASCADE deletes every table, view and ' +
        'function in it; empty it object by object in reviewed migrations first.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      dropSchema:
        'Dropping schema "{{schema}}" breaks code that uses it (and fails if it still holds objects); empty it object by object in reviewed migrations, then drop it',
      dropSchemaCascade:
        'Dropping schema "{{schema}}" with CASCADE deletes every table, view and function in it, data included; drop what it holds object by object in reviewed migrations instead',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_SCHEMA') return;
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'schema', target.name)) continue;
          context.report({
            messageId: node.behavior === 'DROP_CASCADE' ? 'dropSchemaCascade' : 'dropSchema',
            data: { schema: displayName(target.name) },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

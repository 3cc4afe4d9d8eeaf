/**
 * `DROP TYPE` / `DROP DOMAIN`: without `CASCADE` Postgres refuses while a column uses the type, so
 * the risk is code (casts, functions, clients that map the enum) breaking; with `CASCADE` it drops
 * every column of that type — data lost for good — and the functions that take it. Dropping a type
 * to re-create it in the same migration is not reported unless it cascades.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { displayName, dropTargets } from '../drop-targets.js';
import { isNewObject, recreatedLaterInFile } from '../new-objects.js';

const NOTE =
  'Safe way: (1) move every column off the type (add a column of the new type, backfill, switch code, drop the old ' +
  'column) and deploy code that no longer uses it; (2) drop the type in a later migration without CASCADE, so ' +
  'Postgres refuses while a column or function still uses it.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP TYPE` and `DROP DOMAIN` of a type this migration neither created nor re-creates, and every one with CASCADE.',
      url: ruleDocsUrl('destructive', 'no-drop-type'),
      why:
        'With CASCADE, dropping a type drops every column of that type, data included; without it, code and functions ' +
        'that use the type break. Move columns off the type and stop using it first.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropType:
        'Dropping {{what}} "{{type}}" breaks code and functions that use it (and fails while a column has it); move everything off it first, then drop it',
      dropTypeCascade:
        'Dropping {{what}} "{{type}}" with CASCADE deletes every column of that type, data included; move the columns to another type first, then drop it without CASCADE',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_TYPE' && node.removeType !== 'OBJECT_DOMAIN') return;
        const cascade = node.behavior === 'DROP_CASCADE';
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'type', target.name)) continue;
          if (!cascade && recreatedLaterInFile(context.statements, statement, 'type', target.name)) continue;
          context.report({
            messageId: cascade ? 'dropTypeCascade' : 'dropType',
            data: { type: displayName(target.name), what: node.removeType === 'OBJECT_DOMAIN' ? 'domain' : 'type' },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

/**
 * `DROP FUNCTION` / `PROCEDURE` / `ROUTINE`: deployed code that calls the function fails, and so do
 * the triggers, policies, defaults and views that use it — with `CASCADE`, Postgres drops those
 * silently instead. Dropping a function to re-create it with the same arguments in the same
 * migration (the way to change its return type) is not reported; re-creating it with other
 * arguments is, since callers of the old signature break. Nor is a function whose every user the
 * history shows (triggers, column defaults and generation expressions) is gone, the last of them
 * dropped by this file (see function-users.ts).
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { displayName } from '@migralint/core';
import { lastUserDropped } from '../function-users.js';
import { isNewObject, recreatedLaterInFile } from '../new-objects.js';

const NOTE =
  'Safe way: (1) deploy code that no longer calls the function, and move triggers, policies and defaults off it; ' +
  '(2) drop it in a later migration without CASCADE, so Postgres refuses while anything still depends on it. To ' +
  'change a function, use `CREATE OR REPLACE FUNCTION`, or drop and re-create it with the same arguments in one migration.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP FUNCTION`, `DROP PROCEDURE` and `DROP ROUTINE` of a function this migration neither created nor re-creates.',
      url: ruleDocsUrl('destructive', 'no-drop-function'),
      why:
        'A dropped function breaks deployed code that calls it and the triggers, policies and defaults that use it ' +
        '(CASCADE drops those silently); stop using it first, or re-create it with the same arguments in the same migration.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropFunction:
        'Dropping {{what}} "{{function}}" breaks code, triggers and policies that still call it; stop using it first, or re-create it with the same arguments in this migration',
      dropFunctionCascade:
        'Dropping {{what}} "{{function}}" with CASCADE also drops the triggers, policies, defaults and views that use it; drop without CASCADE after nothing uses it',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        const what = { OBJECT_FUNCTION: 'function', OBJECT_PROCEDURE: 'procedure', OBJECT_ROUTINE: 'routine' }[node.removeType as string];
        if (!what) return;
        const cascade = node.behavior === 'DROP_CASCADE';
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'function', target.name)) continue;
          if (!cascade && recreatedLaterInFile(context.statements, statement, 'function', target.name)) continue;
          if (!cascade && lastUserDropped(context, target.name)) continue;
          context.report({
            messageId: cascade ? 'dropFunctionCascade' : 'dropFunction',
            data: { function: displayName(target.name), what },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

/**
 * `DROP VIEW` / `DROP MATERIALIZED VIEW`: the view holds no data of its own (a materialized view's
 * rows can be recomputed), so nothing is lost for good — but every deployed query, report and
 * function that reads the view fails the moment it is gone, and `CASCADE` silently drops the views
 * built on it too. A warning, not an error. Dropping a view to re-create it in the same migration
 * (the usual way to change its columns) is not reported, nor is a view the migration created.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { displayName } from '@migralint/core';
import { isNewObject, recreatedLaterInFile } from '../new-objects.js';

const NOTE =
  'Safe way: (1) deploy code (and reports, functions, other views) that no longer reads the view; (2) drop it in a ' +
  'later migration without CASCADE, so Postgres refuses while anything still depends on it. To change a view, ' +
  're-create it in the same migration (`DROP VIEW v; CREATE VIEW v AS …`) or use `CREATE OR REPLACE VIEW`.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DROP VIEW` and `DROP MATERIALIZED VIEW` of a view this migration neither created nor re-creates.',
      url: ruleDocsUrl('destructive', 'no-drop-view'),
      why:
        'A dropped view breaks every deployed query that reads it, and CASCADE also drops the views built on it; no data ' +
        'is lost, so this is a warning: stop using the view first, or re-create it in the same migration.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropView:
        'Dropping {{what}} "{{view}}" breaks code that still reads it; deploy code that stops using it first, or re-create it in this migration',
      dropViewCascade:
        'Dropping {{what}} "{{view}}" with CASCADE also drops every view built on it; drop without CASCADE after code and dependent views stop using it',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_VIEW' && node.removeType !== 'OBJECT_MATVIEW') return;
        const cascade = node.behavior === 'DROP_CASCADE';
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'view', target.name)) continue;
          // Drop-and-re-create is how a view changes shape; CASCADE still loses the dependent views.
          if (!cascade && recreatedLaterInFile(context.statements, statement, 'view', target.name)) continue;
          context.report({
            messageId: cascade ? 'dropViewCascade' : 'dropView',
            data: { view: displayName(target.name), what: node.removeType === 'OBJECT_MATVIEW' ? 'materialized view' : 'view' },
            at: target.at,
            note: NOTE,
          });
        }
      },
    };
  },
});

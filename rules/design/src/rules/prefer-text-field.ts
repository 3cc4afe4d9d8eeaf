/**
 * `varchar(n)` puts the length limit in the column's type, so changing the limit is an `ALTER
 * COLUMN … TYPE`: an ACCESS EXCLUSIVE lock, plus a full scan (and rewrite) when the limit shrinks.
 * `text` with `CHECK (length(c) <= n)` stores the same bytes and performs the same, and its limit
 * changes online: add the new check `NOT VALID`, `VALIDATE` it, drop the old one. Style, not
 * breakage: an `info` finding, not in `recommended`. `varchar` without a length is `text` and fine.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { typePreferenceVisitors } from '../type-preference.js';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `varchar(n)` columns; prefer `text` with a `CHECK` on its length.',
      url: ruleDocsUrl('design', 'prefer-text-field'),
      why:
        'Changing a varchar(n) limit is an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock (a rewrite when it shrinks); ' +
        'text with a CHECK constraint stores the same and its limit changes with NOT VALID + VALIDATE, online.',
    },
    defaultSeverity: 'info',
    recommended: false,
    hasSuggestions: true,
    messages: {
      preferText:
        'varchar(n) in {{columns}} of "{{table}}" makes every change of the limit an ALTER COLUMN TYPE under an ACCESS EXCLUSIVE lock; use text with a CHECK constraint on its length',
      useText: 'Use text (and add a CHECK constraint on the length)',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'prefer-text-field' }],
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'preferText',
      suggestionId: 'useText',
      alter: true,
      matches: (c) => builtinTypeName(c.typeName) === 'varchar' && (c.typeName.typmods ?? []).length > 0,
      replacement: () => 'text',
      note: 'Write `name text CHECK (length(name) <= 255)`, or add the check as a named table constraint so a later ' +
        'change is `ADD CONSTRAINT … NOT VALID`, `VALIDATE CONSTRAINT`, `DROP CONSTRAINT` — no long lock.',
    });
  },
});

/**
 * `json` stores the text as written and re-parses it on every access; it has no equality operator
 * (so no `DISTINCT`, `GROUP BY` or unique index), no GIN indexing and none of the containment
 * operators. `jsonb` stores the parsed value. Keep `json` only when the exact text matters (key
 * order, duplicate keys, whitespace) — then say so with a directive. Rare and nearly always
 * unintended, so the rule is in `recommended` as a warning.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { typePreferenceVisitors } from '../type-preference.js';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `json` columns; prefer `jsonb`.',
      url: ruleDocsUrl('design', 'prefer-jsonb'),
      why:
        'json re-parses its text on every access and cannot be compared, grouped or GIN-indexed; jsonb stores the parsed ' +
        'value and supports all of that. Keep json only when the exact text must be preserved.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    messages: {
      preferJsonb:
        'json in {{columns}} of "{{table}}" is re-parsed on every access and cannot be compared or indexed; use jsonb',
      useJsonb: 'Use jsonb',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'preferJsonb',
      suggestionId: 'useJsonb',
      alter: true,
      matches: (c) => builtinTypeName(c.typeName) === 'json',
      replacement: () => 'jsonb',
      note: 'jsonb normalises key order and drops duplicate keys and whitespace; if the original text must be kept ' +
        'verbatim, keep json and say why with `-- migralint-disable-next-statement design/prefer-jsonb -- <reason>`.',
    });
  },
});

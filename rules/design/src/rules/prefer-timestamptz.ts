/**
 * `timestamp` (without time zone) stores a wall-clock reading with no offset: the same instant
 * written by two sessions in different time zones is stored as two different values, `now()` is
 * silently converted to the session's zone, and daylight-saving changes create ambiguous and
 * missing hours. `timestamptz` stores the instant (UTC) in the same 8 bytes and shows it in the
 * session's zone. Prisma and Rails default to `timestamp`, so the rule is a warning that is not in
 * `recommended` — turn it on for new projects.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { modifiers, typePreferenceVisitors } from '../type-preference.js';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `timestamp` (without time zone) columns; prefer `timestamptz`.',
      url: ruleDocsUrl('design', 'prefer-timestamptz'),
      why:
        'timestamp without time zone stores wall-clock time without an offset, so one instant is stored differently by ' +
        'sessions in different zones and daylight-saving hours are ambiguous; timestamptz stores the instant.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      preferTimestamptz:
        'timestamp without time zone in {{columns}} of "{{table}}" stores wall-clock time without an offset, so one instant reads differently by session time zone; use timestamptz',
      useTimestamptz: 'Use timestamptz',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'prefer-timestamp-tz' }],
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'preferTimestamptz',
      suggestionId: 'useTimestamptz',
      alter: true,
      matches: (c) => builtinTypeName(c.typeName) === 'timestamp',
      replacement: (c) => `timestamptz${modifiers(c)}`,
      note: 'timestamptz takes the same 8 bytes. Converting an existing column is a rewrite unless the session time zone ' +
        'is UTC (Postgres 12+): `SET timezone = \'UTC\'` before `ALTER COLUMN … TYPE timestamptz`.',
    });
  },
});

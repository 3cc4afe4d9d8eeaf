/**
 * A `smallint` column tops out at 32,767: a lookup table or counter that outgrows it makes inserts
 * fail, and widening it then rewrites the table under an ACCESS EXCLUSIVE lock. The 2 bytes it
 * saves are usually lost to alignment padding anyway. Style, not breakage: an `info` finding, not
 * in `recommended`.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { typePreferenceVisitors } from '../type-preference.js';

const SMALLINT = new Set(['int2', 'smallserial', 'serial2']);

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `smallint` (and `smallserial`) columns; prefer `bigint`.',
      url: ruleDocsUrl('design', 'prefer-bigint-over-smallint'),
      why:
        'A smallint overflows at 32,767 and inserts start failing; widening it later rewrites the table under an ACCESS ' +
        'EXCLUSIVE lock, and the bytes it saves are mostly lost to alignment.',
    },
    defaultSeverity: 'info',
    recommended: false,
    hasSuggestions: true,
    messages: {
      preferBigint: 'smallint in {{columns}} of "{{table}}" overflows at 32,767 and widening it later rewrites the table; use bigint',
      useBigint: 'Use bigint (bigserial for smallserial)',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'prefer-bigint-over-smallint' }],
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'preferBigint',
      suggestionId: 'useBigint',
      alter: true,
      matches: (c) => SMALLINT.has(builtinTypeName(c.typeName) ?? ''),
      replacement: (c) => (builtinTypeName(c.typeName) === 'int2' ? 'bigint' : 'bigserial'),
      note: 'Column alignment usually pads a smallint to 4 or 8 bytes anyway; a bigint never runs out.',
    });
  },
});

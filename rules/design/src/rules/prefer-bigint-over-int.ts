/**
 * A 32-bit `integer` column tops out at 2,147,483,647. For an id or a counter that grows with
 * traffic that is a real outage waiting to happen — inserts fail the day the sequence passes it —
 * and widening the column then rewrites the table under an ACCESS EXCLUSIVE lock. `bigint` costs 4
 * bytes more per row. Squawk reports every `int`/`integer`/`int4`/`serial` column; so does this
 * rule by default, with `onlyKeys` to keep to primary keys, foreign keys, serial and identity
 * columns (the ones that grow with the row count). Style, not breakage: not in `recommended`.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { typePreferenceVisitors } from '../type-preference.js';

export interface PreferBigintOverIntOptions {
  /** Report only key-like columns: primary keys, foreign keys, serial and identity columns. */
  onlyKeys: boolean;
}

const INT = new Set(['int4', 'serial', 'serial4']);

export default defineRule<PreferBigintOverIntOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `integer` (and `serial`) columns; prefer `bigint`.',
      url: ruleDocsUrl('design', 'prefer-bigint-over-int'),
      why:
        'An integer id or counter overflows at 2,147,483,647 and inserts start failing; widening it later rewrites the ' +
        'table under an ACCESS EXCLUSIVE lock. bigint costs four bytes a row.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      preferBigint:
        'integer in {{columns}} of "{{table}}" overflows at 2,147,483,647 and widening it later rewrites the table; use bigint',
      useBigint: 'Use bigint (bigserial for serial)',
    },
    schema: {
      type: 'object',
      properties: {
        onlyKeys: { type: 'boolean', description: 'Report only primary keys, foreign keys, serial and identity columns.' },
      },
      additionalProperties: false,
    },
    defaultOptions: { onlyKeys: false },
    sources: [{ tool: 'squawk', rule: 'prefer-bigint-over-int' }],
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'preferBigint',
      suggestionId: 'useBigint',
      alter: true,
      matches: (c) => INT.has(builtinTypeName(c.typeName) ?? '') && (!context.options.onlyKeys || c.isKey),
      replacement: (c) => (builtinTypeName(c.typeName)?.startsWith('serial') ? 'bigserial' : 'bigint'),
      note: 'bigint takes 8 bytes instead of 4 and never runs out in practice. Changing an existing column needs a new ' +
        'column, a backfill and a switch-over; a new one is free to get right now.',
    });
  },
});

/**
 * `char(n)` (`character`, `bpchar`, `nchar`) pads every value with spaces to n characters, strips
 * them again in some operations and not others (`'a'::char(3) = 'a  '` but `length()` and `LIKE`
 * disagree), and is no faster than `text` in Postgres — the manual itself advises against it. The
 * one-byte internal type `"char"` is reported too: it is meant for system catalogs. Rare in real
 * histories and almost always a mistake, so the rule is in `recommended` as a warning.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { builtinTypeName } from '../new-columns.js';
import { typePreferenceVisitors } from '../type-preference.js';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report new `char(n)` / `character` columns; prefer `text` (with a CHECK on the length if needed).',
      url: ruleDocsUrl('design', 'no-char-field'),
      why:
        'char(n) pads values with spaces, compares and measures them inconsistently, and is no faster than text in ' +
        'Postgres; use text or varchar, with a CHECK constraint for a fixed length.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    messages: {
      noChar:
        'char in {{columns}} of "{{table}}" pads values with spaces and compares them inconsistently, with no speed gain; use text (with a CHECK on the length if needed)',
      useText: 'Use text',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-char-field' }],
  },
  create(context) {
    return typePreferenceVisitors(context, {
      messageId: 'noChar',
      suggestionId: 'useText',
      alter: true,
      // `"character"` quoted names no type Postgres knows, but reads as one: report it with the rest.
      matches: (c) => ['bpchar', 'char', 'character'].includes(builtinTypeName(c.typeName) ?? ''),
      replacement: () => 'text',
      note: 'For a fixed-length code write `code text CHECK (length(code) = 3)`; trailing spaces then mean something again.',
    });
  },
});

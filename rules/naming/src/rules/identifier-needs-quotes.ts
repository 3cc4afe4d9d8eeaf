/**
 * A name that only works in double quotes — `"UserProfiles"`, `"order"`, `"created at"` — has to
 * be quoted in every query, policy, view and function that ever mentions it. Unquoted, Postgres
 * folds `UserProfiles` to `userprofiles` (a different, missing table) and reads `order` as the
 * keyword: `column "userprofiles" does not exist`, `syntax error at or near "order"`. ORMs quote
 * for you; psql sessions, RLS policies, dashboards and AI-written SQL do not.
 *
 * Reported where a migration gives the name (CREATE TABLE, ADD COLUMN, RENAME TO, CREATE INDEX,
 * constraints, views, functions, types, schemas, triggers, policies), never where it merely uses
 * one. Whether a word is a keyword, and how reserved, comes from Postgres' own scanner.
 */
import { defineRule, ruleDocsUrl, type RuleContext, type SqlToken, type Statement } from '@migralint/core';
import { definedNames, KIND_LABEL, type DefinedName, type NamedKind } from '../defined-names.js';
import { isPlainName } from '../postgres-names.js';

export interface IdentifierNeedsQuotesOptions {
  /** Names (exactly as stored) that may need quotes. */
  allow: string[];
  /** Accept names whose only problem is upper-case letters (e.g. an ORM's camelCase columns). */
  allowCapitals: boolean;
}

/** Names that are used where the grammar wants a type or function name (type_function_name); the rest are ColId. */
const TYPE_FUNCTION_KINDS = new Set<NamedKind>(['function', 'type']);

type Reason = 'capitals' | 'reserved' | 'keywordHere' | 'characters';

export default defineRule<IdentifierNeedsQuotesOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report names a migration gives that only work in double quotes: capitals, keywords, spaces and other characters.',
      url: ruleDocsUrl('naming', 'identifier-needs-quotes'),
      why:
        'A name that needs double quotes must be quoted in every later query, policy and view; unquoted, Postgres folds it ' +
        'to lower case or reads it as a keyword, and the query fails.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    messages: {
      capitals:
        '{{kind}} "{{name}}" has capital letters, so every query must write it in double quotes — unquoted, Postgres reads {{folded}}, another name; name it {{suggested}}',
      reserved:
        '{{kind}} "{{name}}" is a reserved word in PostgreSQL, so every query must write it in double quotes — unquoted it is a syntax error; choose a name that is not a keyword (a plural, or a more specific word)',
      keywordHere:
        '{{kind}} "{{name}}" is a keyword PostgreSQL does not accept as a {{position}} name without double quotes, so every query must quote it; choose a name that is not a keyword (a plural, or a more specific word)',
      characters:
        '{{kind}} "{{name}}" has characters an unquoted name cannot have, so every query must write it in double quotes; use lower-case letters, digits and underscores, e.g. {{suggested}}',
    },
    schema: {
      type: 'object',
      properties: {
        allow: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'Names (exactly as stored, case-sensitive) that may need quotes.',
        },
        allowCapitals: {
          type: 'boolean',
          description: 'Accept names whose only problem is upper-case letters (an ORM that always quotes, say).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allow: [], allowCapitals: false },
  },
  create(context) {
    const allow = new Set(context.options.allow ?? []);
    const allowCapitals = context.options.allowCapitals === true;
    return {
      Statement(node, statement) {
        // Only a name written in quotes can be reported: a statement without a `"` has none.
        if (!statement.text.includes('"')) return;
        for (const def of definedNames(context, node, statement)) {
          const token = def.token;
          // Only names written in quotes can need them; U&"…" names are written with escapes.
          if (!token || token.kind !== 'identifier' || !token.text.startsWith('"') || allow.has(def.name)) continue;
          const verdict = whyQuotesNeeded(context, statement, token, def);
          if (!verdict || (verdict.reason === 'capitals' && allowCapitals)) continue;
          const { reason } = verdict;
          context.report({
            messageId: reason,
            data: {
              kind: KIND_LABEL[def.kind],
              name: def.name,
              folded: def.name.toLowerCase(),
              suggested: suggestedName(def.name, verdict.keyword),
              position: TYPE_FUNCTION_KINDS.has(def.kind) ? 'type or function' : 'table or column',
            },
            at: def.range,
          });
        }
      },
    };
  },
});

/**
 * Why `"name"` cannot be written bare, asking Postgres' scanner how it reads the text between the
 * quotes: one identifier with the same value needs no quotes; a keyword needs them when it is
 * reserved, or reserved for the position the name is used in; anything else (two tokens, a
 * number, an operator, a folded value) does.
 */
function whyQuotesNeeded(
  context: RuleContext<any>,
  statement: Statement,
  token: SqlToken,
  def: DefinedName,
): { reason: Reason; keyword: boolean } | undefined {
  const name = def.name;
  if (name.includes('"')) return { reason: 'characters', keyword: false };
  const inner = { start: token.start + 1, end: token.end - 1 };
  const probe: Statement = { index: statement.index, kind: 'Probe', node: {}, start: inner.start, end: inner.end, text: name };
  const tokens = context.tokensOf(probe);
  const only = tokens.length === 1 && tokens[0]!.start === inner.start && tokens[0]!.end === inner.end ? tokens[0] : undefined;
  if (only?.kind === 'identifier' || only?.kind === 'keyword') {
    const keyword =
      only.kind === 'keyword' &&
      (only.keyword === 'reserved' || only.keyword === (TYPE_FUNCTION_KINDS.has(def.kind) ? 'column-name' : 'type-function-name'));
    if (only.value !== name) return { reason: name.toLowerCase() === only.value ? 'capitals' : 'characters', keyword };
    if (!keyword) return undefined;
    return { reason: only.keyword === 'reserved' ? 'reserved' : 'keywordHere', keyword };
  }
  // Not a single name: spaces, punctuation, a leading digit — unless only capitals stand in the way.
  return { reason: isPlainName(name.toLowerCase()) ? 'capitals' : 'characters', keyword: false };
}

/** A lower-case snake_case version of `name`, for the message (a plural when the lower-case word is a keyword). */
function suggestedName(name: string, keyword: boolean): string {
  if (keyword) return `${name.toLowerCase()}s`;
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9_\u0080-\uffff]+/gu, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_+/g, '_');
  const named = /^[0-9]/.test(snake) ? `_${snake}` : snake;
  return named === '' ? 'a lower-case name' : named;
}

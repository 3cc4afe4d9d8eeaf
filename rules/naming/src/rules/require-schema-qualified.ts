/**
 * An unqualified name means "the first schema of the search_path that has it" — and the
 * search_path belongs to whoever runs the migration: the CLI's role, a pooler's default, a
 * `SET search_path` left behind by an earlier file, an extension's schema. `CREATE TABLE users`
 * can land in another schema than the one production reads, and `DROP TABLE users` can drop a
 * table of the same name in a schema earlier on the path. Teams that keep several schemas (or
 * Supabase's `public` next to `auth` and `storage`) write every name as `schema.name`.
 *
 * Opt-in: turning the rule on is the team's request for qualified names. It checks tables by
 * default (CREATE/ALTER/DROP TABLE, CREATE TABLE AS, CREATE INDEX … ON, REFERENCES, TRUNCATE, LOCK,
 * GRANT, policies, triggers) and, with `objects`, views, sequences, indexes, functions and types.
 * Temporary tables are exempt: they live in `pg_temp`.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { objectReferences, type ObjectKind } from '../object-references.js';
import { quoteName } from '../postgres-names.js';

export interface RequireSchemaQualifiedOptions {
  /** The kinds of object whose names must be qualified. */
  objects: ObjectKind[];
}

const KINDS: ObjectKind[] = ['table', 'view', 'sequence', 'index', 'function', 'type'];
const LABELS: Record<ObjectKind, string> = { table: 'Table', view: 'View', sequence: 'Sequence', index: 'Index', function: 'Function', type: 'Type' };

export default defineRule<RequireSchemaQualifiedOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require schema-qualified names (`schema.table`) for the tables and other objects a migration creates, changes or drops.',
      url: ruleDocsUrl('naming', 'require-schema-qualified'),
      why:
        "An unqualified name resolves through the search_path of whoever runs the migration, so the same file can create or drop " +
        'an object in another schema than intended.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      unqualified:
        '{{kind}} "{{name}}" is not schema-qualified: which {{object}} it means depends on the search_path of whoever runs the migration; write {{qualified}}',
      qualify: 'Write {{qualified}}',
    },
    schema: {
      type: 'object',
      properties: {
        objects: {
          type: 'array',
          items: { enum: KINDS },
          minItems: 1,
          uniqueItems: true,
          description: 'The kinds of object whose names must be schema-qualified. Default: ["table"].',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { objects: ['table'] },
    sources: [{ tool: 'squawk', rule: 'require-table-schema' }],
  },
  create(context) {
    const objects = new Set(context.options.objects ?? ['table']);
    return {
      Statement(node, statement) {
        for (const reference of objectReferences(context, node, statement)) {
          if (reference.qualified || !objects.has(reference.kind)) continue;
          // The schema the name resolves to where it is written (the search_path in effect), else public.
          const schema = context.schema?.resolve({ name: reference.name }).schema ?? 'public';
          const prefix = `${quoteName(schema)}.`;
          const qualified = `${prefix}${quoteName(reference.name)}`;
          context.report({
            messageId: 'unqualified',
            data: { kind: LABELS[reference.kind], name: reference.name, object: reference.kind, qualified },
            at: reference.range,
            suggest: [{ messageId: 'qualify', data: { qualified }, fix: { range: [reference.range.start, reference.range.start], text: prefix } }],
          });
        }
      },
    };
  },
});

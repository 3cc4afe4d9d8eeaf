/**
 * A naming convention only helps when every name follows it: `fk_orders_users` in an error
 * message tells the on-call engineer which table and which reference broke, and a reviewer sees at
 * a glance that `idx_orders_user_id` is an index on `orders (user_id)`. This rule checks the names
 * a migration gives — tables, columns, indexes, constraints, views, functions, … — against the
 * team's patterns, one per kind of object: templates filled from the statement
 * (`idx_{table}_{columns}`) or regular expressions (`^[a-z][a-z0-9_]*$`).
 *
 * Constraints and indexes created without a name get one from Postgres (`orders_user_id_fkey`);
 * that name is checked too, so `foreignKey: "fk_{table}_{ref_table}"` asks for
 * `CONSTRAINT fk_orders_users` instead of relying on the generated name.
 *
 * A team choice, so off by default. Its defaults are Postgres' own naming (`{table}_pkey`,
 * `{table}_{columns}_fkey`, …) and lower-case snake_case names for everything else.
 */
import { defineRule, ruleDocsUrl, type JsonSchema } from '@migralint/core';
import { definedNames, KIND_LABEL, type DefinedName, type NamedKind } from '../defined-names.js';
import { checkRegexPattern, expectedName, isRegexPattern, patternRegExp, patternSchema } from '../name-templates.js';
import { quoteName } from '../postgres-names.js';

export type IdentifierPatternOptions = { [K in NamedKind]?: string | false } & {
  /** Do not check the names Postgres gives unnamed constraints and indexes. */
  ignoreUnnamed?: boolean;
};

const SNAKE_CASE = '^[a-z_][a-z0-9_]*$';

const DESCRIPTIONS: Record<NamedKind, string> = {
  table: 'Tables (CREATE TABLE, CREATE TABLE AS, RENAME TO).',
  column: 'Columns (CREATE TABLE, ADD COLUMN, RENAME COLUMN). Placeholder: {table}.',
  view: 'Views and materialized views.',
  index: 'Indexes (CREATE INDEX, ALTER INDEX … RENAME). Placeholders: {table}, {columns}, {column}.',
  uniqueIndex: 'Unique indexes (CREATE UNIQUE INDEX); when absent, the index pattern applies. Placeholders: {table}, {columns}, {column}.',
  primaryKey: 'Primary key constraints. Placeholders: {table}, {columns}, {column}.',
  foreignKey: 'Foreign key constraints. Placeholders: {table}, {columns}, {column}, {ref_table}, {ref_columns}.',
  unique: 'Unique constraints. Placeholders: {table}, {columns}, {column}.',
  check: 'Check constraints; {columns} are the columns the expression reads. Placeholders: {table}, {columns}, {column}.',
  exclusion: 'Exclusion constraints. Placeholders: {table}, {columns}, {column}.',
  sequence: 'Sequences (CREATE SEQUENCE).',
  function: 'Functions and procedures.',
  trigger: 'Triggers. Placeholder: {table}.',
  type: 'Types and domains (enums, composite, range types).',
  schema: 'Schemas.',
  policy: 'Row-level security policies. Placeholder: {table}.',
};

const KINDS = Object.keys(DESCRIPTIONS) as NamedKind[];

const DEFAULTS: IdentifierPatternOptions = {
  table: SNAKE_CASE,
  column: SNAKE_CASE,
  view: SNAKE_CASE,
  sequence: SNAKE_CASE,
  function: SNAKE_CASE,
  type: SNAKE_CASE,
  schema: SNAKE_CASE,
  trigger: SNAKE_CASE,
  policy: false,
  index: '{table}_{columns}_idx',
  primaryKey: '{table}_pkey',
  foreignKey: '{table}_{columns}_fkey',
  unique: '{table}_{columns}_key',
  check: '{table}_{column}_check',
  exclusion: '{table}_{columns}_excl',
  ignoreUnnamed: false,
};

const schema: JsonSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(KINDS.map((kind) => [kind, patternSchema(kind, DESCRIPTIONS[kind])])),
    ignoreUnnamed: { type: 'boolean', description: 'Do not check the names Postgres gives unnamed constraints and indexes.' },
  },
  additionalProperties: false,
};

export default defineRule<IdentifierPatternOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require the names a migration gives to tables, columns, indexes, constraints and other objects to follow the configured patterns.',
      url: ruleDocsUrl('naming', 'identifier-pattern'),
      why:
        'Names that follow one convention say what an object is and which table it belongs to — in error messages, ' +
        'query plans and reviews — and a name is cheap to change only while its migration is unapplied.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      mismatch:
        '{{kind}} "{{name}}" does not follow the naming pattern "{{pattern}}": one convention tells readers of errors and plans what an object is; name it {{expected}} while the migration is unapplied',
      mismatchRegex:
        '{{kind}} "{{name}}" does not match the naming pattern /{{pattern}}/: one convention tells readers of errors and plans what an object is; choose a name that matches while the migration is unapplied',
      unnamed:
        'This {{kind}} has no name, so Postgres calls it "{{name}}", which does not follow the naming pattern "{{pattern}}": one convention tells readers of errors what broke; name it {{expected}}',
      unnamedRegex:
        'This {{kind}} has no name, so Postgres calls it "{{name}}", which does not match the naming pattern /{{pattern}}/: one convention tells readers of errors what broke; give it a name that matches',
      rename: 'Rename it to {{expected}}',
      addName: 'Name it {{expected}}',
    },
    schema,
    defaultOptions: DEFAULTS,
  },
  create(context) {
    const options = context.options;
    for (const kind of KINDS) {
      const pattern = options[kind];
      if (typeof pattern === 'string') checkRegexPattern(kind, pattern);
    }
    const patternFor = (kind: NamedKind): string | false | undefined =>
      kind === 'uniqueIndex' && options.uniqueIndex === undefined ? options.index : options[kind];

    const check = (def: DefinedName) => {
      const pattern = patternFor(def.kind);
      if (typeof pattern !== 'string') return;
      if (!def.token && options.ignoreUnnamed) return;
      const kind = def.token ? KIND_LABEL[def.kind] : KIND_LABEL[def.kind].toLowerCase();
      if (isRegexPattern(pattern)) {
        const regex = patternRegExp(pattern, def);
        if (!regex || regex.test(def.name)) return;
        context.report({ messageId: def.token ? 'mismatchRegex' : 'unnamedRegex', data: { kind, name: def.name, pattern }, at: def.range });
        return;
      }
      const expected = expectedName(pattern, def);
      if (expected === undefined || expected === def.name) return;
      const written = quoteName(expected);
      const suggestion = def.token
        ? { messageId: 'rename', data: { expected: written }, fix: { range: [def.token.start, def.token.end] as [number, number], text: written } }
        : def.nameInsertion && {
            messageId: 'addName',
            data: { expected: written },
            fix: { range: [def.nameInsertion.at, def.nameInsertion.at] as [number, number], text: def.nameInsertion.text(written) },
          };
      context.report({
        messageId: def.token ? 'mismatch' : 'unnamed',
        data: { kind, name: def.name, pattern, expected: written },
        at: def.range,
        ...(suggestion ? { suggest: [suggestion] } : {}),
      });
    };

    return {
      Statement(node, statement) {
        for (const def of definedNames(context, node, statement)) check(def);
      },
    };
  },
});

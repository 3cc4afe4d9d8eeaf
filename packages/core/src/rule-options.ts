// Option schemas and matchers several rule packs share, defined once: a rule lists the tables it
// lets through with `allowTables`, in the same pattern language everywhere.

/**
 * The JSON schema of an `allowTables` option. `what` says what listing a table allows
 * ("Tables that may be dropped").
 */
export function tablePatternsOption(what: string) {
  return {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    uniqueItems: true,
    description: `${what}: names or \`*\` patterns, \`schema.table\` when the pattern has a dot.`,
  } as const;
}

/**
 * The options of a rule whose only option is `allowTables`: its `schema` and `defaultOptions`, to
 * spread into `meta` (`...allowTablesOnly('Tables that may be dropped')`).
 */
export function allowTablesOnly(what: string) {
  return {
    schema: { type: 'object', properties: { allowTables: tablePatternsOption(what) }, additionalProperties: false },
    defaultOptions: { allowTables: [] as string[] },
  } as const;
}

/**
 * Does an `allowTables` pattern match? `*` matches any run of characters. A pattern with a dot
 * (`staging.*`) matches `schema.table` (schema `public` when unqualified); one without matches the
 * table name in any schema (`tmp_*`).
 */
export function matchesTablePattern(table: { schema?: string | undefined; name: string }, patterns: readonly string[]): boolean {
  const qualified = `${table.schema ?? 'public'}.${table.name}`;
  return patterns.some((pattern) => globToRegExp(pattern).test(pattern.includes('.') ? qualified : table.name));
}

function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'u');
}

/** A duration as Postgres' timeout settings take it: milliseconds, or a number with a unit (`5s`, `2min`). */
export const DURATION_PATTERN = '^[0-9]+(\\.[0-9]+)?\\s*(us|ms|s|min|h|d)?$';

/** The JSON schema of a duration option (`suggestedTimeout: '5s'`); `description` says what it is for. */
export function durationOption(description: string) {
  return { type: 'string', pattern: DURATION_PATTERN, description } as const;
}

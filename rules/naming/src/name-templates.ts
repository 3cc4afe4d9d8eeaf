// Naming patterns for identifiers: a template (`idx_{table}_{columns}`) whose placeholders are
// filled from the statement and whose result must equal the name, or a regular expression
// (anything starting with `^`) the name must match, where placeholders stand for the same values.

import type { JsonSchema } from '@migralint/core';
import type { DefinedName, NamedKind } from './defined-names.js';
import { fitName, nameAddition } from './postgres-names.js';

export type Placeholder = 'table' | 'columns' | 'column' | 'ref_table' | 'ref_columns';

const ON_TABLE: Placeholder[] = ['table'];
const KEYED: Placeholder[] = ['table', 'columns', 'column'];

/** The placeholders each kind's pattern may use. */
export const PLACEHOLDERS: Record<NamedKind, Placeholder[]> = {
  table: [],
  view: [],
  sequence: [],
  function: [],
  type: [],
  schema: [],
  column: ON_TABLE,
  trigger: ON_TABLE,
  policy: ON_TABLE,
  index: KEYED,
  uniqueIndex: KEYED,
  primaryKey: KEYED,
  unique: KEYED,
  check: KEYED,
  exclusion: KEYED,
  foreignKey: [...KEYED, 'ref_table', 'ref_columns'],
};

/** JSON Schema of one kind's pattern: a string using only that kind's placeholders, or `false` (not checked). */
export function patternSchema(kind: NamedKind, description: string): JsonSchema {
  const names = PLACEHOLDERS[kind];
  // Literal text, the kind's placeholders, and regex quantifiers like {2} or {1,3}.
  const placeholder = names.length > 0 ? `|\\{(?:${names.join('|')})\\}` : '';
  return {
    description,
    anyOf: [
      { type: 'string', minLength: 1, pattern: `^(?:[^{}]${placeholder}|\\{[0-9]+(?:,[0-9]*)?\\})*$` },
      { const: false },
    ],
  };
}

export function isRegexPattern(pattern: string): boolean {
  return pattern.startsWith('^');
}

/** The placeholder values for a defined name; a value is undefined when the statement does not tell. */
function valuesOf(def: DefinedName): Record<Placeholder, string | undefined> {
  const columns = def.columns;
  return {
    table: def.table,
    columns: columns && nameAddition(columns),
    // The one column the object is on; empty when it spans several (Postgres' own `<table>_check`).
    column: columns && (columns.length === 1 ? columns[0] : ''),
    ref_table: def.refTable,
    ref_columns: def.refColumns && nameAddition(def.refColumns),
  };
}

const PLACEHOLDER = /\{(table|columns|column|ref_table|ref_columns)\}/g;

/**
 * The name a template asks for, fitted into 63 bytes the way Postgres fits its own names (the
 * longest value is shortened first). Undefined when a placeholder's value is unknown.
 */
export function expectedName(template: string, def: DefinedName): string | undefined {
  const values = valuesOf(def);
  const parts: Array<{ text: string; value: boolean }> = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.push({ text: template.slice(last, match.index), value: false });
    const value = values[match[1] as Placeholder];
    if (value === undefined) return undefined;
    parts.push({ text: value, value: true });
    last = match.index + match[0].length;
  }
  parts.push({ text: template.slice(last), value: false });
  // An empty value takes one separating `_` with it: `{table}_{column}_check` → `orders_check`.
  parts.forEach((part, i) => {
    if (!part.value || part.text !== '') return;
    const next = parts[i + 1];
    const previous = parts[i - 1];
    if (next && next.text.startsWith('_')) next.text = next.text.slice(1);
    else if (previous && previous.text.endsWith('_')) previous.text = previous.text.slice(0, -1);
  });
  return fitName(parts.filter((p) => p.text !== '' || p.value));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regular expression of a regex pattern, its placeholders replaced by the values (escaped). Undefined when a value is unknown. */
export function patternRegExp(pattern: string, def: DefinedName): RegExp | undefined {
  const values = valuesOf(def);
  let unknown = false;
  const source = pattern.replace(PLACEHOLDER, (_, name: Placeholder) => {
    const value = values[name];
    if (value === undefined) unknown = true;
    return escapeRegExp(value ?? '');
  });
  return unknown ? undefined : new RegExp(source, 'u');
}

/** Throws a readable error for a regex pattern that does not compile (the JSON Schema cannot tell). */
export function checkRegexPattern(option: string, pattern: string): void {
  if (!isRegexPattern(pattern)) return;
  try {
    new RegExp(pattern.replace(PLACEHOLDER, 'x'), 'u');
  } catch (error) {
    throw new Error(`option "${option}": ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message})`);
  }
}

// Names of objects as rules compare and show them. Two shapes: a name as a statement writes it
// (`WrittenName`: the schema only when the SQL qualified it), and a name resolved to its schema
// (`QualifiedName`, what `context.schema.resolve()` and the replay give). Both carry names as
// Postgres stores them: the parser already folded unquoted names to lower case.

import type { QualifiedName } from '../project-model.js';
import type { AstNode } from '../types.js';

/** A name as a statement writes it: `schema` only when the SQL qualified it. */
export interface WrittenName {
  schema?: string | undefined;
  name: string;
}

/** The schema an unqualified name means when two written names are compared. */
export const DEFAULT_SCHEMA = 'public';

/** A `RangeVar` node (`relation` of ALTER TABLE, CREATE INDEX, TRUNCATE, …) as a written name. */
export function nameOfRangeVar(rangeVar: AstNode | undefined): WrittenName & { schema: string | undefined } {
  return { schema: rangeVar?.schemaname || undefined, name: String(rangeVar?.relname ?? '') };
}

/**
 * A list of `String` nodes (`funcname`, `typeName`, the items of a `DROP` object's `List`) as a
 * written name: the last two parts count. Undefined when the list holds no name.
 */
export function nameOfList(items: readonly AstNode[] | undefined): (WrittenName & { schema: string | undefined }) | undefined {
  if (!Array.isArray(items)) return undefined;
  const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1]! };
}

/** A `DROP` object (`{List: {items: [{String: {sval}}…]}}`) as a written name. */
export function nameOfDropObject(object: AstNode | undefined): (WrittenName & { schema: string | undefined }) | undefined {
  return nameOfList(object?.List?.items ?? []);
}

/** How a message names an object as the SQL wrote it: schema-qualified only when the SQL qualified it. */
export function displayName(name: WrittenName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}

/** How a message names a resolved object: `name` in `public`, else `schema.name`. */
export function displayQualifiedName(name: QualifiedName): string {
  return name.schema === DEFAULT_SCHEMA ? name.name : `${name.schema}.${name.name}`;
}

/** Same object by name? An unqualified name is in `public`. */
export function sameName(a: WrittenName, b: WrittenName): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}

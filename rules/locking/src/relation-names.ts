// Relations as the locking rules name them: the schema when the SQL qualified the name, the name
// as Postgres stores it (unquoted names already folded to lower case by the parser). An unqualified
// name means `public` when two names are compared; the model resolves it with the search_path.

import type { AstNode } from '@migralint/core';

export interface RelationName {
  /** The schema as written, or undefined when unqualified. */
  schema: string | undefined;
  name: string;
}

export const DEFAULT_SCHEMA = 'public';

/** A `RangeVar` node (`relation` of ALTER TABLE, CREATE INDEX, TRUNCATE, …) as a name. */
export function fromRangeVar(rangeVar: AstNode | undefined): RelationName {
  return { schema: rangeVar?.schemaname || undefined, name: String(rangeVar?.relname ?? '') };
}

/** A list of `String` nodes (`DROP` objects, `typeName` of ALTER TYPE/DOMAIN) as a name: the last two parts count. */
export function fromNames(items: readonly AstNode[] | undefined): RelationName | undefined {
  const parts = (items ?? []).map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1]! };
}

/** A `DROP` object (`{List: {items: [{String: {sval}}…]}}`) as a name. */
export function fromNameList(object: AstNode | undefined): RelationName | undefined {
  return fromNames(object?.List?.items);
}

/** How a message names a relation: schema-qualified only when the SQL qualified it. */
export function display(name: RelationName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}

export function sameRelation(a: RelationName, b: RelationName): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}

/** The name in the shape `SchemaView.isNew` and `resolve` take. */
export function toModelName(name: RelationName): { schema?: string; name: string } {
  return name.schema ? { schema: name.schema, name: name.name } : { name: name.name };
}

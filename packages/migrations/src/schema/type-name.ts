// A libpg-query `TypeName` → the normalised type string of ColumnInfo.type and FunctionInfo.args.
//
// Convention (docs/schema-model.md): Postgres' internal names, as pg_catalog.format_type's
// "short" form would have them without the SQL-standard spellings — `int4`, `int8`, `bool`,
// `float8`, `varchar(255)`, `bpchar(3)`, `timestamptz`, `numeric(10,2)`; `pg_catalog.` dropped;
// arrays as `text[]` (one `[]` per dimension; declared sizes are ignored, as Postgres does);
// user types (enums, domains, composites the history created) as `schema.name`; a type the
// history never created keeps the spelling it was written with (`citext`, `extensions.vector`).

import type { AstNode, QualifiedName } from '@migralint/core';
import { stringList } from './names.js';

/** Serial pseudo-types: the real type of the column, and the sequence that comes with it. */
const SERIAL_TYPES = new Map([
  ['serial', 'int4'],
  ['serial4', 'int4'],
  ['bigserial', 'int8'],
  ['serial8', 'int8'],
  ['smallserial', 'int2'],
  ['serial2', 'int2'],
]);

/** Spellings that can reach the AST unqualified but mean a pg_catalog type (the grammar maps most already). */
const ALIASES = new Map([
  ['int', 'int4'],
  ['integer', 'int4'],
  ['smallint', 'int2'],
  ['bigint', 'int8'],
  ['boolean', 'bool'],
  ['real', 'float4'],
  ['double precision', 'float8'],
  ['decimal', 'numeric'],
  ['character varying', 'varchar'],
  ['character', 'bpchar'],
  ['char', 'bpchar'],
]);

export interface TypeResolver {
  /** A type the catalog knows (`mood` → `public.mood` through the search_path), or undefined. */
  userType(schema: string | undefined, name: string): QualifiedName | undefined;
}

export interface NormalisedType {
  type: string;
  /** `serial` & co: the column gets a sequence and a `nextval` default. */
  serial: boolean;
}

const UNKNOWN: NormalisedType = Object.freeze({ type: 'unknown', serial: false });
/** Results for plain names (no modifiers, no array): shared, since most columns are `text`, `int4`, `uuid`, … */
const plainResults = new Map<string, NormalisedType>();

function plain(type: string, serial = false): NormalisedType {
  if (serial) return { type, serial };
  let result = plainResults.get(type);
  if (!result) plainResults.set(type, (result = Object.freeze({ type, serial: false })));
  return result;
}

export function normaliseType(typeName: AstNode | undefined, resolver: TypeResolver): NormalisedType {
  const names: AstNode[] | undefined = typeName?.names;
  if (!typeName || !names || names.length === 0) return UNKNOWN;
  const count = names.length;
  const last: string | undefined = names[count - 1]?.String?.sval;
  const qualifier: string | undefined = count >= 2 ? names[count - 2]?.String?.sval : undefined;
  if (last === undefined) return UNKNOWN;
  const dims = Array.isArray(typeName.arrayBounds) ? typeName.arrayBounds.length : 0;
  const typmods: AstNode[] = Array.isArray(typeName.typmods) ? typeName.typmods : [];
  const bare = dims === 0 && typmods.length === 0;

  let base: string;
  if (typeName.pct_type === true) {
    // `users.id%TYPE` (functions): not resolved; keep the reference as written.
    base = `${stringList(names).join('.')}%type`;
  } else if (qualifier === 'pg_catalog') {
    base = ALIASES.get(last) ?? last;
  } else {
    if (count === 1 && bare) {
      const serial = SERIAL_TYPES.get(last);
      if (serial) return plain(serial, true);
    }
    const user = resolver.userType(qualifier, last);
    if (user) base = `${user.schema}.${user.name}`;
    else if (qualifier === undefined) base = ALIASES.get(last) ?? last;
    else base = `${qualifier}.${last}`;
  }
  if (bare) return plain(base);

  // Interval typmods are a field bitmask, not a precision: the plain type name is the useful part.
  const mods = base === 'interval' ? [] : typmods.map(typmodText).filter((m): m is string => m !== undefined);
  const withMods = mods.length > 0 ? `${base}(${mods.join(',')})` : base;
  return { type: withMods + '[]'.repeat(dims), serial: false };
}

function typmodText(node: AstNode): string | undefined {
  const c = node?.A_Const;
  if (c) {
    if (c.ival !== undefined) return String(c.ival.ival ?? 0);
    if (c.sval !== undefined) return c.sval.sval ?? '';
    if (c.fval !== undefined) return c.fval.fval ?? '0';
    return undefined;
  }
  const ref = node?.ColumnRef;
  if (ref) return stringList(ref.fields).join('.');
  return undefined;
}

/** The element type of an array type string (`text[]` → `text`), for matching a type by name. */
export function baseTypeName(type: string): string {
  for (let i = 0; i < type.length; i++) {
    const c = type.charCodeAt(i);
    if (c === 40 /* ( */ || c === 91 /* [ */) return type.slice(0, i);
  }
  return type;
}

// Column types as comparable values, and which type changes Postgres makes without touching a row.
//
// A type comes from the AST (`ColumnDef.typeName`: names such as `[pg_catalog, varchar]`, `typmods`,
// `arrayBounds`) or from the migration model (`ColumnInfo.type`, a normalised string such as
// `varchar(255)`, `int4`, `text[]`, `public.mood`). Both become a `ColumnType` with Postgres'
// internal names (`int4`, `varchar`, `bpchar`, `timestamptz`), so `integer` and `int4` compare equal.
//
// Postgres rewrites the table on `ALTER COLUMN … TYPE` unless the old type is binary coercible to
// the new one and the USING expression leaves the value alone, or only a length/precision limit
// is relaxed (docs: ALTER TABLE, "SET DATA TYPE"; `varchar_support`, `numeric_support`, …).

import type { AstNode } from '@migralint/core';

export interface ColumnType {
  /** Schema as written, for types outside pg_catalog. */
  schema: string | undefined;
  /** Internal name: `int4`, `varchar`, `numeric`, `mood`. */
  name: string;
  /** Type modifiers (`varchar(255)` → [255], `numeric(10, 2)` → [10, 2]); empty when none. */
  mods: number[];
  /** Array dimensions. */
  dims: number;
}

/** SQL spellings → Postgres' internal type names. */
const ALIASES: Record<string, string> = {
  integer: 'int4', int: 'int4', smallint: 'int2', bigint: 'int8',
  serial: 'int4', serial4: 'int4', bigserial: 'int8', serial8: 'int8', smallserial: 'int2', serial2: 'int2',
  'character varying': 'varchar', 'char varying': 'varchar', character: 'bpchar', char: 'bpchar',
  'timestamp without time zone': 'timestamp', 'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time', 'time with time zone': 'timetz',
  boolean: 'bool', real: 'float4', 'double precision': 'float8', float: 'float8', decimal: 'numeric', dec: 'numeric',
  'bit varying': 'varbit',
};

/** The type of a `TypeName` node; undefined when a modifier is not a plain integer. */
export function typeFromTypeName(typeName: AstNode | undefined): ColumnType | undefined {
  const names: string[] = (typeName?.names ?? []).map((n: AstNode) => String(n?.String?.sval ?? ''));
  if (names.length === 0) return undefined;
  const qualified = names.length > 1 && names[names.length - 2] !== 'pg_catalog';
  const mods: number[] = [];
  for (const mod of typeName?.typmods ?? []) {
    const value = mod?.A_Const?.ival;
    if (!value || typeof mod.A_Const.ival !== 'object') return undefined;
    mods.push(Number(value.ival ?? 0));
  }
  const last = names[names.length - 1]!;
  return {
    schema: qualified ? names[names.length - 2] : undefined,
    // `"char"` (one byte) is not `char` (bpchar): only the grammar's keywords become bpchar, and they arrive qualified.
    name: qualified || last === 'char' ? last : (ALIASES[last] ?? last),
    mods,
    dims: (typeName?.arrayBounds ?? []).length,
  };
}

/** A model type string (`varchar(255)`, `numeric(10,2)[]`, `public.mood`); undefined when unreadable. */
export function parseTypeText(text: string): ColumnType | undefined {
  let rest = text.trim();
  let dims = 0;
  for (let m = /\[\d*\]$/.exec(rest); m; m = /\[\d*\]$/.exec(rest)) {
    dims++;
    rest = rest.slice(0, m.index).trimEnd();
  }
  let mods: number[] = [];
  const withMods = /^(.*?)\s*\(\s*(\d+(?:\s*,\s*-?\d+)*)\s*\)(.*)$/.exec(rest);
  if (withMods) {
    mods = withMods[2]!.split(',').map((n) => Number(n.trim()));
    // `timestamp(3) with time zone`: the modifier sits inside the name.
    rest = `${withMods[1]!}${withMods[3]!}`.trim();
  }
  if (rest === '' || /[()[\]]/.test(rest)) return undefined;
  const lower = rest.replace(/\s+/g, ' ');
  const dot = lower.startsWith('"') ? -1 : lower.lastIndexOf('.');
  const schema = dot > 0 ? lower.slice(0, dot) : undefined;
  let name = dot > 0 ? lower.slice(dot + 1) : lower;
  if (schema === 'pg_catalog' || schema === undefined) {
    if (name.startsWith('"') && name.endsWith('"')) name = name.slice(1, -1);
    else name = ALIASES[name.toLowerCase()] ?? name.toLowerCase();
    return { schema: undefined, name, mods, dims };
  }
  return { schema, name, mods, dims };
}

/** `varchar(255)`, `numeric(10,2)[]`, `app.mood`. */
export function formatType(type: ColumnType): string {
  const base = type.schema ? `${type.schema}.${type.name}` : type.name;
  return base + (type.mods.length ? `(${type.mods.join(',')})` : '') + '[]'.repeat(type.dims);
}

/** Internal names → the SQL spelling a reader expects in a message. */
const DISPLAY: Record<string, string> = {
  int2: 'smallint', int4: 'integer', int8: 'bigint', bpchar: 'char', float4: 'real', float8: 'double precision',
  bool: 'boolean', varbit: 'bit varying',
};

/** The type as a message shows it: `integer`, `varchar(255)`, `char(10)[]`. */
export function displayType(type: ColumnType): string {
  return formatType(type.schema ? type : { ...type, name: DISPLAY[type.name] ?? type.name });
}

function sameBase(a: ColumnType, b: ColumnType): boolean {
  return a.name === b.name && (a.schema ?? 'pg_catalog') === (b.schema ?? 'pg_catalog') && a.dims === b.dims;
}

/** Types whose first modifier is a limit Postgres can relax without a rewrite. */
const RELAXABLE_LIMIT = new Set(['varchar', 'varbit', 'timestamp', 'timestamptz', 'time', 'timetz']);

/**
 * Does changing a column from `from` to `to` need no rewrite (and no scan) when the USING expression
 * leaves values alone? True for: the same type; varchar → text; text → varchar without a limit;
 * a raised or removed varchar/varbit length or time precision; numeric with a raised or removed
 * precision and the same scale; cidr → inet.
 */
export function isBinaryCompatibleChange(from: ColumnType, to: ColumnType): boolean {
  if (sameBase(from, to) && from.mods.join() === to.mods.join()) return true;
  if (from.dims !== 0 || to.dims !== 0 || from.schema || to.schema) return false;
  if (from.name === 'varchar' && to.name === 'text') return true;
  if (from.name === 'text' && to.name === 'varchar' && to.mods.length === 0) return true;
  if (from.name === 'cidr' && to.name === 'inet') return true;
  if (from.name !== to.name) return false;
  if (to.mods.length === 0) return RELAXABLE_LIMIT.has(from.name) || from.name === 'numeric';
  if (from.mods.length === 0) return false;
  if (RELAXABLE_LIMIT.has(from.name)) return to.mods[0]! >= from.mods[0]!;
  if (from.name === 'numeric') return (from.mods[1] ?? 0) === (to.mods[1] ?? 0) && to.mods[0]! >= from.mods[0]!;
  return false;
}

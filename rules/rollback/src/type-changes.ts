// Which column type changes keep every value, so that changing the type back restores the data.
// Types are the migration model's normalised strings (`int4`, `varchar(255)`, `numeric(10,2)`,
// `text[]`, `public.mood`; docs/schema-model.md).

interface ParsedType {
  base: string;
  mods: number[];
  dims: number;
}

function parseType(text: string): ParsedType | undefined {
  const m = /^([^()[\]]+?)(?:\((\d+(?:,-?\d+)*)\))?((?:\[\])*)$/.exec(text.trim());
  if (!m) return undefined;
  return { base: m[1]!, mods: m[2] ? m[2].split(',').map(Number) : [], dims: (m[3] ?? '').length / 2 };
}

const INTEGER_DIGITS: Record<string, number> = { int2: 5, int4: 10, int8: 19 };
const INTEGER_RANK: Record<string, number> = { int2: 1, int4: 2, int8: 3 };
/** Types whose one modifier is a precision or length that may only grow. */
const LIMITED = new Set(['varchar', 'bpchar', 'varbit', 'bit', 'timestamp', 'timestamptz', 'time', 'timetz', 'interval']);
/** Default modifier when none is written: unlimited length, or microsecond precision. */
const UNLIMITED = Number.POSITIVE_INFINITY;

/**
 * Does converting every value of type `from` to `to` keep it, so that converting back restores it?
 * Undefined when the model cannot tell (a type it does not know, a user type).
 */
export function keepsValues(from: string, to: string): boolean | undefined {
  if (from === to) return true;
  if (from === 'unknown' || to === 'unknown' || from.includes('%type') || to.includes('%type')) return undefined;
  const a = parseType(from);
  const b = parseType(to);
  if (!a || !b) return undefined;
  if (a.dims !== b.dims) return false;
  if (a.base.includes('.') || b.base.includes('.')) return a.base === b.base && a.mods.join() === b.mods.join() ? true : undefined;
  return keepsScalar(a, b);
}

function keepsScalar(a: ParsedType, b: ParsedType): boolean {
  // Every built-in value has an exact text form that reads back as the same value.
  if (b.base === 'text' || (b.base === 'varchar' && b.mods.length === 0)) return true;
  const limit = (t: ParsedType) => t.mods[0] ?? UNLIMITED;
  if (a.base in INTEGER_RANK) {
    if (b.base in INTEGER_RANK) return INTEGER_RANK[b.base]! >= INTEGER_RANK[a.base]!;
    if (b.base === 'numeric') return b.mods.length === 0 || b.mods[0]! - (b.mods[1] ?? 0) >= INTEGER_DIGITS[a.base]!;
    if (b.base === 'float8') return a.base !== 'int8';
    if (b.base === 'float4') return a.base === 'int2';
    return false;
  }
  if (a.base === 'float4') return b.base === 'float8';
  if (a.base === 'numeric' && b.base === 'numeric') {
    if (b.mods.length === 0) return true;
    if (a.mods.length === 0) return false;
    const [p1, s1 = 0] = a.mods;
    const [p2, s2 = 0] = b.mods;
    return s2 >= s1 && p2! - s2 >= p1! - s1;
  }
  if (LIMITED.has(a.base) && a.base === b.base) return limit(b) >= limit(a);
  if (a.base === 'bpchar' && b.base === 'varchar') return limit(b) >= limit(a);
  if (a.base === 'bit' && b.base === 'varbit') return limit(b) >= limit(a);
  if (a.base === 'timestamp' && b.base === 'timestamptz') return limit(b) >= limit(a);
  if (a.base === 'date') return b.base === 'timestamp' || b.base === 'timestamptz';
  if (a.base === 'cidr') return b.base === 'inet';
  if (a.base === 'jsonb') return b.base === 'json';
  return false;
}

/** Internal type names as a message shows them: `integer`, `varchar(40)`, `double precision[]`. */
export function displayType(type: string): string {
  const m = /^([a-z0-9_]+)(.*)$/.exec(type);
  const name = m ? DISPLAY[m[1]!] : undefined;
  return name ? name + m![2]! : type;
}

const DISPLAY: Record<string, string> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  bpchar: 'char',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  varbit: 'bit varying',
};

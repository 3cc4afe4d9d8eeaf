// Is a column default volatile? Since Postgres 11, `ADD COLUMN … DEFAULT x` stores x once in the
// catalog (a "missing value") when x is not volatile — `now()` is STABLE, so every existing row reads
// the moment of the ALTER, and nothing is rewritten. A VOLATILE default (`random()`,
// `gen_random_uuid()`, `clock_timestamp()`, `nextval(…)`) must be computed per row: Postgres rewrites
// the whole table under its ACCESS EXCLUSIVE lock.
//
// The lists below are the built-ins people write in defaults, with their volatility in pg_proc
// (`provolatile`) and the argument counts that exist. A function that is on neither list — a user
// function, an extension's, or a built-in called with arguments it does not take — is *assumed
// volatile*: the mistake costs a table rewrite under an exclusive lock, a wrong warning costs a
// `nonVolatileFunctions` entry (Squawk makes the same choice).

import type { AstNode } from '@migralint/core';
import { walkAst } from '@migralint/core';

/** Built-in VOLATILE functions (`provolatile = 'v'`) that show up in defaults. */
export const VOLATILE_FUNCTIONS: ReadonlySet<string> = new Set([
  'random',
  'random_normal',
  'setseed',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'currval',
  'lastval',
  'setval',
  'set_config',
  'pg_sleep',
]);

const ANY = -1;

/**
 * Built-in STABLE or IMMUTABLE functions, by name, with the argument counts Postgres has them for
 * (`ANY` for variadic ones). `now()` and the other transaction-time functions are STABLE: fine.
 */
export const NON_VOLATILE_FUNCTIONS: ReadonlyMap<string, readonly number[]> = new Map<string, number[]>([
  // Date and time (the SQL keywords CURRENT_TIMESTAMP, LOCALTIMESTAMP, CURRENT_DATE… are not calls).
  ['now', [0]],
  ['transaction_timestamp', [0]],
  ['statement_timestamp', [0]],
  ['timezone', [2]],
  ['date_trunc', [2, 3]],
  ['date_part', [2]],
  ['extract', [2]],
  ['date_add', [2, 3]],
  ['date_subtract', [2, 3]],
  ['make_date', [3]],
  ['make_time', [3]],
  ['make_timestamp', [6]],
  ['make_timestamptz', [6, 7]],
  ['make_interval', [ANY]],
  ['to_timestamp', [1, 2]],
  ['to_date', [2]],
  ['to_char', [2]],
  ['age', [1, 2]],
  ['justify_interval', [1]],
  ['justify_days', [1]],
  ['justify_hours', [1]],
  // Strings.
  ['lower', [1]],
  ['upper', [1]],
  ['initcap', [1]],
  ['btrim', [1, 2]],
  ['ltrim', [1, 2]],
  ['rtrim', [1, 2]],
  ['substring', [2, 3]],
  ['substr', [2, 3]],
  ['left', [2]],
  ['right', [2]],
  ['lpad', [2, 3]],
  ['rpad', [2, 3]],
  ['repeat', [2]],
  ['replace', [3]],
  ['concat', [ANY]],
  ['concat_ws', [ANY]],
  ['format', [ANY]],
  ['length', [1]],
  ['md5', [1]],
  ['encode', [2]],
  ['decode', [2]],
  ['to_hex', [1]],
  ['split_part', [3]],
  ['translate', [3]],
  ['regexp_replace', [3, 4, 5, 6]],
  ['to_tsvector', [1, 2]],
  // JSON and arrays.
  ['jsonb_build_object', [ANY]],
  ['json_build_object', [ANY]],
  ['jsonb_build_array', [ANY]],
  ['json_build_array', [ANY]],
  ['jsonb_object', [1, 2]],
  ['json_object', [1, 2]],
  ['to_jsonb', [1]],
  ['to_json', [1]],
  ['array_to_json', [1, 2]],
  ['array_fill', [2, 3]],
  ['array_append', [2]],
  ['array_prepend', [2]],
  ['array_cat', [2]],
  ['string_to_array', [2, 3]],
  ['array_to_string', [2, 3]],
  // Numbers and the rest.
  ['abs', [1]],
  ['round', [1, 2]],
  ['trunc', [1, 2]],
  ['floor', [1]],
  ['ceil', [1]],
  ['ceiling', [1]],
  ['power', [2]],
  ['mod', [2]],
  ['current_setting', [1, 2]],
  ['current_schema', [0]],
  ['current_database', [0]],
  ['inet_server_addr', [0]],
  ['pg_backend_pid', [0]],
  ['uuid_nil', [0]],
]);

/** A call in a default that may make it volatile. */
export interface RiskyCall {
  /** The `FuncCall` node (its location is the function name). */
  call: AstNode;
  /** The name as written, schema-qualified when it was. */
  name: string;
  /** `volatile`: a known volatile built-in; `unknown`: not on the lists, assumed volatile. */
  why: 'volatile' | 'unknown';
}

/**
 * The first call in `expr` that may be volatile, or undefined when every call is a known
 * non-volatile built-in or listed in `nonVolatile` (names, or `schema.name`).
 */
export function firstRiskyCall(expr: AstNode | undefined, nonVolatile: readonly string[]): RiskyCall | undefined {
  let found: RiskyCall | undefined;
  walkAst(expr, (type, call) => {
    if (found || type !== 'FuncCall') return;
    const parts: string[] = (call.funcname ?? []).map((n: AstNode) => String(n.String?.sval ?? ''));
    const name = parts[parts.length - 1] ?? '';
    const schema = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const written = schema ? `${schema}.${name}` : name;
    if (nonVolatile.includes(written) || (!schema && nonVolatile.includes(name))) return;
    const builtIn = schema === undefined || schema === 'pg_catalog';
    if (builtIn && VOLATILE_FUNCTIONS.has(name)) {
      found = { call, name: written, why: 'volatile' };
      return;
    }
    const arities = builtIn ? NON_VOLATILE_FUNCTIONS.get(name) : undefined;
    const count = (call.args ?? []).length;
    if (arities && (arities.includes(ANY) || arities.includes(count))) return;
    found = { call, name: written, why: 'unknown' };
  });
  return found;
}

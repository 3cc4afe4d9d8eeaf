// Names in the replayed catalog: qualified names, map keys, the search_path, and the names
// Postgres invents when a statement leaves one out (`users_pkey`, `users_email_key`, `users_id_seq`).

import type { AstNode, QualifiedName } from '@migralint/core';

/** Map key of a qualified name. NUL cannot occur in a Postgres identifier, so keys never collide. */
export function keyOf(name: QualifiedName): string {
  return `${name.schema}\0${name.name}`;
}

export function sameName(a: QualifiedName, b: QualifiedName): boolean {
  return a.schema === b.schema && a.name === b.name;
}

/** The `sval`s of a list of `String` nodes (`names`, `funcname`, `objname`, …). */
export function stringList(items: readonly AstNode[] | undefined): string[] {
  const out: string[] = [];
  for (const item of items ?? []) {
    const value = item?.String?.sval;
    if (typeof value === 'string') out.push(value);
  }
  return out;
}

/** `[schema, name]` or `[name]` (or longer, database-qualified) → the written parts. */
export function splitWritten(parts: readonly string[]): { schema?: string; name: string } | undefined {
  if (parts.length === 0) return undefined;
  const name = parts[parts.length - 1]!;
  return parts.length >= 2 ? { schema: parts[parts.length - 2]!, name } : { name };
}

/** Schemas a search_path names that can never hold user objects (skipped when choosing where to create). */
const NOT_A_TARGET = new Set(['$user', 'pg_catalog', 'pg_temp', 'information_schema']);

/** Postgres' default `search_path`: `"$user", public`. */
export const DEFAULT_SEARCH_PATH: readonly string[] = Object.freeze(['$user', 'public']);

/** Where an unqualified CREATE puts its object: the first schema of the path that can hold one. */
export function creationSchema(searchPath: readonly string[]): string {
  for (const schema of searchPath) if (!NOT_A_TARGET.has(schema)) return schema;
  return 'public';
}

/** The schemas an unqualified lookup searches, in order (pg_catalog and `$user` left out). */
export function lookupSchemas(searchPath: readonly string[]): readonly string[] {
  let out = lookupCache.get(searchPath);
  if (!out) {
    const schemas = searchPath.filter((s) => !NOT_A_TARGET.has(s));
    out = schemas.length > 0 ? schemas : ['public'];
    lookupCache.set(searchPath, out);
  }
  return out;
}

const lookupCache = new WeakMap<readonly string[], readonly string[]>();

/** The value list of `SET search_path = a, "B", ''` (folded as Postgres stores it). */
export function searchPathFromArgs(args: readonly AstNode[] | undefined): string[] {
  const out: string[] = [];
  for (const arg of args ?? []) {
    const value = arg?.A_Const?.sval?.sval ?? arg?.String?.sval;
    if (typeof value !== 'string') continue;
    if (!value.includes(',')) {
      if (value !== '') out.push(value);
      continue;
    }
    // `SET search_path = 'a, b'` (one string) and `set_config('search_path', 'a, b', …)` hold a list.
    for (const piece of value.split(',')) {
      const trimmed = piece.trim();
      if (trimmed === '') continue;
      out.push(trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replaceAll('""', '"') : trimmed.toLowerCase());
    }
  }
  return out;
}

// --- names Postgres chooses -----------------------------------------------------------------

/** NAMEDATALEN - 1: identifiers are truncated to 63 bytes. */
const MAX_IDENTIFIER_BYTES = 63;

/**
 * Postgres' makeObjectName(): `name1_name2_label`, shortening the longer of name1/name2 until the
 * whole fits in 63 bytes (src/backend/commands/indexcmds.c).
 */
function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let n1 = byteLength(name1);
  let n2 = name2 === undefined ? 0 : byteLength(name2);
  const overhead = byteLength(label) + 1 + (name2 === undefined ? 0 : 1);
  const available = MAX_IDENTIFIER_BYTES - overhead;
  while (n1 + n2 > available) {
    if (n1 > n2) n1--;
    else n2--;
  }
  let result = clipBytes(name1, n1);
  if (name2 !== undefined) result += `_${clipBytes(name2, n2)}`;
  return `${result}_${label}`;
}

/**
 * Postgres' ChooseRelationName()/ChooseConstraintName(): makeObjectName, then `label1`, `label2`, …
 * until `taken` says the name is free.
 */
export function chooseName(name1: string, name2: string | undefined, label: string, taken: (name: string) => boolean): string {
  let candidate = makeObjectName(name1, name2, label);
  for (let pass = 1; taken(candidate) && pass < 1000; pass++) candidate = makeObjectName(name1, name2, `${label}${pass}`);
  return candidate;
}

function byteLength(s: string): number {
  // Identifiers are nearly always ASCII; only count bytes when they are not.
  return /^[\x00-\x7f]*$/.test(s) ? s.length : Buffer.byteLength(s, 'utf8');
}

function clipBytes(s: string, bytes: number): string {
  if (s.length <= bytes && /^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

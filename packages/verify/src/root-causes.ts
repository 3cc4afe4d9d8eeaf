// One root cause, one error. A history often expects things it never creates: the platform's
// `auth` schema, a role made by hand, a function of an extension. Each missing thing is reported
// once, at the first statement that needs it, with the way to provide it (a setup script, the
// Supabase setup, an extension stand-in); every later failure that needs the same thing is a
// dependent failure of that one.

import type { MigrationSet, SourceFile } from '@migralint/core';
import type { SqlError } from './database.js';

/** What a statement that failed was missing, as Postgres named it. */
export interface Missing {
  /** `schema`, `relation`, `function`, `type`, `role`, … (Postgres' word). */
  kind: string;
  /** As Postgres wrote it: `auth`, `auth.users`, `auth.uid()`. */
  name: string;
  /** Its schema when it is qualified (`auth` of `auth.users`). */
  schema?: string;
  /** The last part of the name, lower case: what a CREATE in the history would have named. */
  base: string;
}

const MISSING = /^(schema|relation|function|type|role|operator|column|table|view|sequence|extension|operator class|access method|publication|text search configuration) "?([^"]+?)"? does not exist/;

/** `schema "auth" does not exist` → { kind: schema, name: auth }; undefined when the error is another kind. */
export function missingOf(error: SqlError): Missing | undefined {
  const match = MISSING.exec(error.message) ?? /^(function) ([^\s(]+\([^)]*\)) does not exist/.exec(error.message);
  if (!match) return undefined;
  const kind = match[1]!;
  const name = match[2]!;
  const bare = name.replace(/\(.*$/, '');
  const parts = bare.split('.');
  const base = parts[parts.length - 1]!.toLowerCase();
  const schema = kind === 'schema' ? undefined : parts.length > 1 ? parts[parts.length - 2]!.toLowerCase() : undefined;
  return { kind, name, ...(schema ? { schema } : {}), base };
}

/**
 * The key under which failures share a root: a schema nothing in the history creates stands for
 * everything in it; otherwise the missing object itself. Undefined when the history creates it (the
 * failure is about order, or follows from an earlier failure, and is reported as such).
 */
export function externalRoot(missing: Missing, created: ReadonlySet<string>): string | undefined {
  // A missing column is a typo or an order problem of the history itself, not something from outside.
  if (missing.kind === 'column') return undefined;
  // An unqualified function or operator "does not exist" mostly for its argument types (lower(integer)).
  if ((missing.kind === 'function' || missing.kind === 'operator') && !missing.schema) return undefined;
  if (missing.kind === 'schema') return created.has(missing.base) ? undefined : `schema ${missing.base}`;
  if (missing.schema && !created.has(missing.schema)) return `schema ${missing.schema}`;
  if (created.has(missing.base)) return undefined;
  return `${missing.kind} ${missing.name}`;
}

/** Platforms' schemas and roles, and the built-in setup that provides them. */
const PLATFORM: Record<string, string> = {
  'schema auth': 'supabase',
  'schema storage': 'supabase',
  'schema realtime': 'supabase',
  'schema vault': 'supabase',
  'schema extensions': 'supabase',
  'schema graphql_public': 'supabase',
  'role anon': 'supabase',
  'role authenticated': 'supabase',
  'role service_role': 'supabase',
};

/** How to provide what the root misses. */
export function setupHint(root: string, layout: string): string {
  const builtIn = PLATFORM[root];
  const own = 'Nothing in the history creates it, so it comes from outside (the platform, an extension, or a database set up by hand): give verify a setup script that creates it, `migralint verify --setup FILE` (or settings.verify.setup)';
  if (builtIn && layout !== 'supabase') return `${own}; the built-in \`--setup ${builtIn}\` provides it if the project runs on that platform.`;
  return `${own}. Later statements that fail for the same reason are reported as dependent failures of this one.`;
}

/** Lower-case names (last part) and schemas every statement of the set creates, in any order. */
export function namesCreatedInHistory(set: MigrationSet, files: ReadonlyMap<string, SourceFile>, namesOf: (kind: string, node: any) => string[]): Set<string> {
  const out = new Set<string>();
  for (const migration of set.migrations) {
    for (const part of migration.up) {
      for (const s of files.get(part.file)?.statements ?? []) {
        if (s.start < part.range.start || s.start >= part.range.end) continue;
        for (const name of namesOf(s.kind, s.node)) out.add(name.toLowerCase());
        if (s.kind === 'CreateRoleStmt' && typeof s.node.role === 'string') out.add(s.node.role.toLowerCase());
        if (s.kind === 'CreateExtensionStmt' && s.node.extname) out.add(String(s.node.extname).toLowerCase());
      }
    }
  }
  return out;
}

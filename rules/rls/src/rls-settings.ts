// The shared settings of the rls pack, read once per rule from `context.settings` (a config's
// `settings` block, passed to rules unchanged): which schemas clients reach through the API, which
// functions read the caller's identity, which roles stand for "anyone". Defaults are Supabase's.

import type { Settings, WrittenName } from '@migralint/core';

export interface RlsSettings {
  /** Schemas the API (PostgREST, pg_graphql) exposes to clients. */
  exposedSchemas: string[];
  /** Functions that read the caller's identity from the request (`auth.uid`). */
  /** Undefined schema: the function as called without a schema (or as `pg_catalog.<name>`). */
  authFunctions: WrittenName[];
  /** Roles that stand for anyone who holds the API key or signs up (`anon`, `authenticated`, `public`). */
  publicRoles: string[];
}

export const DEFAULT_EXPOSED_SCHEMAS = ['public'];

/** The `when` option of the rules that report a table left without row-level security. */
export const whenOption = {
  enum: ['auto', 'always'],
  description: '"auto": report only in Supabase histories and in histories that enable RLS or create a policy somewhere; "always": in every history.',
} as const;
export const DEFAULT_AUTH_FUNCTIONS = ['auth.uid', 'auth.jwt', 'auth.role'];
export const DEFAULT_PUBLIC_ROLES = ['anon', 'authenticated', 'public'];

export function rlsSettings(settings: Settings): RlsSettings {
  return {
    exposedSchemas: stringList(settings.exposedSchemas, DEFAULT_EXPOSED_SCHEMAS).map(foldIdentifier),
    authFunctions: stringList(settings.authFunctions, DEFAULT_AUTH_FUNCTIONS).map(parseFunctionName),
    publicRoles: stringList(settings.publicRoles, DEFAULT_PUBLIC_ROLES).map(foldIdentifier),
  };
}

function stringList(value: unknown, fallback: string[]): string[] {
  if (!Array.isArray(value)) return fallback;
  return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** A name as SQL writes it: `"Quoted"` keeps its case, a bare name folds to lower case. */
export function foldIdentifier(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : t.toLowerCase();
}

/** `auth.uid` → schema `auth`, name `uid`; `current_setting` → no schema. Parentheses are ignored. */
export function parseFunctionName(text: string): WrittenName {
  const bare = text.trim().replace(/\(\s*\)$/, '');
  const dot = splitOnDot(bare);
  return dot ? { schema: foldIdentifier(dot[0]), name: foldIdentifier(dot[1]) } : { schema: undefined, name: foldIdentifier(bare) };
}

/** Splits `a.b` at the dot outside double quotes; undefined when there is none. */
function splitOnDot(text: string): [string, string] | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === '.' && !quoted) return [text.slice(0, i), text.slice(i + 1)];
  }
  return undefined;
}

export function isExposed(settings: RlsSettings, schema: string): boolean {
  return settings.exposedSchemas.includes(schema);
}

/** Roles as `CREATE POLICY … TO` and `GRANT … TO` name them (`PUBLIC` is `public`). */
export function roleNames(roles: readonly any[] | undefined): string[] {
  return (roles ?? []).map((item) => {
    const role = item?.RoleSpec ?? item;
    switch (role?.roletype) {
      case 'ROLESPEC_PUBLIC':
        return 'public';
      case 'ROLESPEC_CURRENT_USER':
        return 'current_user';
      case 'ROLESPEC_CURRENT_ROLE':
        return 'current_role';
      case 'ROLESPEC_SESSION_USER':
        return 'session_user';
      default:
        return String(role?.rolename ?? '?');
    }
  });
}

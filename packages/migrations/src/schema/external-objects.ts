// External objects: what the history uses but never creates (Supabase's `auth.users`, objects of
// extensions, a platform's schemas). Rules treat them as pre-existing. Two sources:
//
// - declared: `settings.externalObjects` (see ExternalObjectsSetting), present from `before(0)`;
// - referenced: a statement of the history names an object that does not exist at that point and
//   was never created before (an FK to `auth.users`, `ALTER TABLE storage.objects …`).
//
// Objects in an external schema that the history never creates are external too.

import type { QualifiedName, Settings } from '@migralint/core';

export type ExternalKind = 'table' | 'view' | 'function' | 'type' | 'schema';

/**
 * `settings.externalObjects`. Each entry is a name as SQL would write it: `auth.users`,
 * `"Auth"."Users"` (quoted keeps case), or `users` (meaning `public.users`); unquoted names fold to
 * lower case as Postgres folds them. Functions are named without arguments (every overload).
 */
export interface ExternalObjectsSetting {
  schemas?: string[];
  tables?: string[];
  views?: string[];
  functions?: string[];
  types?: string[];
}

export interface DeclaredExternals {
  schemas: string[];
  tables: QualifiedName[];
  views: QualifiedName[];
  functions: QualifiedName[];
  types: QualifiedName[];
}

/** Reads `settings.externalObjects`; entries of the wrong shape are ignored (the config package validates). */
export function readExternalObjects(settings: Settings): DeclaredExternals {
  const raw = settings.externalObjects as ExternalObjectsSetting | undefined;
  const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);
  const names = (value: unknown) => list(value).map(parseObjectName).filter((n): n is QualifiedName => n !== undefined);
  if (!raw || typeof raw !== 'object') return { schemas: [], tables: [], views: [], functions: [], types: [] };
  return {
    schemas: list(raw.schemas).map((s) => parseIdentifiers(s)[0]).filter((s): s is string => s !== undefined),
    tables: names(raw.tables),
    views: names(raw.views),
    functions: names(raw.functions),
    types: names(raw.types),
  };
}

/** `auth.users` → {auth, users}; `users` → {public, users}; `"A.b".c` keeps the quoted dot. */
export function parseObjectName(text: string): QualifiedName | undefined {
  const parts = parseIdentifiers(text.replace(/\(.*\)\s*$/, ''));
  if (parts.length === 0 || parts.length > 2) return undefined;
  return parts.length === 2 ? { schema: parts[0]!, name: parts[1]! } : { schema: 'public', name: parts[0]! };
}

function parseIdentifiers(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    if (s[i] === '"') {
      let j = i + 1;
      let value = '';
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') {
          value += '"';
          j += 2;
        } else if (s[j] === '"') break;
        else value += s[j++];
      }
      parts.push(value);
      i = j + 1;
    } else {
      let j = i;
      while (j < s.length && s[j] !== '.') j++;
      parts.push(s.slice(i, j).trim().toLowerCase());
      i = j;
    }
    if (s[i] === '.') i++;
    else if (i < s.length) return [];
  }
  return parts.filter((p) => p !== '');
}

const keyOfKind = (kind: ExternalKind, name: QualifiedName) => `${kind === 'view' ? 'table' : kind}\0${name.schema}\0${name.name}`;

/** A set of keys that reads through to a base it never changes (the base no longer changes either). */
class KeySet {
  private readonly own = new Set<string>();

  constructor(private readonly base?: KeySet) {}

  has(key: string): boolean {
    return this.own.has(key) || (this.base !== undefined && this.base.has(key));
  }

  add(key: string): void {
    if (!this.base?.has(key)) this.own.add(key);
  }
}

/** What is external in this history. Filled during the replay; complete once replaySchema returns. */
export class ExternalRegistry {
  private readonly external: KeySet;
  private readonly declared: KeySet;
  private readonly externalSchemas: KeySet;
  private readonly created: KeySet;
  private readonly createdSchemas: KeySet;

  /**
   * With `base` (a complete registry: replay-down's replays start from the model's): everything it
   * holds, read through rather than copied (a copy per migration with a down cost as much as the
   * history's objects); what this one adds stays out of `base`.
   */
  constructor(base?: ExternalRegistry) {
    this.external = new KeySet(base?.external);
    this.declared = new KeySet(base?.declared);
    this.externalSchemas = new KeySet(base?.externalSchemas);
    this.created = new KeySet(base?.created);
    this.createdSchemas = new KeySet(base?.createdSchemas);
  }

  declare(kind: ExternalKind, name: QualifiedName): void {
    if (kind === 'schema') this.externalSchemas.add(name.name);
    else {
      this.external.add(keyOfKind(kind, name));
      this.declared.add(keyOfKind(kind, name));
      if (name.schema !== 'public') this.externalSchemas.add(name.schema);
    }
  }

  /** A statement used `name`, and the catalog does not hold it: external unless the history made it before. */
  referenced(kind: ExternalKind, name: QualifiedName): void {
    if (kind === 'schema') {
      if (!this.createdSchemas.has(name.name) && name.name !== 'public') this.externalSchemas.add(name.name);
      return;
    }
    const key = keyOfKind(kind, name);
    if (!this.created.has(key)) this.external.add(key);
  }

  markCreated(kind: ExternalKind, name: QualifiedName): void {
    if (kind === 'schema') this.createdSchemas.add(name.name);
    else this.created.add(keyOfKind(kind, name));
  }

  /** Declared in settings.externalObjects (not merely referenced). */
  isDeclared(kind: ExternalKind, name: QualifiedName): boolean {
    return kind === 'schema' ? false : this.declared.has(keyOfKind(kind, name));
  }

  wasCreated(kind: ExternalKind, name: QualifiedName): boolean {
    return kind === 'schema' ? this.createdSchemas.has(name.name) : this.created.has(keyOfKind(kind, name));
  }

  isExternal(kind: ExternalKind, name: QualifiedName): boolean {
    if (kind === 'schema') return this.externalSchemas.has(name.name) && !this.createdSchemas.has(name.name);
    const key = keyOfKind(kind, name);
    if (this.created.has(key)) return false;
    return this.external.has(key) || (this.externalSchemas.has(name.schema) && !this.createdSchemas.has(name.schema));
  }
}

/** JSON Schema of `settings.externalObjects`, for the config schema (packages/config). */
export const externalObjectsSchema = {
  description: 'Objects the migrations use but never create (platform tables, extension objects): they exist from before the first migration. Names as SQL writes them: `auth.users`, `"Billing"."Invoices"`, `users` (= public.users).',
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    (['schemas', 'tables', 'views', 'functions', 'types'] as const).map((kind) => [kind, { type: 'array', items: { type: 'string', minLength: 1 } }]),
  ),
} as const;

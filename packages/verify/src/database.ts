// The one thing verify needs from a PostgreSQL: send a SQL string as a simple query (so the server
// sees exactly what a runner sends), read rows back, and report errors with every field Postgres
// gives. PGlite (embedded) and node-postgres (a server) both speak the wire protocol's error shape.

/** An error as Postgres reported it (ErrorResponse fields), or a client-side failure. */
export interface SqlError {
  message: string;
  /** SQLSTATE, e.g. `42P01`; undefined when the failure was not the server's. */
  code?: string;
  detail?: string;
  hint?: string;
  /** 1-based character position in the query string sent. */
  position?: number;
  /** A position inside `internalQuery` (an SQL function body, a PL/pgSQL statement). */
  internalPosition?: number;
  internalQuery?: string;
  /** The context stack (`PL/pgSQL function f() line 3 at SQL statement`). */
  where?: string;
}

export interface Database {
  /** `PGlite 0.5.16`, `postgres://host:5432 (scratch database migralint_verify_…)`. */
  readonly description: string;
  readonly kind: 'pglite' | 'server';
  /** The server's `version()` short form, e.g. `PostgreSQL 18.6`. */
  readonly serverVersion: string;
  /**
   * A server where the migrations run as an unprivileged role of verify's own: the admin connection
   * in the scratch database, for the statements verify checked and lets through (server-roles.ts).
   */
  readonly privileged?: PrivilegedSession;
  /** PGlite: extensions it lacks that verify installed stand-ins for (extension-stand-ins.ts). */
  readonly standIns?: ReadonlySet<string>;
  /** Sends `sql` as one simple query. Throws a VerifyDatabaseError. */
  exec(sql: string): Promise<void>;
  /** One statement with parameters (extended protocol); rows as objects. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Warnings and notices Postgres sent since the last call. */
  takeNotices(): string[];
  /** Ends the run; on a server drops what the run created. Returns what the user should know of it. */
  close(): Promise<string[]>;
}

export interface PrivilegedSession {
  /** The role the migrations run as. */
  readonly runRole: string;
  /** Roles the migrations created in this run (dropped at the end). */
  readonly createdRoles: ReadonlySet<string>;
  roleExists(name: string): Promise<boolean>;
  /** Whether the server's extension may be created by a non-superuser; undefined: the server does not have it. */
  extensionTrusted(name: string): Promise<boolean | undefined>;
  /** Runs one statement with the URL's privileges, in the scratch database. */
  exec(sql: string): Promise<void>;
  /** Records a role this run created, and lets the run role use it. */
  adoptRole(name: string): Promise<void>;
}

export class VerifyDatabaseError extends Error {
  constructor(readonly sqlError: SqlError) {
    super(sqlError.message);
  }
}

/** The wire-protocol error fields, from a PGlite or node-postgres DatabaseError. */
export function toSqlError(error: unknown): SqlError {
  if (error instanceof VerifyDatabaseError) return error.sqlError;
  const e = (error ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof e[key] === 'string' && e[key] !== '' ? (e[key] as string) : undefined);
  const number = (key: string) => {
    const value = e[key];
    const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : NaN;
    return Number.isFinite(n) && n > 0 ? n : undefined;
  };
  const out: SqlError = { message: error instanceof Error ? error.message : String(error) };
  const fields = { code: text('code'), detail: text('detail'), hint: text('hint'), position: number('position'), internalPosition: number('internalPosition'), internalQuery: text('internalQuery'), where: text('where') };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  return out;
}

/** `PostgreSQL 18.6 (PGlite …) on …` → `PostgreSQL 18.6`. */
export function shortVersion(version: string): string {
  return /^PostgreSQL [\d.]+\w*/.exec(version)?.[0] ?? version;
}

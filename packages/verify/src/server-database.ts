// A real PostgreSQL server (`--database-url`). Two ways in, both refusing to touch anything the user
// did not point at:
// - default: a fresh database is created for the run (the role needs CREATEDB) and dropped at the
//   end, with the roles the run created (roles are cluster-wide);
// - `dryRun`: the database the URL names, inside one transaction that is rolled back at the end.

import { shortVersion, toSqlError, VerifyDatabaseError, type Database } from './database.js';

export interface ServerOptions {
  /** Run inside a transaction on the URL's own database and roll it back. */
  dryRun?: boolean;
}

/** A problem reaching or preparing the server: the run cannot start (exit 2). */
export class DatabaseSetupError extends Error {}

type PgClient = import('pg').Client;

export async function openServerDatabase(url: string, options: ServerOptions = {}): Promise<Database> {
  const target = parseUrl(url);
  const { default: pg } = await import('pg');
  const connect = async (connectionString: string): Promise<PgClient> => {
    const client = new pg.Client({ connectionString, application_name: 'migralint verify' });
    // An idle client whose server goes away emits 'error'; without a listener that kills the process.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw new DatabaseSetupError(`cannot connect to ${redact(connectionString)}: ${(error as Error).message}`);
    }
    return client;
  };

  if (options.dryRun) {
    const client = await connect(url);
    await client.query('BEGIN');
    return wrap(client, await versionOf(client), `${redact(url)} (dry run: one transaction, rolled back at the end)`, true, async () => {
      try {
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }
    });
  }

  const admin = await connect(url);
  const name = `migralint_verify_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    await admin.end();
    const e = toSqlError(error);
    const why = e.code === '42501' ? ' (the role needs CREATEDB; or use --dry-run to run inside a transaction that is rolled back)' : '';
    throw new DatabaseSetupError(`cannot create a database for the run on ${redact(url)}: ${e.message}${why}`);
  }
  const rolesBefore = new Set((await admin.query<{ rolname: string }>('select rolname from pg_roles')).rows.map((r) => r.rolname));
  target.pathname = `/${encodeURIComponent(name)}`;
  let client: PgClient;
  try {
    client = await connect(target.toString());
  } catch (error) {
    await dropDatabase(admin, name, pg.escapeIdentifier);
    await admin.end();
    throw error;
  }
  return wrap(client, await versionOf(client), `${redact(url)} (fresh database ${name}, dropped at the end)`, false, async () => {
    try {
      await client.end();
    } finally {
      try {
        await dropDatabase(admin, name, pg.escapeIdentifier);
        // Roles are cluster-wide: drop the ones that appeared during the run.
        const after = (await admin.query<{ rolname: string }>('select rolname from pg_roles')).rows.map((r) => r.rolname);
        for (const role of after.filter((r) => !rolesBefore.has(r))) {
          await admin.query(`DROP ROLE IF EXISTS ${pg.escapeIdentifier(role)}`).catch(() => {});
        }
      } finally {
        await admin.end();
      }
    }
  });
}

function wrap(client: PgClient, version: string, description: string, insideTransaction: boolean, close: () => Promise<void>): Database {
  const notices: string[] = [];
  client.on('notice', (notice) => notices.push(`${(notice as { severity?: string }).severity ?? 'NOTICE'}: ${notice.message ?? ''}`));
  let closed = false;
  return {
    description,
    kind: 'server',
    serverVersion: version,
    insideTransaction,
    async exec(sql) {
      try {
        await client.query(sql);
      } catch (error) {
        throw new VerifyDatabaseError(toSqlError(error));
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        return (await client.query(sql, params)).rows as T[];
      } catch (error) {
        throw new VerifyDatabaseError(toSqlError(error));
      }
    },
    takeNotices() {
      return notices.splice(0);
    },
    async close() {
      if (closed) return;
      closed = true;
      await close();
    },
  };
}

async function versionOf(client: PgClient): Promise<string> {
  return shortVersion((await client.query<{ version: string }>('select version()')).rows[0]?.version ?? 'PostgreSQL');
}

async function dropDatabase(admin: PgClient, name: string, quote: (s: string) => string): Promise<void> {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  } catch {
    // Before PostgreSQL 13 there is no FORCE; our own connection is closed by now.
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseSetupError(`--database-url takes a URL (postgres://user@host:5432/db), got "${redact(url)}"`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseSetupError(`--database-url takes a postgres:// or postgresql:// URL, got "${parsed.protocol}"`);
  }
  return parsed;
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

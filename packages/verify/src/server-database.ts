// A real PostgreSQL server (`--database-url`). What the migrations' code can reach is limited by
// who runs it, not by looking at statements (a DO block can EXECUTE anything):
// - the URL's connection (the admin) creates a scratch database `migralint_verify_<random>` and a
//   login role of verify's own that owns it: not a superuser, no CREATEDB, no CREATEROLE, no
//   membership in pg_write_server_files and friends. Every migration runs as that role, in that
//   database, so `COPY … TO '/file'`, `pg_read_file()` and `ALTER ROLE postgres` fail there as they
//   would for any unprivileged user, whatever wraps them;
// - the URL's own database is only read (never written);
// - statements that need more and that verify checked one by one (CREATE EXTENSION; CREATE ROLE and
//   its grants on roles of this run) are run by the admin in the scratch database (run-history.ts);
// - at the end (success, failure, or Ctrl-C through closeServerDatabases) the scratch database, the
//   run role, and the roles this run created (by name; never one that existed before) are dropped.
// When the URL's role can create neither roles nor is a superuser, verify cannot make a weaker one:
// the migrations then run as the URL's own role in the scratch database, and the run says so.

import crypto from 'node:crypto';
import { checkHostAllowed, DatabaseSetupError, parseDatabaseUrl, redact, redactText } from './database-url.js';
import { shortVersion, toSqlError, VerifyDatabaseError, type Database, type PrivilegedSession } from './database.js';

export { DatabaseSetupError, redact } from './database-url.js';

export interface ServerOptions {
  /** The host is not loopback or a Unix socket, and the user said verify may run there. */
  allowRemote?: boolean;
}

type PgClient = import('pg').Client;

/** Scratch databases still open: closed by closeServerDatabases() when the process is interrupted. */
const open = new Set<Database>();

/** Drops every scratch database (and its roles) this process still has open: for SIGINT/SIGTERM. */
export async function closeServerDatabases(): Promise<void> {
  await Promise.allSettled([...open].map((db) => db.close()));
}

export async function openServerDatabase(url: string, options: ServerOptions = {}): Promise<Database> {
  const target = parseDatabaseUrl(url);
  checkHostAllowed(target, options.allowRemote === true);
  const { default: pg } = await import('pg');
  const quote = (name: string) => pg.escapeIdentifier(name);
  const connect = async (connectionString: string, what: string): Promise<PgClient> => {
    const client = new pg.Client({ connectionString, application_name: 'migralint verify' });
    // An idle client whose server goes away emits 'error'; without a listener that kills the process.
    client.on('error', () => {});
    try {
      await client.connect();
    } catch (error) {
      throw new DatabaseSetupError(redactText(`cannot connect to ${what}: ${(error as Error).message}`, url));
    }
    return client;
  };

  const admin = await connect(url, redact(url));
  const suffix = `${Date.now().toString(36)}_${crypto.randomBytes(4).toString('hex')}`;
  const name = `migralint_verify_${suffix}`;
  const cleanup: Array<() => Promise<void>> = [];
  const undo = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
    cleanup.length = 0;
  };
  try {
    const [me] = (await admin.query<{ super: boolean; createrole: boolean; user: string }>('select rolsuper as super, rolcreaterole as createrole, current_user as user from pg_roles where rolname = current_user')).rows;
    const canMakeRole = me?.super === true || me?.createrole === true;
    let runRole = me?.user ?? 'unknown';
    let password: string | undefined;
    if (canMakeRole) {
      runRole = name;
      password = crypto.randomBytes(24).toString('base64url');
      await admin.query(`CREATE ROLE ${quote(runRole)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS CONNECTION LIMIT 3 PASSWORD '${password}'`);
      cleanup.push(() => admin.query(`DROP ROLE IF EXISTS ${quote(runRole)}`).then(() => {}));
      // A non-superuser admin must be a member to create a database owned by the role.
      if (!me?.super) await admin.query(`GRANT ${quote(runRole)} TO CURRENT_USER`);
    }
    try {
      await admin.query(`CREATE DATABASE ${quote(name)} OWNER ${quote(runRole)}`);
    } catch (error) {
      const e = toSqlError(error);
      const why = e.code === '42501' ? ' (the role of --database-url needs CREATEDB, or to be a superuser)' : '';
      throw new DatabaseSetupError(redactText(`cannot create a scratch database on ${redact(url)}: ${e.message}${why}`, url));
    }
    cleanup.push(() => dropDatabase(admin, name, quote));
    await admin.query(`REVOKE ALL ON DATABASE ${quote(name)} FROM PUBLIC`);

    const scratchUrl = new URL(target.toString());
    scratchUrl.pathname = `/${encodeURIComponent(name)}`;
    // The admin in the scratch database: runs the statements verify checked and let through.
    const privileged = canMakeRole ? await connect(scratchUrl.toString(), `the scratch database ${name}`) : undefined;
    if (privileged) cleanup.push(() => privileged.end());
    const runUrl = new URL(scratchUrl.toString());
    if (password !== undefined) {
      runUrl.username = encodeURIComponent(runRole);
      runUrl.password = encodeURIComponent(password);
      runUrl.searchParams.delete('password');
      runUrl.searchParams.delete('user');
    }
    let client: PgClient;
    try {
      client = await connect(runUrl.toString(), `the scratch database ${name} as its role ${runRole}`);
    } catch (error) {
      throw new DatabaseSetupError(
        `${(error as Error).message}. verify logs in as a role of its own with a password; the server's pg_hba.conf must accept password logins (scram-sha-256 or md5) from this host`,
      );
    }
    cleanup.push(() => client.end());

    const createdRoles = new Set<string>();
    const dropped: string[] = [];
    const session: PrivilegedSession | undefined = privileged
      ? {
          runRole,
          createdRoles,
          async roleExists(role) {
            return (await privileged.query('select 1 from pg_roles where rolname = $1', [role])).rowCount! > 0;
          },
          async extensionTrusted(extension) {
            const rows = (await privileged.query<{ trusted: boolean }>('select v.trusted from pg_available_extension_versions v join pg_available_extensions e on e.name = v.name and e.default_version = v.version where v.name = $1', [extension])).rows;
            return rows[0]?.trusted;
          },
          async exec(sql) {
            try {
              await privileged.query(sql);
            } catch (error) {
              throw new VerifyDatabaseError(toSqlError(error));
            }
          },
          async adoptRole(role) {
            createdRoles.add(role);
            // The run role may then SET ROLE to it and give it objects, as the migration's author could.
            await privileged.query(`GRANT ${quote(role)} TO ${quote(runRole)}`).catch(() => {});
          },
        }
      : undefined;
    // Roles are cluster-wide: drop the ones this run created (before the run role, which may be a member).
    cleanup.splice(1, 0, async () => {
      for (const role of createdRoles) {
        try {
          await admin.query(`DROP ROLE IF EXISTS ${quote(role)}`);
          dropped.push(role);
        } catch {
          // It owns objects elsewhere, or a concurrent session uses it: left, and said.
        }
      }
    });

    const version = shortVersion((await client.query<{ version: string }>('select version()')).rows[0]?.version ?? 'PostgreSQL');
    const as = privileged ? `as its role ${runRole}` : `as ${runRole} itself (it can create no role of verify's own)`;
    const db: Database = wrap(client, version, `${redact(url)} (scratch database ${name} ${as}, dropped at the end)`, session, async () => {
      open.delete(db);
      await undo();
      await admin.end().catch(() => {});
      const left = [...createdRoles].filter((r) => !dropped.includes(r));
      return [
        ...(dropped.length > 0 ? [`dropped the role${dropped.length > 1 ? 's' : ''} the migrations created: ${dropped.join(', ')}`] : []),
        ...(left.length > 0 ? [`could not drop the role${left.length > 1 ? 's' : ''} the migrations created: ${left.join(', ')}`] : []),
      ];
    });
    open.add(db);
    return db;
  } catch (error) {
    await undo();
    await admin.end().catch(() => {});
    if (error instanceof DatabaseSetupError) throw error;
    throw new DatabaseSetupError(redactText(`cannot prepare the scratch database on ${redact(url)}: ${toSqlError(error).message}`, url));
  }
}

function wrap(client: PgClient, version: string, description: string, privileged: PrivilegedSession | undefined, close: () => Promise<string[]>): Database {
  const notices: string[] = [];
  client.on('notice', (notice) => notices.push(`${(notice as { severity?: string }).severity ?? 'NOTICE'}: ${notice.message ?? ''}`));
  let closing: Promise<string[]> | undefined;
  return {
    description,
    kind: 'server',
    serverVersion: version,
    ...(privileged ? { privileged } : {}),
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
    close() {
      closing ??= close();
      return closing;
    },
  };
}

async function dropDatabase(admin: PgClient, name: string, quote: (s: string) => string): Promise<void> {
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  } catch {
    // Before PostgreSQL 13 there is no FORCE; our own connections are closed by now.
    await admin.query(`DROP DATABASE IF EXISTS ${quote(name)}`);
  }
}

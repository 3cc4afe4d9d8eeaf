// Role statements on a server. The migrations run as verify's own role, which cannot create or alter
// roles (on PostgreSQL before 16, CREATEROLE could grant itself pg_write_server_files). A migration's
// top-level CREATE ROLE and what it does with the roles it created (ALTER, GRANT membership, DROP,
// RENAME, COMMENT) are run for it by the URL's role in the scratch database, after these checks:
// - every role the statement changes was created by this run (never one that existed before);
// - nothing it grants leads back to privileges: no SUPERUSER, REPLICATION, CREATEROLE, CREATEDB,
//   no membership in a role that existed before (pg_write_server_files, pg_read_server_files, …),
//   no CURRENT_USER-like names (they would name the URL's role there).
// Anything else a role statement asks for is not run, and the run says why. Role statements inside
// DO blocks or functions run as verify's role, which Postgres refuses: nothing is bypassed.
// CREATE EXTENSION of an extension that is not trusted (only a superuser may create it) is run by the
// URL's role too: its script is the server's own, not the migration's.

import type { Statement } from '@migralint/core';
import type { Database, PrivilegedSession } from './database.js';
import type { SetupRoles } from './platform-stubs.js';

export type RoleRoute = { via: 'admin'; after?: () => Promise<void> } | { skip: string };

const DANGEROUS_OPTIONS = new Set(['superuser', 'replication', 'createrole', 'createdb', 'isreplication']);

/** How a server runs this statement: by the URL's role (checked), not at all, or as any other (undefined). */
export async function routeRoleStatement(statement: Statement, session: PrivilegedSession): Promise<RoleRoute | undefined> {
  const node = statement.node;
  const created = (name: string | undefined) => name !== undefined && session.createdRoles.has(name);
  const ours = (name: string | undefined) => created(name) || name === session.runRole;
  switch (statement.kind) {
    case 'CreateRoleStmt': {
      const name: string | undefined = typeof node.role === 'string' ? node.role : undefined;
      if (name === undefined) return { skip: 'a role without a name' };
      const refused = refusedOptions(node.options, created, ours);
      if (refused) return { skip: `CREATE ROLE ${name} ${refused}` };
      if (await session.roleExists(name)) return { via: 'admin' }; // Postgres says "already exists"; nothing changes.
      return { via: 'admin', after: () => session.adoptRole(name) };
    }
    case 'AlterRoleStmt': {
      const name = roleName(node.role);
      if (!created(name)) return { skip: 'it alters a role this run did not create (roles are shared by the whole server)' };
      const refused = refusedOptions(node.options, created, ours);
      return refused ? { skip: `ALTER ROLE ${name} ${refused}` } : { via: 'admin' };
    }
    case 'AlterRoleSetStmt':
      if (node.database !== undefined) return { skip: 'ALTER ROLE … IN DATABASE acts on another database of the server' };
      return created(roleName(node.role)) ? { via: 'admin' } : { skip: 'it alters a role this run did not create (roles are shared by the whole server)' };
    case 'DropRoleStmt': {
      const names = (node.roles ?? []).map((r: any) => roleName(r.RoleSpec));
      return names.every(created) ? { via: 'admin' } : { skip: 'it drops a role this run did not create' };
    }
    case 'GrantRoleStmt': {
      const granted: Array<string | undefined> = (node.granted_roles ?? []).map((r: any) => r.AccessPriv?.priv_name);
      const grantees: Array<string | undefined> = (node.grantee_roles ?? []).map((r: any) => roleName(r.RoleSpec));
      if (node.grantor) return { skip: 'GRANTED BY names a role of the server' };
      if (!granted.every(created)) return { skip: 'it grants or revokes membership in a role this run did not create' };
      if (!grantees.every(ours)) return { skip: 'it changes the memberships of a role this run did not create' };
      return { via: 'admin' };
    }
    case 'RenameStmt':
      if (node.renameType !== 'OBJECT_ROLE') return undefined;
      if (!created(node.subname)) return { skip: 'it renames a role this run did not create' };
      return { via: 'admin', after: () => session.adoptRole(node.newname) };
    case 'CommentStmt':
      if (node.objtype !== 'OBJECT_ROLE') return undefined;
      return created(node.object?.String?.sval) ? { via: 'admin' } : { skip: 'it comments a role this run did not create' };
    case 'CreateExtensionStmt':
      return (await session.extensionTrusted(String(node.extname))) === false ? { via: 'admin' } : undefined;
    default:
      return undefined;
  }
}

/** A role name written as a name (not CURRENT_USER, SESSION_USER, PUBLIC). */
function roleName(spec: any): string | undefined {
  return spec?.roletype === 'ROLESPEC_CSTRING' ? spec.rolename : undefined;
}

/** Why CREATE/ALTER ROLE options are not run for the migration, or undefined when they may be. */
function refusedOptions(options: any[] | undefined, created: (n: string | undefined) => boolean, ours: (n: string | undefined) => boolean): string | undefined {
  for (const option of options ?? []) {
    const def = option?.DefElem;
    if (!def) continue;
    const name = String(def.defname);
    if (DANGEROUS_OPTIONS.has(name) && def.arg?.Boolean?.boolval !== false && def.arg?.Integer?.ival !== 0) {
      return `asks for ${name.toUpperCase()}: verify gives no migration more than the scratch database`;
    }
    const names: Array<string | undefined> = (def.arg?.List?.items ?? []).map((i: any) => roleName(i.RoleSpec));
    if (name === 'addroleto' && !names.every(created)) return 'makes it a member of a role this run did not create';
    if ((name === 'rolemembers' || name === 'adminmembers') && !names.every(ours)) return 'gives it to a role this run did not create';
  }
  return undefined;
}

/**
 * The roles a setup needs (Supabase's anon, authenticated, …). On a server: made by the URL's role
 * when missing, granted to the run role, dropped after the run; a role that existed is used as it
 * is. On PGlite (a private cluster): the same statements, guarded.
 */
export async function createSetupRoles(db: Database, setup: SetupRoles): Promise<void> {
  const create = (role: string) => {
    const extra = setup.options?.[role] ?? '';
    return `create role ${quoteName(role)} ${/\blogin\b/.test(extra) ? '' : 'nologin '}noinherit ${extra}`.trim();
  };
  const grants = Object.entries(setup.members ?? {}).map(([member, roles]) => ({ member, roles, sql: `grant ${roles.map(quoteName).join(', ')} to ${quoteName(member)}` }));
  const session = db.privileged;
  if (!session) {
    const guarded = setup.roles.map((r) => `if not exists (select 1 from pg_roles where rolname = ${quoteLiteral(r)}) then ${create(r)}; end if;`);
    await db.exec(`do $roles$ begin ${guarded.join(' ')} ${grants.map((g) => `${g.sql};`).join(' ')} end $roles$`);
    return;
  }
  for (const role of setup.roles) {
    if (await session.roleExists(role)) continue;
    await session.exec(create(role));
    await session.adoptRole(role);
  }
  for (const grant of grants) {
    if ([grant.member, ...grant.roles].every((r) => session.createdRoles.has(r))) await session.exec(grant.sql);
  }
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

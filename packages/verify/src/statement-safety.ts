// Statements verify does not send to a real server, with the reason said in the findings: their
// effect reaches beyond the scratch database the run owns (other databases, the server's
// configuration, files on the server, roles that existed before the run). This is for clear
// messages, not the protection: the migrations run as an unprivileged role of verify's own
// (server-database.ts), so the same thing wrapped in a DO block fails there anyway. PGlite is a
// private throwaway cluster: everything runs there.

import type { Statement } from '@migralint/core';

export interface SafetyContext {
  /** Roles created during this run (they may be altered and dropped). */
  createdRoles: ReadonlySet<string>;
}

const COPY_FILE = 'COPY with a server-side file or program';

/**
 * Statements no database gets from verify: `COPY … FROM STDIN` is followed in the file by data rows
 * in psql's format, which only psql sends (a server would wait for them); `COPY` to or from a file
 * or program of the database server.
 */
export function skipReasonEverywhere(statement: Statement): string | undefined {
  if (statement.kind === 'CopyStmt' && statement.node.is_from && statement.node.filename === undefined && !statement.node.is_program) {
    return 'COPY … FROM STDIN: its data rows are sent by psql, not by a migration runner';
  }
  // The server's files are not the history's business; PGlite has none (a COPY TO a file breaks its error handling).
  if (statement.kind === 'CopyStmt' && (statement.node.filename !== undefined || statement.node.is_program)) return COPY_FILE;
  return undefined;
}

/** Why the statement is not sent to the server, or undefined when it is safe to send. */
export function serverSkipReason(statement: Statement, context: SafetyContext): string | undefined {
  const node = statement.node;
  const preExistingRole = (spec: any) => {
    const name: string | undefined = spec?.roletype === 'ROLESPEC_CSTRING' ? spec.rolename : undefined;
    return name === undefined || !context.createdRoles.has(name);
  };
  switch (statement.kind) {
    case 'CreatedbStmt':
    case 'DropdbStmt':
    case 'AlterDatabaseStmt':
    case 'AlterDatabaseSetStmt':
    case 'AlterDatabaseRefreshCollStmt':
      return 'it acts on another database of the server';
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM changes the server\'s configuration';
    case 'CreateTableSpaceStmt':
    case 'DropTableSpaceStmt':
    case 'AlterTableSpaceOptionsStmt':
      return 'tablespaces are shared by the whole server';
    case 'CreateSubscriptionStmt':
    case 'AlterSubscriptionStmt':
    case 'DropSubscriptionStmt':
      return 'a subscription connects to another server';
    case 'LoadStmt':
      return 'LOAD loads a library into the server process';
    case 'AlterRoleStmt':
    case 'AlterRoleSetStmt':
      return preExistingRole(node.role) ? 'it alters a role that existed before the run (roles are shared by the whole server)' : undefined;
    case 'DropRoleStmt':
      return (node.roles ?? []).some((r: any) => preExistingRole(r.RoleSpec)) ? 'it drops a role that existed before the run' : undefined;
    case 'RenameStmt':
      if (node.renameType === 'OBJECT_ROLE' && !context.createdRoles.has(node.subname)) return 'it renames a role that existed before the run';
      if (node.renameType === 'OBJECT_DATABASE' || node.renameType === 'OBJECT_TABLESPACE') return 'it renames a database or tablespace of the server';
      return undefined;
    case 'AlterOwnerStmt':
      return node.objectType === 'OBJECT_DATABASE' || node.objectType === 'OBJECT_TABLESPACE' ? 'it changes the owner of a database or tablespace of the server' : undefined;
    case 'GrantStmt':
      return node.objtype === 'OBJECT_DATABASE' || node.objtype === 'OBJECT_TABLESPACE' ? 'it grants on a database or tablespace of the server' : undefined;
    case 'GrantRoleStmt':
      return (node.granted_roles ?? []).some((r: any) => !context.createdRoles.has(r.AccessPriv?.priv_name)) &&
        (node.grantee_roles ?? []).some((r: any) => preExistingRole(r.RoleSpec))
        ? 'it changes the membership of roles that existed before the run'
        : undefined;
    case 'ReassignOwnedStmt':
      return 'REASSIGN OWNED also reassigns databases and tablespaces of the server';
    case 'CommentStmt':
    case 'SecLabelStmt':
      return ['OBJECT_DATABASE', 'OBJECT_ROLE', 'OBJECT_TABLESPACE'].includes(node.objtype) ? 'it labels an object shared by the whole server' : undefined;
    default:
      return undefined;
  }
}

/** Role names a CREATE ROLE / USER / GROUP statement creates. */
export function createdRoleName(statement: Statement): string | undefined {
  return statement.kind === 'CreateRoleStmt' && typeof statement.node.role === 'string' ? statement.node.role : undefined;
}

// Which public roles can still use a relation: the schema model does not keep GRANT and REVOKE, so
// this replays them from the statements. Only what the history says is known, so the start is an
// assumption: `anon`, `authenticated` and any other public role hold every privilege on a new table
// or view (Supabase's default privileges on `public`; a history that relies on them never says so),
// while `PUBLIC` holds none (Postgres' default). `GRANT` / `REVOKE … ON [TABLE] t` and `ON ALL
// TABLES IN SCHEMA s` change that; creating a relation again starts over; renames carry it along.
// The rules use it to stay quiet about a table or view every public role was revoked from.

import type { AstNode, QualifiedName } from '@migralint/core';
import { nameKey, type History } from './history.js';
import { roleNames } from './rls-settings.js';

export type Privilege = 'select' | 'insert' | 'update' | 'delete';
const ALL: readonly Privilege[] = ['select', 'insert', 'update', 'delete'];

type Grants = Map<string, Set<Privilege>>;

export class PublicAccess {
  private states = new Map<number, Map<string, Grants>>();

  constructor(
    private readonly history: History,
    private readonly publicRoles: readonly string[],
  ) {}

  /** The public roles holding `privilege` (default: any RLS-governed one) on relation `name` after position `pos`. */
  rolesWith(name: QualifiedName, pos: number, privilege?: Privilege): string[] {
    const grants = this.stateAt(pos).get(nameKey(name));
    return this.publicRoles.filter((role) => {
      const held = grants?.get(role) ?? defaultPrivileges(role);
      return privilege ? held.has(privilege) : held.size > 0;
    });
  }

  private stateAt(pos: number): Map<string, Grants> {
    let state = this.states.get(pos);
    if (state) return state;
    // Continue from the latest state computed before `pos` (rules ask in history order).
    let from = -1;
    for (const known of this.states.keys()) if (known < pos && known > from) from = known;
    state = from === -1 ? new Map() : copyState(this.states.get(from)!);
    for (const entry of this.history.entries) {
      if (entry.pos <= from) continue;
      if (entry.pos > pos) break;
      const { kind, node } = entry.statement;
      const resolve = (rv: AstNode) => this.history.resolveRangeVar(entry, rv);
      switch (kind) {
        case 'CreateStmt':
          if (node.relation && !node.if_not_exists) state.delete(nameKey(resolve(node.relation)));
          break;
        case 'ViewStmt':
          if (node.view && !node.replace) state.delete(nameKey(resolve(node.view)));
          break;
        case 'CreateTableAsStmt':
          if (node.into?.rel && !node.if_not_exists) state.delete(nameKey(resolve(node.into.rel)));
          break;
        case 'DropStmt':
          if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(node.removeType)) {
            for (const object of node.objects ?? []) {
              const parts: string[] = (object.List?.items ?? []).map((i: AstNode) => i.String?.sval);
              const name = parts.at(-1);
              if (name) state.delete(nameKey(this.history.resolve(entry, { schema: parts.length > 1 ? parts.at(-2) : undefined, name })));
            }
          }
          break;
        case 'RenameStmt':
        case 'AlterObjectSchemaStmt': {
          if (!node.relation?.relname) break;
          const from = resolve(node.relation);
          const to =
            kind === 'RenameStmt'
              ? typeof node.newname === 'string' && ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(node.renameType)
                ? { schema: from.schema, name: node.newname }
                : undefined
              : typeof node.newschema === 'string'
                ? { schema: node.newschema, name: from.name }
                : undefined;
          const grants = state.get(nameKey(from));
          if (to && grants) {
            state.delete(nameKey(from));
            state.set(nameKey(to), grants);
          }
          break;
        }
        case 'GrantStmt': {
          if (node.objtype !== 'OBJECT_TABLE') break;
          const roles = roleNames(node.grantees).filter((r) => this.publicRoles.includes(r));
          if (roles.length === 0) break;
          const privileges = privilegesOf(node.privileges, node.is_grant === true);
          let targets: QualifiedName[] = [];
          if (node.targtype === 'ACL_TARGET_OBJECT') {
            targets = (node.objects ?? []).flatMap((o: AstNode) => (o.RangeVar?.relname ? [resolve(o.RangeVar)] : []));
          } else if (node.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
            const schemas = new Set((node.objects ?? []).map((o: AstNode) => o.String?.sval));
            const after = this.history.schema.after(entry.migration.index);
            targets = [...after.tables().map((t) => t.name), ...after.views().map((v) => v.name)].filter((n) => schemas.has(n.schema));
          }
          for (const target of targets) {
            const key = nameKey(target);
            let grants = state.get(key);
            if (!grants) state.set(key, (grants = new Map()));
            for (const role of roles) {
              const held = new Set(grants.get(role) ?? defaultPrivileges(role));
              for (const p of privileges) node.is_grant ? held.add(p) : held.delete(p);
              grants.set(role, held);
            }
          }
          break;
        }
      }
    }
    this.states.set(pos, state);
    return state;
  }
}

function copyState(state: Map<string, Grants>): Map<string, Grants> {
  return new Map([...state].map(([key, grants]) => [key, new Map([...grants].map(([role, held]) => [role, new Set(held)]))]));
}

function defaultPrivileges(role: string): Set<Privilege> {
  return new Set(role === 'public' ? [] : ALL);
}

/**
 * The RLS-governed privileges a GRANT / REVOKE names; no list means ALL. A column privilege gives
 * access to the table when granted, but revoking one leaves a table-wide grant in place.
 */
export function privilegesOf(privileges: readonly AstNode[] | undefined, isGrant: boolean): Privilege[] {
  if (!privileges?.length) return [...ALL];
  return privileges.flatMap((p) => {
    if (!isGrant && p.AccessPriv?.cols?.length) return [];
    const name = String(p.AccessPriv?.priv_name ?? 'all');
    if (name === 'all') return [...ALL];
    return (ALL as readonly string[]).includes(name) ? [name as Privilege] : [];
  });
}

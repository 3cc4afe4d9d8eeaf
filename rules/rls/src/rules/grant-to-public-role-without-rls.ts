/**
 * `GRANT SELECT ON profiles TO anon` means "anyone with the API key may read profiles" — which rows,
 * row-level security decides. On a table without RLS the answer is all of them (and for INSERT,
 * UPDATE, DELETE: may write all of them). Judged at the end of the history: RLS enabled on the table
 * in a later migration is fine, a table dropped later is not reported. `GRANT … ON ALL TABLES IN
 * SCHEMA s` is checked against the tables of `s` when it runs. Only privileges RLS governs count
 * (SELECT, INSERT, UPDATE, DELETE, ALL); the roles come from settings.publicRoles. Like
 * `rls/table-without-rls`, the default `when: "auto"` stays quiet in histories that never use RLS
 * outside Supabase projects. Tables the history never creates are skipped (their RLS is unknown), and
 * so is a grant every role of which is revoked again later.
 */
import { defineRule, ruleDocsUrl, type AstNode, type QualifiedName, type Range } from '@migralint/core';
import { historiesOf, type History, type HistoryEntry } from '../history.js';
import { displayQualifiedName } from '@migralint/core';
import { PublicAccess, privilegesOf, type Privilege } from '../public-access.js';
import { rlsSettings, roleNames, whenOption } from '../rls-settings.js';
import { wordRuns } from '@migralint/core';

export interface GrantToPublicRoleWithoutRlsOptions {
  /** `auto`: only in Supabase histories and histories that use RLS somewhere; `always`: everywhere. */
  when: 'auto' | 'always';
}

const RLS_PRIVILEGES = new Set(['select', 'insert', 'update', 'delete']);

export default defineRule<GrantToPublicRoleWithoutRlsOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `GRANT` on a table to a public role when the table has no row-level security by the end of the history.',
      url: ruleDocsUrl('rls', 'grant-to-public-role-without-rls'),
      why:
        'A grant to anon, authenticated or PUBLIC lets anyone with the API key or an account use the table; without row-level ' +
        'security that means every row.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      grant:
        'GRANT {{privileges}} on "{{table}}" to {{roles}} opens every row: the table never gets row-level security; enable it and add policies, or grant to a narrower role',
      grantAll:
        'GRANT {{privileges}} on all tables in schema "{{schema}}" to {{roles}} opens every row of {{tables}}: they never get row-level security; enable it on them, or grant table by table',
    },
    schema: {
      type: 'object',
      properties: {
        when: whenOption,
      },
      additionalProperties: false,
    },
    defaultOptions: { when: 'auto' },
  },
  project(context) {
    const settings = rlsSettings(context.settings);
    for (const history of historiesOf(context.project)) {
      if (context.options.when !== 'always' && history.set.layout !== 'supabase' && !history.usesRls()) continue;
      const atEnd = history.schema.atEnd();
      const access = new PublicAccess(history, settings.publicRoles);
      const last = history.entries.length - 1;
      /**
       * The table `name` (as of position `pos`) at the end, when the history created it and it has
       * no RLS then, with those of `roles` that still hold one of the granted privileges.
       */
      const openAtEnd = (pos: number, name: QualifiedName, roles: string[], granted: Privilege[]) => {
        const final = history.follow(name, pos);
        const table = atEnd.table(final);
        if (!table || table.createdIn === undefined || table.rlsEnabled) return undefined;
        const holding = new Set(granted.flatMap((p) => access.rolesWith(final, last, p)));
        const still = roles.filter((r) => holding.has(r));
        return still.length > 0 ? { table: final, roles: still } : undefined;
      };
      for (const entry of history.entries) {
        const { kind, node } = entry.statement;
        if (kind !== 'GrantStmt' || !node.is_grant || node.objtype !== 'OBJECT_TABLE') continue;
        const privileges = grantedPrivileges(node.privileges);
        if (privileges.length === 0) continue;
        const granted = privilegesOf(node.privileges, true);
        const roles = roleNames(node.grantees).filter((r) => settings.publicRoles.includes(r));
        if (roles.length === 0) continue;
        const shown = (list: string[]) => list.map((r) => (r === 'public' ? 'PUBLIC' : r)).join(', ');
        const note =
          'Enable row-level security on the table (`ALTER TABLE … ENABLE ROW LEVEL SECURITY;`, in this or a later migration) ' +
          'and write policies for the rows each user may reach; or grant to a role that is meant to see every row.';
        if (node.targtype === 'ACL_TARGET_OBJECT') {
          for (const object of node.objects ?? []) {
            const rv = object.RangeVar;
            if (!rv?.relname) continue;
            const open = openAtEnd(entry.pos, history.resolveRangeVar(entry, rv), roles, granted);
            if (!open) continue;
            context.report({
              file: entry.file.path,
              messageId: 'grant',
              data: { privileges: privileges.join(', '), table: displayQualifiedName(open.table), roles: shown(open.roles) },
              at: rv,
              note,
            });
          }
        } else if (node.targtype === 'ACL_TARGET_ALL_IN_SCHEMA') {
          const schemas = (node.objects ?? []).map((o: AstNode) => o.String?.sval).filter((s: unknown): s is string => typeof s === 'string');
          schemas.forEach((schema: string, i: number) => {
            // The tables of the schema at the end of this migration (renamed later: followed from there).
            const end = history.endOfMigration(entry.migration.index);
            const open = tablesOf(history, entry, schema).flatMap((t) => openAtEnd(end, t, roles, granted) ?? []);
            const still = roles.filter((r) => open.some((o) => o.roles.includes(r)));
            if (open.length === 0) return;
            context.report({
              file: entry.file.path,
              messageId: 'grantAll',
              data: { privileges: privileges.join(', '), schema, roles: shown(still), tables: listOf(open.map((o) => `"${displayQualifiedName(o.table)}"`)) },
              at: schemaRange(context.tokensOf(entry.file.path, entry.statement), i) ?? entry.statement,
              note,
            });
          });
        }
      }
    }
  },
});

/** The privileges of a grant that RLS governs; no list means ALL PRIVILEGES. */
function grantedPrivileges(privileges: readonly AstNode[] | undefined): string[] {
  if (!privileges?.length) return ['ALL'];
  return privileges
    .map((p) => String(p.AccessPriv?.priv_name ?? 'all'))
    .filter((p) => p === 'all' || RLS_PRIVILEGES.has(p))
    .map((p) => p.toUpperCase());
}

/** The tables of `schema` when `entry` runs (those created by its migration up to then included). */
function tablesOf(history: History, entry: HistoryEntry, schema: string): QualifiedName[] {
  return history.schema
    .after(entry.migration.index)
    .tables()
    .filter((t) => t.name.schema === schema && t.kind !== 'temporary')
    .map((t) => t.name);
}

/** The schema name after the `i`-th `IN SCHEMA` … list: its token. */
function schemaRange(tokens: Parameters<typeof wordRuns>[0], i: number): Range | undefined {
  const run = wordRuns(tokens, ['in', 'schema'])[0];
  if (!run) return undefined;
  const names = tokens.filter((t) => t.start >= run.end && t.kind !== 'punctuation');
  const token = names[i];
  return token ? { start: token.start, end: token.end } : undefined;
}

function listOf(items: string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}

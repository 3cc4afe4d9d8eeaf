/**
 * A view runs its query with the rights of the view's owner, not the caller's — and the owner of a
 * migration's view (`postgres`) bypasses row-level security. So a view in an exposed schema over a
 * table with RLS hands every row of that table to whoever may select from the view (in Supabase:
 * `anon` and `authenticated`, by default). Since Postgres 15, `WITH (security_invoker = true)` makes
 * the view check permissions and policies as the caller. Judged at the end of the history (a later
 * `ALTER VIEW … SET (security_invoker = true)` or a later ENABLE on the table counts), through views
 * over views, and reported at the statement that last defined the view. Materialized views store
 * rows and never apply RLS: one over an RLS table in an exposed schema is reported too. Before
 * Postgres 15 (settings.postgresVersion) there is no `security_invoker`, and the message says what to
 * do instead.
 */
import { defineRule, ruleDocsUrl, type AstNode, type QualifiedName, type SchemaSnapshot, type ViewInfo } from '@migralint/core';
import { historiesOf, nameKey, type HistoryEntry } from '../history.js';
import { displayQualifiedName } from '@migralint/core';
import { PublicAccess } from '../public-access.js';
import { isExposed, rlsSettings } from '../rls-settings.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a view in an exposed schema over a table with row-level security that does not use `security_invoker`.',
      url: ruleDocsUrl('rls', 'view-security-invoker'),
      why:
        "A view runs with its owner's rights, and the owner of a migration's view bypasses row-level security: every caller " +
        'who may select from the view reads every row of the tables under it. security_invoker = true (Postgres 15+) applies the caller\'s policies.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      definerView:
        'View "{{view}}" reads "{{table}}", which has row-level security, but runs with its owner\'s rights and bypasses the policies; create it WITH (security_invoker = true)',
      definerViewBefore15:
        'View "{{view}}" reads "{{table}}", which has row-level security, but runs with its owner\'s rights and bypasses the policies, and Postgres {{version}} has no security_invoker (15+); move the view out of the exposed schemas or revoke access to it from public roles',
      materializedView:
        'Materialized view "{{view}}" stores rows of "{{table}}", which has row-level security, and serves them without its policies; move it to a schema the API does not expose',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [
      { tool: 'splinter', rule: 'security_definer_view' },
      { tool: 'splinter', rule: 'materialized_view_in_api' },
    ],
  },
  project(context) {
    const settings = rlsSettings(context.settings);
    const version = context.settings.postgresVersion;
    for (const history of historiesOf(context.project)) {
      const definedBy = lastDefinitions(history);
      // No view defined by a statement here: nothing to report, and no need for the replayed schema.
      if (definedBy.size === 0) continue;
      const atEnd = history.schema.atEnd();
      const access = new PublicAccess(history, settings.publicRoles);
      for (const view of atEnd.views()) {
        if (!isExposed(settings, view.name.schema) || (view.securityInvoker && !view.materialized)) continue;
        const table = rlsTableUnder(atEnd, view);
        if (!table) continue;
        const definition = definedBy.get(nameKey(view.name));
        if (!definition) continue;
        // SELECT revoked from every public role: no client reads through it.
        if (access.rolesWith(view.name, history.entries.length - 1, 'select').length === 0) continue;
        const messageId = view.materialized ? 'materializedView' : version >= 15 ? 'definerView' : 'definerViewBefore15';
        context.report({
          file: definition.entry.file.path,
          messageId,
          data: { view: displayQualifiedName(view.name), table: displayQualifiedName(table), version },
          at: definition.relation,
          note: view.materialized
            ? 'A materialized view is a copy of the rows, readable by anyone granted SELECT on it. Keep it in a schema the API does not ' +
              'expose and reach it through a security_invoker view or a function that checks the caller.'
            : version >= 15
              ? `\`CREATE OR REPLACE VIEW ${displayQualifiedName(view.name)} WITH (security_invoker = true) AS …\` or ` +
                `\`ALTER VIEW ${displayQualifiedName(view.name)} SET (security_invoker = true);\`: the caller's privileges and policies then apply.`
              : 'Before Postgres 15, a view always checks with its owner\'s rights. Move it to a schema the API does not expose, ' +
                'revoke SELECT on it from anon/authenticated, or filter rows in the view by the caller (e.g. `WHERE user_id = auth.uid()`).',
        });
      }
    }
  },
});

/** A table with RLS the view reads, directly or through other views. */
function rlsTableUnder(snapshot: SchemaSnapshot, view: ViewInfo): QualifiedName | undefined {
  const seen = new Set<string>();
  const queue = [...view.reads];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (seen.has(nameKey(name))) continue;
    seen.add(nameKey(name));
    if (snapshot.table(name)?.rlsEnabled) return name;
    const inner = snapshot.view(name);
    if (inner) queue.push(...inner.reads);
  }
  return undefined;
}

/**
 * Final view name → the last statement that set what it is: CREATE [OR REPLACE] VIEW, CREATE
 * MATERIALIZED VIEW, or ALTER VIEW … SET / RESET (security_invoker).
 */
function lastDefinitions(history: ReturnType<typeof historiesOf>[number]): Map<string, { entry: HistoryEntry; relation: AstNode }> {
  const out = new Map<string, { entry: HistoryEntry; relation: AstNode }>();
  for (const entry of history.entries) {
    const { kind, node } = entry.statement;
    let relation: AstNode | undefined;
    if (kind === 'ViewStmt') relation = node.view;
    else if (kind === 'CreateTableAsStmt' && node.objtype === 'OBJECT_MATVIEW') relation = node.into?.rel;
    else if (kind === 'AlterTableStmt' && node.objtype === 'OBJECT_VIEW' && (node.cmds ?? []).some(setsSecurityInvoker)) relation = node.relation;
    if (!relation?.relname) continue;
    const name = history.follow(history.resolveRangeVar(entry, relation), entry.pos);
    out.set(nameKey(name), { entry, relation });
  }
  return out;
}

function setsSecurityInvoker(cmd: AstNode): boolean {
  const c = cmd.AlterTableCmd;
  if (c?.subtype !== 'AT_SetRelOptions' && c?.subtype !== 'AT_ResetRelOptions') return false;
  return (c.def?.List?.items ?? []).some((item: AstNode) => item.DefElem?.defname === 'security_invoker');
}

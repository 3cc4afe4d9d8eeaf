/**
 * `USING (true)` and `WITH CHECK (true)` make a permissive policy grant every row. On a write
 * command (INSERT, UPDATE, DELETE, ALL) that lets its roles change or delete anyone's data; for a
 * public role (`anon`, `authenticated`, `PUBLIC` — settings.publicRoles) it hands every row to
 * anyone with the API key or an account. Sometimes that is the point (a public catalog), and then a
 * directive with the reason says so; `allowPublicSelect` accepts `FOR SELECT … USING (true)` like
 * Supabase's splinter does. Restrictive policies restrict nothing with `true` and are not reported,
 * nor are policies only for roles that bypass RLS anyway (`ignoreRoles`: Supabase's `service_role`,
 * `postgres`, `supabase_admin`).
 */
import { defineRule, ruleDocsUrl, type AstNode, type PolicyInfo, type Range, type RuleContext } from '@migralint/core';
import { isConstantTrue } from '../expressions.js';
import { rlsSettings, roleNames } from '../rls-settings.js';

export interface PermissiveTruePolicyOptions {
  /** Accept `FOR SELECT … USING (true)` (a deliberate public read) whatever the roles. */
  allowPublicSelect: boolean;
  /** Roles a policy may grant everything to (they bypass RLS anyway). */
  ignoreRoles: string[];
}

type Command = PolicyInfo['command'];

export default defineRule<PermissiveTruePolicyOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report permissive policies with `USING (true)` or `WITH CHECK (true)` on write commands or for public roles.',
      url: ruleDocsUrl('rls', 'permissive-true-policy'),
      why:
        'A permissive policy whose expression is `true` grants every row: on a write command its roles may change or delete ' +
        "anyone's data, and for a public role anyone with the API key or an account reads or writes it all.",
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      alwaysTrue:
        'Policy "{{policy}}" lets {{roles}} {{action}} every row of "{{table}}" ({{clause}} is always true); restrict it to the rows each user owns, or say with a directive why all rows are meant',
    },
    schema: {
      type: 'object',
      properties: {
        allowPublicSelect: { type: 'boolean', description: 'Accept `FOR SELECT … USING (true)`, a deliberate public read, for any role.' },
        ignoreRoles: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'Roles that bypass RLS anyway: a policy only for them is not reported.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { allowPublicSelect: false, ignoreRoles: ['service_role', 'postgres', 'supabase_admin'] },
    sources: [{ tool: 'splinter', rule: 'rls_policy_always_true' }],
  },
  create(context) {
    const settings = rlsSettings(context.settings);
    const check = (node: AstNode, policy: { command: Command; permissive: boolean; roles: string[] }) => {
      if (!policy.permissive) return;
      const ignored = new Set(context.options.ignoreRoles ?? []);
      if (policy.roles.length > 0 && policy.roles.every((r) => ignored.has(r))) return;
      const write = policy.command !== 'select';
      const publicRoles = policy.roles.filter((r) => settings.publicRoles.includes(r));
      for (const [clause, expr] of [['USING', node.qual], ['WITH CHECK', node.with_check]] as const) {
        if (!isConstantTrue(expr)) continue;
        if (!write && (publicRoles.length === 0 || context.options.allowPublicSelect)) continue;
        context.report({
          messageId: 'alwaysTrue',
          data: {
            policy: node.policy_name,
            roles: policy.roles.map((r) => (r === 'public' ? 'PUBLIC' : r)).join(', '),
            action: action(policy.command, clause, node.with_check !== undefined),
            table: written(node.table),
            clause,
          },
          at: constantRange(context, expr as AstNode),
          note:
            'Write the condition a row must meet, e.g. `USING ((select auth.uid()) = user_id)` and the same in WITH CHECK, ' +
            'so each user reaches only their rows. A table that is public on purpose (a product catalog) can keep ' +
            '`FOR SELECT … USING (true)` with `-- migralint-disable-next-statement rls/permissive-true-policy -- <why>`; ' +
            'writes should almost never be open to every row.',
        });
      }
    };
    return {
      CreatePolicyStmt(node) {
        check(node, {
          command: (node.cmd_name ?? 'all') as Command,
          permissive: node.permissive === true,
          roles: node.roles?.length ? roleNames(node.roles) : ['public'],
        });
      },
      AlterPolicyStmt(node) {
        // ALTER POLICY does not repeat the command: the model knows it (and the roles, after this migration).
        const known = knownPolicy(context, node);
        check(node, {
          command: known?.command ?? 'all',
          permissive: known?.permissive ?? true,
          roles: node.roles?.length ? roleNames(node.roles) : (known?.roles ?? ['public']),
        });
      },
    };
  },
});

/** The constant itself: `true`, `true::boolean`, or the whole `1 = 1`. */
function constantRange(context: RuleContext<PermissiveTruePolicyOptions>, expr: AstNode): Range {
  if (expr.A_Expr) return { start: context.rangeOf(expr.A_Expr.lexpr.A_Const).start, end: context.rangeOf(expr.A_Expr.rexpr.A_Const).end };
  if (expr.TypeCast) {
    const start = context.rangeOf(expr.TypeCast.arg.A_Const).start;
    return { start, end: Math.max(start, context.rangeOf(expr.TypeCast.typeName).end) };
  }
  return context.rangeOf(expr.A_Const);
}

function knownPolicy(context: RuleContext<PermissiveTruePolicyOptions>, node: AstNode): PolicyInfo | undefined {
  const schema = context.schema;
  if (!schema || !node.table?.relname) return undefined;
  const name = schema.resolve({ ...(node.table.schemaname ? { schema: node.table.schemaname } : {}), name: node.table.relname });
  const find = (t: ReturnType<typeof schema.before.table>) => t?.policies.find((p) => p.name === node.policy_name);
  return find(schema.after.table(name)) ?? find(schema.before.table(name));
}

function action(command: Command, clause: 'USING' | 'WITH CHECK', hasWithCheck: boolean): string {
  switch (command) {
    case 'select':
      return 'read';
    case 'insert':
      return 'insert';
    case 'update':
      return clause === 'USING' ? 'update' : 'write';
    case 'delete':
      return 'delete';
    default:
      // Without WITH CHECK, FOR ALL checks new rows with USING too.
      if (clause === 'USING') return hasWithCheck ? 'read, update and delete' : 'read, insert, update and delete';
      return 'insert and update';
  }
}

function written(rangeVar: AstNode | undefined): string {
  if (!rangeVar) return '?';
  return rangeVar.schemaname ? `${rangeVar.schemaname}.${rangeVar.relname}` : String(rangeVar.relname);
}

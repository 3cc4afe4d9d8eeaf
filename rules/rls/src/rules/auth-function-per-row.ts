/**
 * In `USING (auth.uid() = user_id)` Postgres calls `auth.uid()` once for every row it checks — a
 * function that reads the request's JWT each time — which makes policies on large tables tens to
 * hundreds of times slower. Written as `(select auth.uid())` the call is a scalar sub-select that
 * depends on no row, so the planner runs it once per query (an InitPlan) and compares a constant.
 * A call counts as wrapped when the nearest SELECT around it has no FROM, no WHERE and reads no
 * column: `(select auth.jwt() ->> 'role')` is fine, `EXISTS (SELECT 1 FROM members m WHERE
 * m.user_id = auth.uid())` is not (wrap it there too). Calls whose arguments read a column depend on
 * the row and are left alone. The functions come from settings.authFunctions.
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { walkAst, type AstAncestor } from '@migralint/core';
import { nameParts } from '../expressions.js';
import { rlsSettings } from '../rls-settings.js';
import type { WrittenName } from '@migralint/core';
import { callRange } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report auth function calls in a policy that are not wrapped in `(select …)` and so run once per row.',
      url: ruleDocsUrl('rls', 'auth-function-per-row'),
      why:
        'A bare auth.uid() in a policy is called for every row the policy checks; wrapped as (select auth.uid()) it runs once ' +
        'per query, which keeps policies on large tables fast.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    hasSuggestions: true,
    messages: {
      perRow:
        'Policy "{{policy}}" calls {{call}} once for every row it checks; write (select {{call}}) so Postgres calls it once per query',
      wrap: 'Wrap the call: (select {{call}})',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'splinter', rule: 'auth_rls_initplan' }],
  },
  create(context) {
    const functions = rlsSettings(context.settings).authFunctions;
    const check = (node: AstNode) => {
      const calls: AstNode[] = [];
      for (const expr of [node.qual, node.with_check]) {
        walkAst(expr, (kind, fields, ancestors) => {
          if (kind !== 'FuncCall' || !isAuthFunction(fields, functions)) return;
          if (readsColumn(fields.args) || isWrapped(ancestors)) return;
          calls.push(fields);
        });
      }
      if (calls.length === 0) return;
      const tokens = context.tokensOf();
      for (const call of calls) {
        const start = context.rangeOf(call);
        const range = callRange(tokens, start.start);
        const text = range ? context.file.text.slice(range.start, range.end) : `${nameParts(call.funcname).join('.')}()`;
        context.report({
          messageId: 'perRow',
          data: { policy: node.policy_name, call: text },
          at: range ?? call,
          note:
            `Postgres cannot tell that ${text} returns the same value for every row, so it calls it per row; ` +
            `(select ${text}) is a sub-select that depends on no row and runs once per query (an InitPlan). ` +
            'Also index the columns the policy compares (e.g. user_id).',
          ...(range ? { suggest: [{ messageId: 'wrap', data: { call: text }, fix: { range: [range.start, range.end] as [number, number], text: `(select ${text})` } }] } : {}),
        });
      }
    };
    return { CreatePolicyStmt: check, AlterPolicyStmt: check };
  },
});

function isAuthFunction(call: AstNode, functions: readonly WrittenName[]): boolean {
  const parts = nameParts(call.funcname);
  const name = parts.at(-1);
  const schema = parts.length > 1 ? parts.at(-2) : undefined;
  return functions.some((f) => f.name === name && (f.schema === schema || (f.schema === undefined && schema === 'pg_catalog')));
}

/** Arguments that read a column: the call depends on the row and cannot run once. */
function readsColumn(args: unknown): boolean {
  let found = false;
  walkAst(args, (kind) => {
    if (kind === 'ColumnRef') found = true;
  });
  return found;
}

/** The nearest SELECT around the call has no FROM, no WHERE and reads no column: one run per query. */
function isWrapped(ancestors: readonly AstAncestor[]): boolean {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    if (ancestors[i]!.type !== 'SelectStmt') continue;
    const select = ancestors[i]!.node;
    if (select.fromClause?.length || select.whereClause) return false;
    return !readsColumn(select.targetList);
  }
  return false;
}

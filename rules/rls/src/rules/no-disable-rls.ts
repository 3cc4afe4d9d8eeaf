/**
 * `DISABLE ROW LEVEL SECURITY` switches every policy of the table off at once: from the moment the
 * migration commits, every role granted access reads and writes every row. It is rarely what a
 * migration means — a data fix runs as the owner, who bypasses RLS anyway — and it is easy to miss in
 * review. `NO FORCE ROW LEVEL SECURITY` lets the table's owner bypass the policies again; it is
 * reported too unless `allowNoForce`. Not reported: a down migration (it undoes an up's ENABLE), and
 * a table whose RLS the same migration enables again afterwards (inside a transaction nobody sees
 * the gap).
 */
import { defineRule, ruleDocsUrl, type AstNode, type RuleContext } from '@migralint/core';
import { wordRuns } from '@migralint/core';

export interface NoDisableRlsOptions {
  /** Accept `NO FORCE ROW LEVEL SECURITY`. */
  allowNoForce: boolean;
}

export default defineRule<NoDisableRlsOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `DISABLE ROW LEVEL SECURITY` and `NO FORCE ROW LEVEL SECURITY`.',
      url: ruleDocsUrl('rls', 'no-disable-rls'),
      why:
        'Disabling row-level security switches off every policy of the table: every role granted access reads and writes ' +
        'every row. NO FORCE lets the owner bypass the policies again.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      disable:
        'Disabling row-level security on "{{table}}" switches off all its policies; every role granted access reads and writes every row; keep RLS on and change the policies instead',
      noForce:
        'NO FORCE ROW LEVEL SECURITY on "{{table}}" lets its owner bypass the policies again; keep FORCE if the application connects as the owner',
    },
    schema: {
      type: 'object',
      properties: { allowNoForce: { type: 'boolean', description: 'Accept `NO FORCE ROW LEVEL SECURITY`.' } },
      additionalProperties: false,
    },
    defaultOptions: { allowNoForce: false },
  },
  create(context) {
    return {
      AlterTableStmt(node) {
        const cmds: AstNode[] = node.cmds ?? [];
        const subtypes = cmds.map((c) => c.AlterTableCmd?.subtype);
        if (!subtypes.includes('AT_DisableRowSecurity') && !subtypes.includes('AT_NoForceRowSecurity')) return;
        if (context.migration?.part.direction === 'down') return;
        const tokens = context.tokensOf();
        const table = node.relation?.schemaname ? `${node.relation.schemaname}.${node.relation.relname}` : String(node.relation?.relname);
        const state = stateAfterMigration(context, node);
        const report = (words: string[], messageId: string, n: number, undone: boolean | undefined) => {
          if (undone) return;
          context.report({
            messageId,
            data: { table },
            at: wordRuns(tokens, words)[n] ?? node.relation,
            note:
              messageId === 'disable'
                ? 'A data fix does not need it: the table owner (the migration role) bypasses RLS unless FORCE is set. To open ' +
                  'rows to more users, write a policy for them. If RLS must go, say why with ' +
                  '`-- migralint-disable-next-statement rls/no-disable-rls -- <reason>`.'
                : 'With FORCE, the owner is subject to the policies too — what you want when the application connects as the ' +
                  'table owner. Without it, every query of the owner sees every row.',
          });
        };
        let disables = 0;
        let noForces = 0;
        for (const subtype of subtypes) {
          if (subtype === 'AT_DisableRowSecurity') report(['disable', 'row', 'level', 'security'], 'disable', disables++, state?.rlsEnabled);
          else if (subtype === 'AT_NoForceRowSecurity' && !context.options.allowNoForce) {
            report(['no', 'force', 'row', 'level', 'security'], 'noForce', noForces++, state?.rlsForced);
          }
        }
      },
    };
  },
});

/** The table's RLS flags at the end of this migration (enabled again later in it?), from the model. */
function stateAfterMigration(context: RuleContext<NoDisableRlsOptions>, node: AstNode) {
  const schema = context.schema;
  if (!schema || !node.relation?.relname) return undefined;
  const name = schema.resolve({ ...(node.relation.schemaname ? { schema: node.relation.schemaname } : {}), name: node.relation.relname });
  return schema.after.table(name);
}

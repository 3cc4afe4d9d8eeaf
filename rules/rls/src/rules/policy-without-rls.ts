/**
 * A policy does nothing until its table has row-level security: Postgres stores it and never looks
 * at it. A history that writes policies but forgets `ENABLE ROW LEVEL SECURITY` looks protected in
 * review while every row is open to every role granted access. Checked against the end of the
 * history: RLS enabled in a later migration is fine, a policy dropped later (or a table dropped
 * later) is not reported, and a policy dropped and created again is judged by its last CREATE.
 * Tables the history never creates (Supabase's `storage.objects`) are skipped: their RLS is set
 * outside the history.
 */
import { defineRule, ruleDocsUrl } from '@migralint/core';
import { historiesOf, nameKey, type HistoryEntry } from '../history.js';
import { displayName, displayQualifiedName, nameOfRangeVar } from '@migralint/core';
import { isWord, type Range, type SqlToken } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a policy on a table whose row-level security is not enabled by the end of the history.',
      url: ruleDocsUrl('rls', 'policy-without-rls'),
      why:
        'Postgres ignores the policies of a table without row-level security: the table looks protected while every role ' +
        'granted access reads and writes every row.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      rlsDisabled:
        'Policy "{{policy}}" on "{{table}}" has no effect: row-level security is never enabled on "{{table}}", so every role granted access reads and writes all rows; enable row-level security on the table',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'splinter', rule: 'policy_exists_rls_disabled' }],
  },
  project(context) {
    for (const history of historiesOf(context.project)) {
      // (final table, policy name) → the last CREATE POLICY of it.
      const last = new Map<string, { entry: HistoryEntry; policy: string; table: string }>();
      for (const entry of history.entries) {
        if (entry.statement.kind !== 'CreatePolicyStmt') continue;
        const node = entry.statement.node;
        if (!node.table?.relname || typeof node.policy_name !== 'string') continue;
        const name = history.follow(history.resolveRangeVar(entry, node.table), entry.pos);
        last.set(`${nameKey(name)}\u0000${node.policy_name}`, { entry, policy: node.policy_name, table: displayQualifiedName(name) });
      }
      // No policy here: nothing to check, and no need for the replayed schema.
      if (last.size === 0) continue;
      const atEnd = history.schema.atEnd();
      for (const { entry, policy, table } of last.values()) {
        const node = entry.statement.node;
        const name = history.follow(history.resolveRangeVar(entry, node.table), entry.pos);
        const info = atEnd.table(name);
        // Dropped later, external (RLS managed elsewhere), or the policy itself is gone.
        if (!info || info.createdIn === undefined || info.rlsEnabled) continue;
        if (!info.policies.some((p) => p.name === policy)) continue;
        const tokens = context.tokensOf(entry.file.path, entry.statement);
        context.report({
          file: entry.file.path,
          messageId: 'rlsDisabled',
          data: { policy, table },
          at: policyNameRange(tokens) ?? node.table,
          note:
            `Add \`ALTER TABLE ${displayName(nameOfRangeVar(node.table))} ENABLE ROW LEVEL SECURITY;\` (in this migration or a later one). ` +
            'Without it Postgres never evaluates the policies of the table; with it, they decide which rows each role reaches.',
        });
      }
    }
  },
});

/** The range of the name after `CREATE POLICY` / `ALTER POLICY` (the policy's name), if there. */
function policyNameRange(tokens: readonly SqlToken[]): Range | undefined {
  const name = isWord(tokens[1], 'policy') ? tokens[2] : undefined;
  return name ? { start: name.start, end: name.end } : undefined;
}

/**
 * With row-level security enabled, a command no permissive policy covers is denied to every role
 * but the table's owner and roles with BYPASSRLS: clients get no rows for a SELECT, and their INSERT,
 * UPDATE or DELETE fails or touches nothing. Often that is the intent (a read-only table, a table only
 * the server writes), so this is an `info` finding that names the uncovered commands. Restrictive
 * policies only narrow what permissive ones grant, so they cover nothing alone. Judged at the end of
 * the history, so a policy created later — or dropped and created again — counts; reported at the
 * last `ENABLE ROW LEVEL SECURITY` of the table. Tables the history never creates are skipped: their
 * policies live outside the history.
 */
import { defineRule, ruleDocsUrl, type AstNode, type PolicyInfo, type Range } from '@migralint/core';
import { historiesOf, nameKey, type HistoryEntry } from '../history.js';
import { displayQualifiedName } from '@migralint/core';
import { wordRuns } from '@migralint/core';

type Command = 'select' | 'insert' | 'update' | 'delete';
const COMMANDS: readonly Command[] = ['select', 'insert', 'update', 'delete'];

export interface RlsWithoutPolicyOptions {
  /** The commands every RLS table should have a permissive policy for. */
  commands: Command[];
}

export default defineRule<RlsWithoutPolicyOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report a table with row-level security but no permissive policy for some command.',
      url: ruleDocsUrl('rls', 'rls-without-policy'),
      why:
        'With RLS enabled, a command no permissive policy covers is denied to every role but the owner: clients see no rows ' +
        'or cannot write. That may be intended (a server-only or read-only table); the finding names the commands so it is a decision.',
    },
    defaultSeverity: 'info',
    recommended: false,
    messages: {
      noPolicy:
        'Table "{{table}}" has row-level security but no permissive policy; every role but its owner is denied every command; add policies for what clients may do, or keep it server-only on purpose',
      missingCommands:
        'Table "{{table}}" has row-level security but no permissive policy for {{commands}}; those are denied to every role but its owner; add a policy if clients need them',
    },
    schema: {
      type: 'object',
      properties: {
        commands: {
          type: 'array',
          items: { enum: [...COMMANDS] },
          uniqueItems: true,
          description: 'The commands a table with RLS should have a permissive policy for (FOR ALL covers every one).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { commands: [...COMMANDS] },
    sources: [{ tool: 'splinter', rule: 'rls_enabled_no_policy' }],
  },
  project(context) {
    const wanted = context.options.commands ?? COMMANDS;
    for (const history of historiesOf(context.project)) {
      // Final table → the last statement that enabled its RLS (and which ENABLE of the statement).
      const enabledBy = new Map<string, { entry: HistoryEntry; nth: number; relation: AstNode }>();
      for (const entry of history.entries) {
        const { kind, node } = entry.statement;
        if (kind !== 'AlterTableStmt' || !node.relation) continue;
        const nth = (node.cmds ?? []).filter((c: AstNode) => c.AlterTableCmd?.subtype === 'AT_EnableRowSecurity').length;
        if (nth === 0) continue;
        const name = history.follow(history.resolveRangeVar(entry, node.relation), entry.pos);
        enabledBy.set(nameKey(name), { entry, nth: nth - 1, relation: node.relation });
      }
      // Nothing enabled here: no table to check, and no need for the replayed schema.
      if (enabledBy.size === 0) continue;
      const atEnd = history.schema.atEnd();
      for (const table of atEnd.tables()) {
        if (!table.rlsEnabled || table.createdIn === undefined) continue;
        const enable = enabledBy.get(nameKey(table.name));
        if (!enable) continue;
        const missing = wanted.filter((command) => !covers(table.policies, command));
        if (missing.length === 0) continue;
        const none = !table.policies.some((p) => p.permissive);
        const name = displayQualifiedName(table.name);
        context.report({
          file: enable.entry.file.path,
          messageId: none ? 'noPolicy' : 'missingCommands',
          data: { table: name, commands: missing.map((c) => c.toUpperCase()).join(', ') },
          at: enableRange(context.tokensOf(enable.entry.file.path, enable.entry.statement), enable.nth) ?? enable.relation,
          note:
            `E.g. \`CREATE POLICY "owners ${missing[0]}" ON ${name} FOR ${missing[0]!.toUpperCase()} TO authenticated ` +
            `${missing[0] === 'insert' ? 'WITH CHECK' : 'USING'} ((select auth.uid()) = user_id);\`. ` +
            'If only the server should run these commands, leave it so and say why with a directive; ' +
            'restrictive policies narrow permissive ones and grant nothing alone.',
        });
      }
    }
  },
});

function covers(policies: readonly PolicyInfo[], command: Command): boolean {
  return policies.some((p) => p.permissive && (p.command === 'all' || p.command === command));
}

function enableRange(tokens: Parameters<typeof wordRuns>[0], nth: number): Range | undefined {
  return wordRuns(tokens, ['enable', 'row', 'level', 'security'])[nth];
}

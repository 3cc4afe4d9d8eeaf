import { z } from 'zod';
import { parseCliJson } from '../cli-json.js';
import type { McpHost } from '../host.js';
import { projectPath } from '../project-path.js';
import type { ToolDefinition } from '../tool.js';
import { migrationInput } from './lint-migration.js';

// One level of nesting is declared (a table's column/index/constraint/policy changes), which is all
// `migralint plan` produces; deeper levels would pass through as the same shape.
const change = z.object({
  action: z.enum(['create', 'alter', 'drop', 'rename']),
  kind: z.string().describe('table, column, index, constraint, policy, type, function, …'),
  name: z.string().describe('Qualified name, e.g. public.users.email'),
  detail: z.string().optional(),
  risk: z.string().optional().describe('Why this change needs care, when it does'),
});
const changeWithParts = change.extend({ changes: z.array(change.passthrough()).optional() });

interface PlanJson {
  sets: Array<{
    dir: string;
    layout: string;
    runner?: { runner: string; guessed: boolean };
    migrations: Array<{ version: string; name: string; intent?: string; up: string[]; down: string[]; changes: unknown[]; risky: number; findings: unknown[]; unmodelled: unknown[] }>;
  }>;
}

export const planMigration: ToolDefinition<typeof migrationInput> = {
  name: 'plan_migration',
  config: {
    title: 'What a migration creates, alters and drops',
    description:
      "List the tables, columns, indexes, constraints, policies, types and functions a migration creates, alters and drops, " +
      'read from migralint\'s replay of the whole history (no database, nothing applied), with the risky changes marked, ' +
      "and the migration's intent (its `-- Why:` comment). Writes nothing.",
    inputSchema: migrationInput,
    outputSchema: {
      path: z.string(),
      layout: z.string().describe('The layout the history is read as (supabase, golang-migrate, …)'),
      runner: z.string().optional().describe('The program that applies it (supabase, sqlx, golang-migrate, …)'),
      runnerGuessed: z.boolean().optional().describe('The runner is a guess: state it with settings.runner'),
      version: z.string(),
      intent: z.string().optional().describe('Why the migration exists, from its leading comment'),
      changes: z.array(changeWithParts),
      risky: z.number().int().describe('How many changes are marked risky'),
      unmodelled: z.array(z.object({ file: z.string(), line: z.number().int(), kind: z.string(), reason: z.string() })).describe(
        'Statements the replay does not follow: the plan may miss their effect',
      ),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async run(host: McpHost, { path, sql }) {
    const file = projectPath(host.cwd, path);
    const argv = sql === undefined ? ['plan', file, '--format', 'json'] : ['plan', '--stdin', '--stdin-filename', file, '--format', 'json'];
    const plan = parseCliJson<PlanJson>(await host.runCli(argv, sql), 'plan');
    for (const set of plan.sets) {
      const migration = set.migrations.find((m) => m.up.includes(file) || m.down.includes(file));
      if (!migration) continue;
      return {
        path: file,
        layout: set.layout,
        ...(set.runner ? { runner: set.runner.runner, runnerGuessed: set.runner.guessed } : {}),
        version: migration.version,
        ...(migration.intent ? { intent: migration.intent } : {}),
        changes: migration.changes as Array<z.infer<typeof changeWithParts>>,
        risky: migration.risky,
        unmodelled: migration.unmodelled as never,
      };
    }
    throw new Error(`plan: ${file} is not a migration of any history migralint found (is it in a migrations folder?)`);
  },
};

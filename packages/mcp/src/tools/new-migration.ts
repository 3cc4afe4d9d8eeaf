import { z } from 'zod';
import { parseCliJson } from '../cli-json.js';
import type { McpHost } from '../host.js';
import { projectPath } from '../project-path.js';
import type { ToolDefinition } from '../tool.js';

const input = {
  description: z.string().min(1).describe('What the migration does, in words ("add profiles"): it names the file'),
  why: z.string().optional().describe('Why it exists (the feature, ticket or incident): written as its `-- Why:` header'),
  template: z.enum(['blank', 'table', 'index', 'foreign-key', 'not-null']).optional().describe(
    'blank (default), or the safe way to make that change, with its down: table, index (CONCURRENTLY), foreign-key (NOT VALID, then VALIDATE), not-null (validated CHECK, then SET NOT NULL)',
  ),
  table: z.string().optional().describe('The table the template changes (default: from the description)'),
  column: z.string().optional(),
  references: z.string().optional().describe('The referenced table (foreign-key)'),
  dir: z.string().optional().describe('The migrations folder, relative to the project root (needed when the project has several histories)'),
  write: z.boolean().optional().describe('Create the files in the project (default false: only return their paths and content)'),
};

export const newMigration: ToolDefinition<typeof input> = {
  name: 'new_migration',
  config: {
    title: 'The next migration of this project, named and ordered as its runner wants',
    description:
      "The path(s) and content of the next migration for this project's runner (Supabase timestamps, golang-migrate " +
      'numbers and .down.sql pairs, dbmate/goose sections, Flyway V<n>__, sqitch plan lines, Prisma folders), with a ' +
      '`-- Why:` header and, from a template, the safe way to make the change. Returns text only; files are written ' +
      'into the project only when `write` is true. Never touches a database.',
    inputSchema: input,
    outputSchema: {
      version: z.string(),
      name: z.string(),
      files: z.array(z.object({ path: z.string(), content: z.string(), append: z.boolean().optional().describe('Appended to an existing file (sqitch.plan)') })),
      written: z.boolean(),
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  },
  async run(host: McpHost, args) {
    const argv = ['new', args.description, '--format', 'json'];
    if (args.template) argv.push('--template', args.template);
    if (args.why) argv.push('--why', args.why);
    if (args.table) argv.push('--table', args.table);
    if (args.column) argv.push('--column', args.column);
    if (args.references) argv.push('--references', args.references);
    if (args.dir) argv.push('--dir', projectDir(host.cwd, args.dir));
    if (!args.write) argv.push('--dry-run');
    return parseCliJson<Record<string, unknown>>(await host.runCli(argv), 'new');
  },
};

/** A folder inside the project (projectPath checks files; a folder has no `.sql` ending). */
function projectDir(cwd: string, dir: string): string {
  return projectPath(cwd, `${dir.replace(/\/+$/, '')}/x.sql`).replace(/\/x\.sql$/, '');
}

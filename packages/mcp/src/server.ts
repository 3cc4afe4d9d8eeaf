// `migralint mcp`: a Model Context Protocol server over stdio. A coding assistant calls its tools
// before it proposes a migration, and gets migralint's verdict on the SQL against the project's
// whole history — structured, so it can fix its own draft before a human sees it.
//
// Every tool runs the migralint CLI in this process (the host), so answers match the command line.
// Nothing here applies SQL anywhere but PGlite, or writes into the project unless a tool's
// arguments ask for it (`new_migration` with `write: true`).

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Readable, Writable } from 'node:stream';
import type { McpHost } from './host.js';
import { ToolInputError } from './project-path.js';
import type { ToolDefinition } from './tool.js';
import { explainRule } from './tools/explain-rule.js';
import { lintMigration } from './tools/lint-migration.js';
import { newMigration } from './tools/new-migration.js';
import { planMigration } from './tools/plan-migration.js';
import { verifyMigration } from './tools/verify-migration.js';

const INSTRUCTIONS =
  'migralint checks PostgreSQL migrations against the project\'s whole migration history. Before proposing a migration: ' +
  'call new_migration for its path, lint_migration on the draft and fix what it reports (or explain why not), ' +
  'plan_migration to show the user what it changes, and verify_migration to apply it on a throw-away embedded PostgreSQL. ' +
  'Start the file with a `-- Why: …` comment saying why the migration exists. None of these tools touches a real database.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const TOOLS: ToolDefinition<any>[] = [newMigration, lintMigration, planMigration, verifyMigration, explainRule];

export function createMcpServer(host: McpHost, extraTools: readonly ToolDefinition<any>[] = []): McpServer {
  const server = new McpServer({ name: 'migralint', version: host.version }, { instructions: INSTRUCTIONS });
  for (const tool of [...TOOLS, ...extraTools]) {
    server.registerTool(tool.name, tool.config, async (args: Record<string, unknown>) => {
      try {
        const result = await tool.run(host, args as never);
        return { content: [{ type: 'text' as const, text: JSON.stringify(result, null, 2) }], structuredContent: result };
      } catch (error) {
        // The assistant reads the message and can correct its call; an internal error says so.
        const text = error instanceof ToolInputError ? error.message : `internal error in ${tool.name}: ${(error as Error).message}`;
        return { content: [{ type: 'text' as const, text }], isError: true };
      }
    });
  }
  return server;
}

/** Serves until the client closes the connection (stdin ends). */
export async function serveMcp(host: McpHost, stdin: Readable, stdout: Writable, extraTools: readonly ToolDefinition<any>[] = []): Promise<void> {
  const server = createMcpServer(host, extraTools);
  const transport = new StdioServerTransport(stdin, stdout);
  const closed = new Promise<void>((resolve) => {
    transport.onclose = () => resolve();
    stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  await closed;
  await server.close();
}

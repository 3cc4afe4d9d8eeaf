import { z } from 'zod';
import { findingSchema, findingsOf, parseCliJson } from '../cli-json.js';
import type { McpHost } from '../host.js';
import { projectPath } from '../project-path.js';
import type { ToolDefinition } from '../tool.js';

export const migrationInput = {
  path: z.string().min(1).describe('The migration file, relative to the project root: an existing file, or where a new one would go (it selects the history and the runner)'),
  sql: z.string().optional().describe("The migration's SQL text; when given it is analysed instead of the file on disk, which is not written"),
};

export const lintMigration: ToolDefinition<typeof migrationInput> = {
  name: 'lint_migration',
  config: {
    title: 'Lint a migration against the project history',
    description:
      "Check one PostgreSQL migration (SQL text and the path it has or would have) with the project's migralint config, " +
      'against the whole migration history of its folder (objects created earlier, the runner\'s transaction semantics). ' +
      'Returns each finding with rule, severity, message, why, the safe way, range and fixes. Writes nothing and runs no SQL.',
    inputSchema: migrationInput,
    outputSchema: {
      path: z.string(),
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      findings: z.array(findingSchema),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async run(host: McpHost, { path, sql }) {
    const file = projectPath(host.cwd, path);
    const argv = sql === undefined ? [file, '--format', 'json'] : ['--stdin', '--stdin-filename', file, '--format', 'json'];
    const report = parseCliJson<Parameters<typeof findingsOf>[0]>(await host.runCli(argv, sql), 'lint');
    const findings = findingsOf(report, file);
    return {
      path: file,
      errorCount: findings.filter((f) => f.severity === 'error').length,
      warningCount: findings.filter((f) => f.severity === 'warning').length,
      findings,
    };
  },
};

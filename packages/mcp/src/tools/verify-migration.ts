import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findingSchema, findingsOf, parseCliJson } from '../cli-json.js';
import type { McpHost } from '../host.js';
import { projectPath } from '../project-path.js';
import type { ToolDefinition } from '../tool.js';
import { migrationInput } from './lint-migration.js';

interface TraceJson {
  sets: Array<{
    database: string;
    migrations: Array<{ version: string; upFiles: string[]; downFiles: string[]; failures: number; roundTrip?: string; roundTripNote?: string; differences?: unknown[] }>;
  }>;
}

export const verifyMigration: ToolDefinition<typeof migrationInput> = {
  name: 'verify_migration',
  config: {
    title: 'Apply the history and a migration on an embedded, throw-away PostgreSQL',
    description:
      'Apply the whole migration history plus this migration, in order, on PGlite — a real PostgreSQL embedded in the ' +
      'migralint process, created for the call and thrown away after it — and report what PostgreSQL rejects, at the ' +
      "statement, and whether the migration's down restores the schema (up → down → up). Never connects to any other " +
      'database, never applies anything to a real environment, writes nothing to the project.',
    inputSchema: migrationInput,
    outputSchema: {
      path: z.string(),
      database: z.string().describe('The embedded database that ran it'),
      ok: z.boolean().describe('No error findings: every statement applied and the round trip held'),
      findings: z.array(findingSchema).describe('verify/* findings on this migration: failed statements, downs not restoring, locks'),
      roundTrip: z
        .object({
          result: z.string().describe('restored, not-restored, not-checked, …'),
          note: z.string().optional(),
          differences: z.array(z.unknown()).describe('What the down left different from the schema before the up'),
        })
        .optional(),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async run(host: McpHost, { path: given, sql }) {
    const file = projectPath(host.cwd, given);
    // The trace goes to a private temporary file, never into the project.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-mcp-'));
    const trace = path.join(dir, `${randomUUID()}.json`);
    try {
      const input = sql === undefined ? [file] : ['--stdin', '--stdin-filename', file];
      // No --database-url, ever: PGlite is the only sandbox.
      const outcome = await host.runCli(['verify', ...input, '--format', 'json', '--format', `trace=${trace}`], sql);
      const report = parseCliJson<Parameters<typeof findingsOf>[0]>(outcome, 'verify');
      const traced = fs.existsSync(trace) ? (JSON.parse(fs.readFileSync(trace, 'utf8')) as TraceJson) : undefined;
      const set = traced?.sets.find((s) => s.migrations.some((m) => m.upFiles.includes(file) || m.downFiles.includes(file)));
      const migration = set?.migrations.find((m) => m.upFiles.includes(file) || m.downFiles.includes(file));
      const findings = findingsOf(report, file);
      return {
        path: file,
        database: set?.database ?? 'PGlite',
        ok: !findings.some((f) => f.severity === 'error'),
        findings,
        ...(migration?.roundTrip
          ? { roundTrip: { result: migration.roundTrip, ...(migration.roundTripNote ? { note: migration.roundTripNote } : {}), differences: migration.differences ?? [] } }
          : {}),
      };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

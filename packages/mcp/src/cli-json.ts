// Reading what the CLI printed as JSON (its `json` reporter, `plan --format json`, verify's trace),
// and turning its findings into the shape the tools promise.

import { z } from 'zod';
// The CLI's JSON report, as its reporter declares it (a type-only import: nothing of it is bundled).
import type { JsonReport } from '@migralint/reporter-json';
import type { CliOutcome } from './host.js';
import { ToolInputError } from './project-path.js';

/** One text edit: UTF-16 offsets into the file text (without a BOM), end exclusive. */
const edit = z.object({ range: z.tuple([z.number().int(), z.number().int()]), text: z.string() });

export const findingSchema = z.object({
  ruleId: z.string().nullable().describe('The rule, e.g. destructive/no-drop-column; null for engine notices'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string().describe('What is wrong, why, and the safe way'),
  why: z.string().optional().describe("The rule's reason, from its docs"),
  safeWay: z.string().optional().describe('The safe way to do it, in full'),
  file: z.string(),
  range: z.object({
    start: z.object({ line: z.number().int(), column: z.number().int() }),
    end: z.object({ line: z.number().int(), column: z.number().int() }),
  }).describe('1-based lines; columns in UTF-16 code units, end exclusive'),
  docs: z.string().optional(),
  fix: z.array(edit).optional().describe('Edits that --fix applies'),
  suggestions: z.array(z.object({ desc: z.string(), fix: z.array(edit) })).optional().describe('Edits an editor may offer; never applied by --fix'),
});
export type Finding = z.infer<typeof findingSchema>;

/** Parses the CLI's standard output as JSON; a usage/config error (exit 2) becomes a tool error. */
export function parseCliJson<T>(outcome: CliOutcome, what: string): T {
  if (outcome.code === 2 || outcome.stdout.trim() === '') {
    throw new ToolInputError(`${what} failed: ${outcome.stderr.trim() || `exit code ${outcome.code}`}`);
  }
  try {
    return JSON.parse(outcome.stdout) as T;
  } catch {
    throw new Error(`${what}: the CLI's output is not JSON (${outcome.stdout.slice(0, 200)})`);
  }
}

/** The findings of one file (suppressed ones left out: a directive with a reason settled them). */
export function findingsOf(report: Pick<JsonReport, 'files' | 'rules'>, file: string): Finding[] {
  const entry = report.files.find((f) => f.path === file);
  return (entry?.messages ?? [])
    .filter((m) => !m.suppressed)
    .map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      ...(m.ruleId && report.rules?.[m.ruleId]?.why ? { why: report.rules[m.ruleId]!.why! } : {}),
      ...(m.note ? { safeWay: m.note } : {}),
      file,
      range: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
      ...(m.url ? { docs: m.url } : {}),
      ...(m.fix ? { fix: m.fix } : {}),
      ...(m.suggestions ? { suggestions: m.suggestions } : {}),
    }));
}

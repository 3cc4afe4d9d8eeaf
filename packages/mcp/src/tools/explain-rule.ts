import { z } from 'zod';
import { parseCliJson } from '../cli-json.js';
import type { McpHost } from '../host.js';
import { ToolInputError } from '../project-path.js';
import type { ToolDefinition } from '../tool.js';

const input = { rule: z.string().min(1).describe('A rule id, e.g. destructive/no-drop-column') };

interface RuleJson {
  id: string;
  type: string;
  docs: { description: string; url?: string; why?: string };
  defaultSeverity: string;
  recommended: boolean;
  schema?: unknown;
  defaultOptions?: unknown;
  /** As this project's config sets it: off, warning, error. */
  severity?: string;
}

export const explainRule: ToolDefinition<typeof input> = {
  name: 'explain_rule',
  config: {
    title: 'Explain a migralint rule',
    description:
      "A rule's documentation: what it reports, why it matters, the safe way, bad and good examples, its options, " +
      "and whether this project's config enables it. Use it to understand a finding before changing the SQL.",
    inputSchema: input,
    outputSchema: {
      rule: z.string(),
      description: z.string(),
      why: z.string().optional(),
      enabledHere: z.boolean().optional().describe("Whether the project's config turns it on"),
      defaultSeverity: z.string(),
      recommended: z.boolean(),
      options: z.unknown().optional().describe('JSON Schema of its options'),
      defaultOptions: z.unknown().optional(),
      docs: z.string().optional().describe('The docs page (Markdown: why, bad and good examples, options)'),
      url: z.string().optional(),
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  async run(host: McpHost, { rule }) {
    const rules = parseCliJson<RuleJson[]>(await host.runCli(['rules', '--format', 'json']), 'rules');
    const found = rules.find((r) => r.id === rule);
    if (!found) {
      const near = rules.filter((r) => r.id.endsWith(`/${rule.split('/').pop()}`)).map((r) => r.id);
      throw new ToolInputError(`no rule "${rule}"${near.length > 0 ? `; did you mean ${near.join(', ')}?` : ''} (the rule ids are listed by \`migralint rules\`)`);
    }
    const docs = host.ruleDocs(rule);
    return {
      rule: found.id,
      description: found.docs.description,
      ...(found.docs.why ? { why: found.docs.why } : {}),
      ...(found.severity !== undefined ? { enabledHere: found.severity !== 'off' } : {}),
      defaultSeverity: found.defaultSeverity,
      recommended: found.recommended,
      ...(found.schema !== undefined ? { options: found.schema } : {}),
      ...(found.defaultOptions !== undefined ? { defaultOptions: found.defaultOptions } : {}),
      ...(docs ? { docs } : {}),
      ...(found.docs.url ? { url: found.docs.url } : {}),
    };
  },
};

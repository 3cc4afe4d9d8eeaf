import type { z } from 'zod';
import type { McpHost } from './host.js';

type Shape = Record<string, z.ZodTypeAny>;

/** One MCP tool: its declared schemas and what it does (returns the structured result). */
export interface ToolDefinition<Input extends Shape> {
  name: string;
  config: {
    title: string;
    description: string;
    inputSchema: Input;
    outputSchema: Shape;
    annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
  };
  run(host: McpHost, args: z.objectOutputType<Input, z.ZodTypeAny>): Promise<Record<string, unknown>>;
}

// @migralint/mcp: the Model Context Protocol server behind `migralint mcp`.
export { createMcpServer, serveMcp, TOOLS } from './server.js';
export type { CliOutcome, McpHost } from './host.js';
export type { ToolDefinition } from './tool.js';
export { projectPath, ToolInputError } from './project-path.js';
export { findingSchema, type Finding } from './cli-json.js';

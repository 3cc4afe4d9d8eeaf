// What the MCP server needs from the migralint installation it runs in. The CLI provides it, so
// every tool answers exactly as the command line would — same config search, same history, same
// rules — and this package depends on no other migralint package.

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export interface McpHost {
  /** The project root: paths in tool calls are relative to it, and must stay inside it. */
  cwd: string;
  version: string;
  /** Runs `migralint <argv>` in this process, `stdin` as its standard input; never a shell. */
  runCli(argv: readonly string[], stdin?: string): Promise<CliOutcome>;
  /** A rule's docs page (Markdown), when the installation ships it. */
  ruleDocs(ruleId: string): string | undefined;
}

// One place that maps a format name to its reporter package. Reporters are imported on demand:
// a pre-commit run that prints to the terminal never loads the SARIF or JSON code.
import type { LintResult } from '@migralint/core';

export interface ReportOptions {
  cwd: string;
  verbose: boolean;
  quiet: boolean;
  color: boolean;
  /** Terminal width for the terminal reporter (undefined: not a terminal, no wrapping). */
  width?: number;
}

type Reporter = (result: LintResult, options: ReportOptions) => string;

const reporters: Record<string, () => Promise<Reporter>> = {
  terminal: async () => (await import('@migralint/reporter-terminal')).format,
  json: async () => (await import('@migralint/reporter-json')).format,
  sarif: async () => (await import('@migralint/reporter-sarif')).format,
};

export async function formatReport(name: string, result: LintResult, options: ReportOptions): Promise<string> {
  const load = reporters[name];
  if (!load) throw new Error(`no reporter named ${name}`);
  return (await load())(result, options);
}

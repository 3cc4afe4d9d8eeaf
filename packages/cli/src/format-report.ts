// One place that maps a format name to its reporter package.
import type { LintResult } from '@migralint/core';
import { format as json } from '@migralint/reporter-json';
import { format as sarif } from '@migralint/reporter-sarif';
import { format as terminal } from '@migralint/reporter-terminal';

export interface ReportOptions {
  cwd: string;
  verbose: boolean;
  quiet: boolean;
  color: boolean;
}

const reporters: Record<string, (result: LintResult, options: ReportOptions) => string> = { terminal, json, sarif };

export function formatReport(name: string, result: LintResult, options: ReportOptions): string {
  const reporter = reporters[name];
  if (!reporter) throw new Error(`no reporter named ${name}`);
  return reporter(result, options);
}

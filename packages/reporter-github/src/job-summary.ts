// The job summary (Markdown, GitHub's $GITHUB_STEP_SUMMARY): the totals, a table of counts by rule
// with links to the rules' pages, and every error with its place, so a reviewer sees what blocks the
// pull request without reading the log. Long runs list the first errors and say how many more.

import type { LintMessage, LintResult, ReporterOptions, Severity } from '@migralint/core';
import { pathOnGitHub } from './annotations.js';

/** The summary lists at most this many errors (GitHub caps a step's summary at 1 MiB). */
export const MAX_LISTED_ERRORS = 100;

interface RuleCounts {
  error: number;
  warning: number;
  info: number;
}

export function jobSummary(result: LintResult, options: ReporterOptions): string {
  const byRule = new Map<string, RuleCounts>();
  const errors: Array<{ path: string; message: LintMessage }> = [];
  const counts: RuleCounts = { error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const file of result.files) {
    for (const message of file.messages) {
      if (message.suppressed) {
        suppressed++;
        continue;
      }
      const rule = byRule.get(message.ruleId) ?? { error: 0, warning: 0, info: 0 };
      rule[message.severity]++;
      counts[message.severity]++;
      byRule.set(message.ruleId, rule);
      if (message.severity === 'error') errors.push({ path: pathOnGitHub(file.path, options), message });
    }
  }
  const out: string[] = [`## migralint: ${headline(counts, result.files.length)}`, ''];

  if (byRule.size > 0) {
    out.push('| Rule | Errors | Warnings | Infos |', '|---|--:|--:|--:|');
    const order = [...byRule].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b));
    for (const [id, rule] of order) out.push(`| ${ruleLink(id, result)} | ${rule.error} | ${rule.warning} | ${rule.info} |`);
    out.push('');
  }
  if (errors.length > 0) {
    out.push('### Errors', '');
    for (const { path, message } of errors.slice(0, MAX_LISTED_ERRORS)) {
      out.push(`- \`${code(path)}:${message.line}:${message.column}\` ${ruleLink(message.ruleId, result)}: ${markdownText(message.message)}`);
    }
    if (errors.length > MAX_LISTED_ERRORS) out.push(`- … and ${errors.length - MAX_LISTED_ERRORS} more errors (see the annotations or the log)`);
    out.push('');
  }
  const problems = result.notifications.filter((n) => n.level !== 'note');
  if (problems.length > 0) {
    out.push('### The run had problems', '');
    for (const n of problems) out.push(`- **${n.level}**${n.file ? ` \`${code(pathOnGitHub(n.file, options))}\`` : ''}: ${markdownText(n.message)}`);
    out.push('');
  }
  if (suppressed > 0) out.push(`${suppressed} finding${suppressed > 1 ? 's' : ''} suppressed by directives or the baseline.`, '');
  return `${out.join('\n')}\n`;
}

function headline(counts: Record<Severity, number>, files: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const found = [plural(counts.error, 'error'), plural(counts.warning, 'warning'), ...(counts.info ? [plural(counts.info, 'info')] : [])];
  return `${found.join(', ')} in ${plural(files, 'file')}`;
}

function ruleLink(id: string, result: LintResult): string {
  const url = result.rules[id]?.docs.url;
  return url ? `[\`${code(id)}\`](${url})` : `\`${code(id)}\``;
}

/** Text from findings as Markdown that renders as written: no stray emphasis, links, HTML or cells. */
function markdownText(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`);
}

/** Inside a code span only a backtick can end it; paths rarely have one, but a file name may. */
function code(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').replace(/`/g, "'");
}

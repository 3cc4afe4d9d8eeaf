// One annotation per open finding: GitHub shows it on the pull request's diff, at the statement, with
// the rule id as its title and the finding, its safe way and the docs link as its text. Run problems
// (a rule that threw, an unreadable file) are annotations too, so a broken run is never silent.

import type { LintMessage, LintResult, Notification, ReporterOptions, Severity } from '@migralint/core';
import { rootRelativePath } from '@migralint/core';
import { workflowCommand } from './workflow-command.js';

const commandOf: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function annotationLines(result: LintResult, options: ReporterOptions): string[] {
  const lines: string[] = [];
  for (const file of result.files) {
    const where = pathOnGitHub(file.path, options);
    for (const message of file.messages) {
      if (message.suppressed || (options.quiet && message.severity !== 'error')) continue;
      lines.push(annotation(where, message));
    }
  }
  for (const notification of result.notifications) {
    if (options.quiet && notification.level !== 'error') continue;
    lines.push(notificationLine(notification, options));
  }
  return lines;
}

/** The file as the runner resolves it: relative to the repository root (GITHUB_WORKSPACE). */
export function pathOnGitHub(filePath: string, options: ReporterOptions): string {
  return rootRelativePath(filePath, options) ?? filePath;
}

function annotation(file: string, message: LintMessage): string {
  // A one-line range can carry columns; GitHub ignores col/endColumn on multi-line ranges.
  const sameLine = message.line === message.endLine;
  return workflowCommand(
    commandOf[message.severity],
    {
      file,
      line: message.line,
      endLine: message.endLine,
      col: sameLine ? message.column : undefined,
      endColumn: sameLine ? message.endColumn : undefined,
      title: `migralint ${message.ruleId}`,
    },
    [message.message, message.note, message.url ? `Docs: ${message.url}` : undefined].filter(Boolean).join('\n\n'),
  );
}

function notificationLine(notification: Notification, options: ReporterOptions): string {
  const name = notification.level === 'note' ? 'notice' : notification.level;
  const file = notification.file === undefined ? undefined : pathOnGitHub(notification.file, options);
  return workflowCommand(name, { file, title: notification.ruleId ? `migralint: ${notification.ruleId}` : 'migralint' }, notification.message);
}


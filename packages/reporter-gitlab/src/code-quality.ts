// GitLab Code Quality: a JSON array of issues, a subset of the Code Climate spec, which GitLab shows in
// the merge request widget and diff. `location.path` is relative to the repository root (GitLab
// matches it against the repository's files), and `fingerprint` identifies the same finding across
// pipelines, computed like SARIF's (no line numbers: edits elsewhere in the file keep it).
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format

import { createFingerprinter, rootRelativePath, type LintResult, type ReporterOptions, type Severity } from '@migralint/core';

export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
  type: 'issue';
  categories: string[];
  engine_name: 'migralint';
}

/** As GitLab's ESLint and Code Climate integrations map levels: an error blocks, a warning is minor. */
const severityOf: Record<Severity, CodeQualityIssue['severity']> = { error: 'major', warning: 'minor', info: 'info' };

export function toCodeQuality(result: LintResult, options: ReporterOptions): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const file of result.files) {
    const path = rootRelativePath(file.path, options) ?? file.path.split('\\').join('/');
    const text = typeof file.file.value === 'string' ? file.file.value : String(file.file.value ?? '');
    const fingerprint = createFingerprinter(path, text);
    for (const message of file.messages) {
      // Every finding is counted, shown or not, so `--quiet` does not renumber occurrences.
      const id = fingerprint(message);
      if (message.suppressed || (options.quiet && message.severity !== 'error')) continue;
      issues.push({
        description: message.note ? `${sentence(message.message)} ${message.note}` : message.message,
        check_name: message.ruleId,
        fingerprint: id,
        severity: severityOf[message.severity],
        location: { path, lines: { begin: message.line, end: message.endLine } },
        type: 'issue',
        // Code Climate's category for what breaks production; migration findings are that.
        categories: ['Bug Risk'],
        engine_name: 'migralint',
      });
    }
  }
  return issues;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

// Findings as LSP diagnostics. migralint's lines and columns are 1-based UTF-16 code units, LSP's are
// 0-based UTF-16 (its default position encoding), so the conversion is a subtraction.

import type { LintMessage, Severity } from '@migralint/core';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';

const severityOf: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function rangeOf(message: LintMessage): Range {
  return {
    start: { line: message.line - 1, character: message.column - 1 },
    end: { line: message.endLine - 1, character: message.endColumn - 1 },
  };
}

/** Open findings only: a suppressed one was waived in the file, with a reason. */
export function toDiagnostics(messages: readonly LintMessage[]): Diagnostic[] {
  return messages
    .filter((message) => !message.suppressed)
    .map((message) => ({
      range: rangeOf(message),
      severity: severityOf[message.severity],
      source: 'migralint',
      code: message.ruleId,
      ...(message.url ? { codeDescription: { href: message.url } } : {}),
      message: message.note ? `${message.message}\n${message.note}` : message.message,
    }));
}

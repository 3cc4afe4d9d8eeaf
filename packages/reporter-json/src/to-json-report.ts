// LintResult → JsonReport: plain data only (no VFile), paths made relative, optional fields omitted
// rather than set to undefined, so the output is stable byte for byte across runs.

import type { FileResult, LintMessage, LintResult, Notification } from '@migralint/core';
import { JSON_REPORT_VERSION, type JsonFile, type JsonMessage, type JsonNotification, type JsonReport, type JsonRule } from './json-report.js';
import type { ReporterOptions } from './options.js';
import { toReportPath } from './report-path.js';
import { toolVersion } from './tool-version.js';

export function toJsonReport(result: LintResult, options: ReporterOptions): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: 'migralint', version: toolVersion },
    files: result.files.map((file) => toJsonFile(file, options)),
    rules: toJsonRules(result.rules),
    notifications: result.notifications.map((notification) => toJsonNotification(notification, options)),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    suppressedCount: result.suppressedCount,
    failed: result.failed,
    stats: {
      files: result.stats.files,
      statements: result.stats.statements,
      bytes: result.stats.bytes,
      durationMs: Math.round(result.stats.durationMs),
    },
  };
}

function toJsonFile(file: FileResult, options: ReporterOptions): JsonFile {
  const messages = options.quiet ? file.messages.filter((message) => message.severity === 'error') : file.messages;
  return {
    path: toReportPath(file.path, options.cwd),
    messages: messages.map(toJsonMessage),
    errorCount: file.errorCount,
    warningCount: file.warningCount,
    infoCount: file.infoCount,
    suppressedCount: file.suppressedCount,
    unreadable: file.unreadable,
  };
}

function toJsonMessage(message: LintMessage): JsonMessage {
  const json: JsonMessage = {
    ruleId: message.ruleId,
    ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    severity: message.severity,
    message: message.message,
    ...(message.note === undefined ? {} : { note: message.note }),
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    offset: message.offset,
    endOffset: message.endOffset,
  };
  if (message.url !== undefined) json.url = message.url;
  if (message.fix?.length) json.fix = message.fix.map(toJsonEdit);
  if (message.suggestions?.length) {
    json.suggestions = message.suggestions.map((suggestion) => ({ desc: suggestion.desc, fix: suggestion.fix.map(toJsonEdit) }));
  }
  if (message.suppressed) {
    const { kind, reason, line } = message.suppressed;
    json.suppressed = { kind, ...(reason === undefined ? {} : { reason }), ...(line === undefined ? {} : { line }) };
  }
  return json;
}

function toJsonEdit(fix: { range: [number, number]; text: string }): { range: [number, number]; text: string } {
  return { range: [fix.range[0], fix.range[1]], text: fix.text };
}

function toJsonRules(rules: LintResult['rules']): Record<string, JsonRule> {
  const json: Record<string, JsonRule> = {};
  for (const id of Object.keys(rules).sort()) {
    const rule = rules[id];
    json[id] = {
      description: rule.docs.description,
      url: rule.docs.url,
      ...(rule.docs.why === undefined ? {} : { why: rule.docs.why }),
      type: rule.type,
      defaultSeverity: rule.defaultSeverity,
      recommended: rule.recommended,
      fixable: rule.fixable === true,
      hasSuggestions: rule.hasSuggestions === true,
      enabled: rule.enabled,
      ...(rule.sources?.length ? { sources: rule.sources.map(({ tool, rule: name }) => ({ tool, rule: name })) } : {}),
    };
  }
  return json;
}

function toJsonNotification(notification: Notification, options: ReporterOptions): JsonNotification {
  return {
    level: notification.level,
    message: notification.message,
    ...(notification.ruleId === undefined ? {} : { ruleId: notification.ruleId }),
    ...(notification.file === undefined ? {} : { file: toReportPath(notification.file, options.cwd) }),
    ...(options.verbose && notification.detail !== undefined ? { detail: notification.detail } : {}),
  };
}

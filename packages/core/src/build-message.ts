// From a rule's report() to a LintMessage with positions, filled-in text, fixes and suggestions.

import type { Fix, LintMessage, Range, ReportDescriptor, RuleMeta, Severity } from './types.js';
import type { OffsetMap } from './offsets.js';

export function fillTemplate(template: string, data: Record<string, unknown> | undefined): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) =>
    data && name in data ? String(data[name]) : whole,
  );
}

export interface MessageSource {
  ruleId: string;
  meta: RuleMeta;
  severity: Severity;
}

export function buildMessage(source: MessageSource, descriptor: ReportDescriptor, range: Range, map: OffsetMap): LintMessage {
  const template = source.meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new Error(`rule ${source.ruleId} reported unknown messageId "${descriptor.messageId}"`);
  }
  const start = map.point(range.start);
  const end = map.point(range.end);
  const message: LintMessage = {
    ruleId: source.ruleId,
    messageId: descriptor.messageId,
    severity: source.severity,
    message: fillTemplate(template, descriptor.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: range.start,
    endOffset: range.end,
    url: source.meta.docs.url,
  };
  if (descriptor.note) message.note = descriptor.note;
  if (descriptor.fix) message.fix = toArray(descriptor.fix);
  if (descriptor.suggest?.length) {
    message.suggestions = descriptor.suggest.map((s) => ({
      desc: s.desc ?? fillTemplate(source.meta.messages[s.messageId ?? ''] ?? s.messageId ?? '', s.data),
      fix: toArray(s.fix),
    }));
  }
  return message;
}

function toArray(fix: Fix | Fix[]): Fix[] {
  return Array.isArray(fix) ? fix : [fix];
}

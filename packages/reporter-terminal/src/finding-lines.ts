// One finding: `line:col-endLine:endCol  severity  message  rule-id`. Positions and severities are
// aligned within a file; the message is never padded, so the rule id follows it instead of sitting
// in a column as far right as the longest message. On a terminal the message wraps under its own
// start; with --verbose a code frame, the rule's why, the note and the docs link follow.

import type { LintMessage, LintResult } from '@migralint/core';
import { codeFrame } from './code-frame.js';
import type { ReporterOptions } from './options.js';
import type { Palette } from './palette.js';
import { visibleLine, visibleLines } from './visible-text.js';
import { wrapWords } from './wrap.js';

export interface FindingContext {
  /** The file's text, for the code frame. */
  source: string;
  /** The file as the report shows it (already made visible). */
  reportPath: string;
  rules: LintResult['rules'];
  options: ReporterOptions;
  palette: Palette;
}

/** Below this many columns for the message, wrapping would make a ribbon of words: do not wrap. */
const NARROWEST = 24;
/** Code frames start further left than the message: source lines need the room. */
const FRAME_INDENT = '    ';

export function findingLines(messages: readonly LintMessage[], context: FindingContext): string[] {
  const { options, palette } = context;
  const positions = messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`);
  const positionWidth = Math.max(...positions.map((p) => p.length));
  const severityWidth = Math.max(...messages.map((m) => m.severity.length));
  const indent = ' '.repeat(2 + positionWidth + 2 + severityWidth + 2);
  const room = options.width === undefined ? undefined : options.width - indent.length;
  const width = room !== undefined && room >= NARROWEST ? room : undefined;

  const lines: string[] = [];
  messages.forEach((message, index) => {
    const ruleId = visibleLine(message.ruleId);
    const text = wrapWords(`${visibleLine(message.message)}  ${ruleId}`, width).map((line) => line.trimEnd());
    const last = text.length - 1;
    text[last] = `${text[last]!.slice(0, -ruleId.length)}${palette.dim(ruleId)}`;
    const head = `  ${positions[index]!.padEnd(positionWidth)}  ${severityLabel(message.severity, palette)}${' '.repeat(severityWidth - message.severity.length)}  `;
    lines.push(`${head}${text[0]}`, ...text.slice(1).map((line) => `${indent}${line}`));
    if (options.verbose) lines.push(...details(message, context, indent, width));
  });
  return lines;
}

function details(message: LintMessage, context: FindingContext, indent: string, width: number | undefined): string[] {
  const { rules, options, palette } = context;
  const rule = rules[message.ruleId];
  const lines = codeFrame(context.source, message, context.reportPath, FRAME_INDENT, options.width, palette);
  const notes = [rule?.docs.why ? `Why: ${rule.docs.why}` : undefined, message.note].filter((note): note is string => Boolean(note));
  for (const note of notes) {
    for (const paragraph of visibleLines(note).split('\n')) lines.push(...wrapWords(paragraph, width).map((line) => `${indent}${line}`));
  }
  const url = message.url ?? rule?.docs.url;
  if (url) lines.push(`${indent}Docs: ${visibleLine(url)}`);
  return lines.map((line) => line.trimEnd());
}

function severityLabel(severity: LintMessage['severity'], palette: Palette): string {
  if (severity === 'error') return palette.red(severity);
  if (severity === 'warning') return palette.yellow(severity);
  return palette.cyan(severity);
}



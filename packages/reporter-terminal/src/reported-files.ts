// What vfile-reporter is handed: per file, a light copy of the VFile holding only the messages this
// run shows, each normalised so the full rule id appears once and verbose details read well.
//
// Copies, not the engine's VFiles, because the reporter must not mutate a result other reporters
// (JSON, SARIF) read in the same run, and because vfile-reporter prints `ruleId` and `source` as two
// columns: an engine that follows remark's `source:rule` convention would show the pack twice.

import type { FileResult, LintResult } from '@migralint/core';
import type { reporter } from 'vfile-reporter';
import { toReportPath } from './report-path.js';
import type { ReporterOptions } from './options.js';

/** The VFile type as vfile-reporter declares it (reporter-terminal does not depend on vfile itself). */
type ReportedVFile = Extract<Parameters<typeof reporter>[0], readonly unknown[]>[number];
type ReportedMessage = ReportedVFile['messages'][number];

export interface ReportedFile {
  /** What vfile-reporter reads; only the fields it uses are filled in. */
  vfile: ReportedVFile;
  errors: number;
  warnings: number;
  infos: number;
}

export function toReportedFiles(result: LintResult, options: ReporterOptions): ReportedFile[] {
  return result.files
    .map((fileResult) => toReportedFile(fileResult, result.rules, options))
    .filter((file) => file.vfile.messages.length > 0);
}

function toReportedFile(fileResult: FileResult, rules: LintResult['rules'], options: ReporterOptions): ReportedFile {
  const shown = fileResult.file.messages.filter((message) => !options.quiet || message.fatal === true);
  const messages = shown.map((message) => toReportedMessage(message, rules, options));
  const reportPath = toReportPath(fileResult.path, options.cwd);
  const vfile = { path: reportPath, history: [reportPath], stored: false, messages } as unknown as ReportedVFile;
  return {
    vfile,
    errors: messages.filter((message) => message.fatal === true).length,
    warnings: messages.filter((message) => message.fatal === false).length,
    infos: messages.filter((message) => message.fatal !== true && message.fatal !== false).length,
  };
}

function toReportedMessage(message: ReportedMessage, rules: LintResult['rules'], options: ReporterOptions): ReportedMessage {
  const ruleId = fullRuleId(message.ruleId, message.source);
  const rule = ruleId ? rules[ruleId] : undefined;
  const copy = {
    reason: message.reason,
    message: message.reason,
    // `stack` would replace the reason line with a stack trace; a finding never needs one.
    stack: '',
    fatal: message.fatal,
    line: message.line,
    column: message.column,
    place: message.place,
    ruleId,
    source: undefined,
    file: message.file,
  } as Partial<ReportedMessage>;
  if (options.verbose) {
    copy.url = message.url ?? rule?.docs.url;
    const note = [rule?.docs.why ? `Why: ${rule.docs.why}` : undefined, message.note].filter(Boolean).join('\n');
    if (note) copy.note = note;
    if (message.cause) copy.cause = message.cause;
  }
  return copy as ReportedMessage;
}

/** `destructive/no-drop-column` whether the engine set the full id or split it remark-style. */
function fullRuleId(ruleId: string | undefined, source: string | undefined): string | undefined {
  if (!ruleId) return source;
  if (!source || ruleId.includes('/')) return ruleId;
  return `${source}/${ruleId}`;
}

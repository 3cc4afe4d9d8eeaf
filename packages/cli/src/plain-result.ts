// A LintResult as plain data, for what crosses a thread (worker → main) or a run (the result
// cache), and back. What is dropped is rebuilt: the VFiles from the messages and the file's content
// (which the main thread holds), the rules' metadata from the config's plugins (the same for every
// file of a config, so it is not copied per file).
import { VFile } from 'vfile';
import { catalogRules, resolveDefaults, toVFileMessage, type FileResult, type LintMessage, type LintResult, type Notification, type ResolvedConfig, type SourceInput } from '@migralint/core';

export interface PlainFileResult {
  path: string;
  messages: LintMessage[];
  unreadable: boolean;
}

export interface PlainResult {
  files: PlainFileResult[];
  /** Ids of the rules on for at least one file. */
  enabledRules: string[];
  notifications: Notification[];
  failed: boolean;
  stats: LintResult['stats'];
}

export function toPlainResult(result: LintResult): PlainResult {
  return {
    files: result.files.map((f) => ({ path: f.path, messages: f.messages, unreadable: f.unreadable })),
    enabledRules: Object.values(result.rules)
      .filter((r) => r.enabled)
      .map((r) => r.id),
    notifications: result.notifications,
    failed: result.failed,
    stats: result.stats,
  };
}

/** The rules' metadata of a config, all marked off; lint() reports the same table. */
export function ruleTable(config: ResolvedConfig): LintResult['rules'] {
  const rules: LintResult['rules'] = {};
  for (const [id, rule] of catalogRules(resolveDefaults(config).plugins).rules) rules[id] = { ...rule.meta, id, enabled: false };
  return rules;
}

/** `files`: the inputs the result is about (their content becomes the VFiles' text). */
export function fromPlainResult(plain: PlainResult, table: LintResult['rules'], files: readonly SourceInput[]): LintResult {
  const enabled = new Set(plain.enabledRules);
  const rules: LintResult['rules'] = {};
  for (const [id, meta] of Object.entries(table)) rules[id] = { ...meta, enabled: enabled.has(id) };
  // The inputs, not their contents: a file the cache knows unchanged is read only if its VFile is.
  const inputs = new Map(files.map((f) => [f.path, f]));
  const results = plain.files.map((f) => toFileResult(f, inputs.get(f.path)));
  const sum = (key: 'errorCount' | 'warningCount' | 'infoCount' | 'suppressedCount') => results.reduce((n, f) => n + f[key], 0);
  return {
    files: results,
    rules,
    notifications: plain.notifications,
    errorCount: sum('errorCount'),
    warningCount: sum('warningCount'),
    infoCount: sum('infoCount'),
    suppressedCount: sum('suppressedCount'),
    failed: plain.failed,
    stats: plain.stats,
  };
}

/**
 * The file's result; its VFile (what lint() builds: the unsuppressed messages, vfile-style
 * severities) is made when a reporter first reads it. The JSON reporter never does, and a
 * VFileMessage is an Error that captures a stack trace: 10,000 of them cost more than the cache read.
 */
function toFileResult(plain: PlainFileResult, input: SourceInput | undefined): FileResult {
  const counts = { errorCount: 0, warningCount: 0, infoCount: 0, suppressedCount: 0 };
  for (const message of plain.messages) {
    if (message.suppressed) counts.suppressedCount++;
    else if (message.severity === 'error') counts.errorCount++;
    else if (message.severity === 'warning') counts.warningCount++;
    else counts.infoCount++;
  }
  let file: VFile | undefined;
  return {
    path: plain.path,
    get file() {
      return (file ??= toVFile(plain, plain.unreadable ? '' : textOf(input?.content)));
    },
    messages: plain.messages,
    ...counts,
    unreadable: plain.unreadable,
  };
}

const utf8 = new TextDecoder();

/** The text lint() gave the rules (and its VFile): the content decoded, without a byte order mark. */
function textOf(content: SourceInput['content'] | undefined): string {
  if (content === undefined) return '';
  // TextDecoder drops a leading BOM itself.
  if (typeof content !== 'string') return utf8.decode(content);
  return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

function toVFile(plain: PlainFileResult, text: string): VFile {
  const file = new VFile({ path: plain.path, value: text });
  for (const message of plain.messages) if (!message.suppressed) file.messages.push(toVFileMessage(message, plain.path));
  return file;
}

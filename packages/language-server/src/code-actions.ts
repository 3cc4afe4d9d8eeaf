// Quick fixes for the findings under the cursor: each rule fix (what `--fix` would do), each
// suggestion (edits a person should choose), and "disable for this statement", which inserts the
// directive on its own line above the statement, with a reason placeholder to fill in.

import type { Fix, LintMessage } from '@migralint/core';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf } from './diagnostics.js';
import type { StatementRanges } from './history-linter.js';

export function codeActionsFor(
  document: TextDocument,
  messages: readonly LintMessage[],
  statements: StatementRanges,
  range: { start: number; end: number },
  diagnostics: readonly Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const message of messages) {
    if (message.suppressed) continue;
    // Touching the cursor or selection counts: an empty finding range is still somewhere.
    if (message.endOffset < range.start || message.offset > range.end) continue;
    const diagnostic = diagnostics.filter((d) => d.code === message.ruleId && sameRange(d.range, rangeOf(message)));
    const action = (title: string, edits: TextEdit[], preferred = false): CodeAction => ({
      title,
      kind: CodeActionKind.QuickFix,
      ...(diagnostic.length > 0 ? { diagnostics: diagnostic } : {}),
      ...(preferred ? { isPreferred: true } : {}),
      edit: { changes: { [document.uri]: edits } },
    });
    if (message.fix?.length) actions.push(action(`Fix: ${message.message} (${message.ruleId})`, toEdits(document, message.fix), true));
    for (const suggestion of message.suggestions ?? []) actions.push(action(`${suggestion.desc} (${message.ruleId})`, toEdits(document, suggestion.fix)));
    const directive = disableEdit(document, message, statements);
    if (directive) actions.push(action(`Disable ${message.ruleId} for this statement`, [directive]));
  }
  return actions;
}

function toEdits(document: TextDocument, fixes: readonly Fix[]): TextEdit[] {
  return fixes.map((fix) => ({ range: { start: document.positionAt(fix.range[0]), end: document.positionAt(fix.range[1]) }, newText: fix.text }));
}

/**
 * `-- migralint-disable-next-statement RULE -- reason` on a line of its own before the statement the
 * finding is in, indented like it. A finding outside every statement (an empty file) gets none.
 */
function disableEdit(document: TextDocument, message: LintMessage, statements: StatementRanges): TextEdit | undefined {
  const statement = statements.find((s) => message.offset >= s.start && message.offset <= s.end);
  if (!statement) return undefined;
  const text = document.getText();
  const start = document.positionAt(statement.start);
  const lineStart = document.offsetAt({ line: start.line, character: 0 });
  const before = text.slice(lineStart, statement.start);
  const directive = `-- migralint-disable-next-statement ${message.ruleId} -- reason`;
  if (/^[ \t]*$/.test(before)) {
    // Only indentation before the statement: a new line above it, with the same indentation.
    return { range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } }, newText: `${before}${directive}\n` };
  }
  // Another statement ends on that line: the directive goes between them, the statement on a new line.
  return { range: { start, end: start }, newText: `${directive}\n${before.match(/^[ \t]*/)![0]}` };
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

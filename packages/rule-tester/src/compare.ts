// The comparisons: plain functions from (rule, case, outcome) to "pass or throw a clear error",
// so the tester's own tests can feed them outcomes without generating nested tests.

import { isDeepStrictEqual } from 'node:util';
import { applyFixes, fillTemplate, type Rule } from '@migralint/core';
import { checkMessageIds } from './check-meta.js';
import type { CaseOutcome, Finding } from './lint-case.js';
import { isProjectCase, type ExpectedError, type ExpectedProjectError, type InvalidCase, type InvalidFileCase } from './test-cases.js';
import { TesterError } from './tester-error.js';

const POSITION_KEYS = ['line', 'column', 'endLine', 'endColumn'] as const;

/** Problems that fail any case: broken test SQL, a crashing rule, meta that does not match what the rule did. */
export function assertRanCleanly(ruleId: string, rule: Rule, outcome: CaseOutcome): void {
  if (outcome.parseErrors.length > 0) {
    throw new TesterError(
      `The test case's SQL does not parse, so ${ruleId} never saw it; fix the test case:\n${outcome.parseErrors.map(formatFinding).join('\n')}`,
    );
  }
  if (outcome.crashes.length > 0) {
    throw new TesterError(`${ruleId} crashed:\n${outcome.crashes.map((n) => `  ${n.message}${n.detail ? `\n${n.detail}` : ''}`).join('\n')}`);
  }
  for (const finding of outcome.findings) {
    if (finding.fix?.length && rule.meta.fixable !== true) {
      throw new TesterError(`${ruleId} reported a fix but its meta.fixable is not true:\n${formatFinding(finding)}`);
    }
    if (finding.suggestions?.length && rule.meta.hasSuggestions !== true) {
      throw new TesterError(`${ruleId} reported suggestions but its meta.hasSuggestions is not true:\n${formatFinding(finding)}`);
    }
    const unfilled = /\{\{\s*([\w.]+)\s*\}\}/.exec(finding.message);
    if (unfilled) {
      throw new TesterError(`${ruleId} reported "${finding.messageId}" without data.${unfilled[1]}, so the message shows {{${unfilled[1]}}}:\n${formatFinding(finding)}`);
    }
  }
}

/** A valid case: no unsuppressed finding of the rule. */
export function assertValidOutcome(ruleId: string, rule: Rule, outcome: CaseOutcome): void {
  assertRanCleanly(ruleId, rule, outcome);
  if (outcome.findings.length > 0) {
    throw new TesterError(
      `Expected no finding of ${ruleId}, got ${outcome.findings.length}:\n${outcome.findings.map(formatFinding).join('\n')}`,
      { actual: outcome.findings.map((f) => fullView(f)), expected: [] },
    );
  }
}

/** An invalid case: exactly the stated findings, in order, at the stated places; then the fix output. */
export function assertInvalidOutcome(ruleId: string, rule: Rule, testCase: InvalidCase, outcome: CaseOutcome): void {
  checkExpectations(ruleId, rule, testCase);
  assertRanCleanly(ruleId, rule, outcome);
  const { errors } = testCase;
  if (typeof errors === 'number') {
    if (outcome.findings.length !== errors) {
      throw new TesterError(
        `Expected ${errors} finding(s) of ${ruleId}, got ${outcome.findings.length}:\n${outcome.findings.map(formatFinding).join('\n') || '  (none)'}`,
        { actual: outcome.findings.length, expected: errors },
      );
    }
  } else {
    compareFindings(ruleId, rule, errors!, outcome);
  }
  if (!isProjectCase(testCase)) compareOutput(ruleId, testCase, outcome);
}

/** Test bugs found before looking at the outcome: no expected finding, unknown message ids. */
export function checkExpectations(ruleId: string, rule: Rule, testCase: InvalidCase): void {
  const { errors } = testCase;
  if (errors === undefined || errors === 0 || (Array.isArray(errors) && errors.length === 0)) {
    throw new TesterError(`An invalid case must expect at least one finding of ${ruleId}; put cases without findings under \`valid\``);
  }
  if (typeof errors === 'number') {
    if (!Number.isInteger(errors) || errors < 0) throw new TesterError(`errors must be a count or a list (got ${errors})`);
    return;
  }
  checkMessageIds(ruleId, rule, errors.map((e) => e.messageId));
  if (isProjectCase(testCase)) {
    const paths = testCase.files.map((f) => f.path);
    for (const error of errors as ExpectedProjectError[]) {
      if (!paths.includes(error.file)) {
        throw new TesterError(`An expected finding names file "${error.file}", which is not one of the case's files (${paths.join(', ')})`);
      }
    }
  }
}

function compareFindings(ruleId: string, rule: Rule, expected: ExpectedError[], outcome: CaseOutcome): void {
  const codeOf = (file: string) => outcome.files.find((f) => f.path === file)?.code ?? '';
  const expectedViews = expected.map((e) => expectedView(rule, e));
  const actualViews = outcome.findings.map((finding, i) =>
    i < expected.length ? actualView(finding, expectedViews[i]!, codeOf(finding.file)) : fullView(finding, outcome.files.length > 1),
  );
  if (isDeepStrictEqual(actualViews, expectedViews)) return;
  let headline: string;
  if (actualViews.length !== expectedViews.length) {
    headline = `Expected ${expectedViews.length} finding(s) of ${ruleId}, got ${actualViews.length}`;
  } else {
    const i = actualViews.findIndex((view, j) => !isDeepStrictEqual(view, expectedViews[j]));
    const keys = Object.keys(expectedViews[i]!).filter((key) => !isDeepStrictEqual(actualViews[i]![key], expectedViews[i]![key]));
    headline = `Finding ${i + 1} of ${ruleId} differs in ${keys.join(', ')}`;
  }
  throw new TesterError(`${headline}. The rule reported:\n${outcome.findings.map(formatFinding).join('\n') || '  (nothing)'}`, {
    actual: actualViews,
    expected: expectedViews,
  });
}

function compareOutput(ruleId: string, testCase: InvalidFileCase, outcome: CaseOutcome): void {
  const fixes = outcome.findings.flatMap((f) => f.fix ?? []);
  const { output, code } = testCase;
  if (fixes.length === 0) {
    if (output === code) {
      throw new TesterError('`output` equals `code`; when no fix is expected, omit `output` or set it to null');
    }
    if (typeof output === 'string') {
      throw new TesterError(`Expected ${ruleId} to fix the file, but no finding carries a fix`, { actual: code, expected: output });
    }
    return;
  }
  const fixed = outcome.fixed?.text ?? applyFixes(code, fixes).text;
  if (output === undefined || output === null) {
    throw new TesterError(
      `${ruleId} fixed the file; state the fixed text as \`output\` in the case${output === null ? ' (it says null: no fix expected)' : ''}. Fixed text:\n${fixed}`,
      { actual: fixed, expected: output },
    );
  }
  if (fixed !== output) throw new TesterError(`The fixed file differs from \`output\``, { actual: fixed, expected: output });
  const broken = outcome.fixed?.parseErrors ?? [];
  if (broken.length > 0) {
    throw new TesterError(`${ruleId}'s fix produced SQL that does not parse:\n${broken.map(formatFinding).join('\n')}\nFixed text:\n${fixed}`);
  }
}

type View = Record<string, unknown>;

/** What the test states, with `data` turned into the message it must produce. */
function expectedView(rule: Rule, error: ExpectedError): View {
  const view: View = {};
  if ('file' in error) view.file = (error as ExpectedProjectError).file;
  view.messageId = error.messageId;
  for (const key of POSITION_KEYS) if (error[key] !== undefined) view[key] = error[key];
  if (error.message !== undefined) view.message = error.message;
  else if (error.data !== undefined) view.message = fillTemplate(rule.meta.messages[error.messageId] ?? '', error.data);
  if (error.suggestions !== undefined) {
    view.suggestions = error.suggestions.map((s) => (s.desc === undefined ? { output: s.output } : { desc: s.desc, output: s.output }));
  }
  return view;
}

/** The same keys, read from what the rule reported. */
function actualView(finding: Finding, expected: View, code: string): View {
  const view: View = {};
  for (const key of Object.keys(expected)) {
    if (key === 'suggestions') {
      const wanted = expected.suggestions as Array<{ desc?: string }>;
      view.suggestions = (finding.suggestions ?? []).map((s, i) => {
        const output = applyFixes(code, s.fix).text;
        return wanted[i]?.desc === undefined ? { output } : { desc: s.desc, output };
      });
    } else {
      view[key] = (finding as unknown as View)[key];
    }
  }
  return view;
}

function fullView(finding: Finding, withFile = false): View {
  return {
    ...(withFile ? { file: finding.file } : {}),
    messageId: finding.messageId,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
  };
}

export function formatFinding(finding: Finding): string {
  return `  ${finding.file}:${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId} ${finding.messageId ?? ''}: ${finding.message}`;
}

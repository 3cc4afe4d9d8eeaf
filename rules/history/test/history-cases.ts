// RuleTester project cases have SQL files only; the history rules also read a lockfile
// (`project.readAux`) and git's changes (`project.vcs`). These cases add both, run through the real
// engine with the migration model, and are judged by RuleTester's own comparisons
// (assertValidOutcome / assertInvalidOutcome): same positions, same message checks.

import { describe, it } from 'vitest';
import { type LintResult, type ProjectModel, type Rule, type SourceFile, type VcsChanges } from '@migralint/core';
import { computeLock, formatLock, lint } from '@migralint/migrations';
import { assertInvalidOutcome, assertValidOutcome, pluginsWithRule, type CaseOutcome, type ExpectedProjectError, type Finding } from '@migralint/rule-tester';
import history from '../src/index.js';

export interface GitState {
  ref?: string;
  added?: string[];
  modified?: string[];
  deleted?: string[];
  /** Files' contents at `ref` (contentAtRef). */
  atRef?: Record<string, string>;
}

export interface HistoryCase {
  name: string;
  files: Array<{ path: string; code: string }>;
  /** Non-SQL files: lockfiles, sqitch.plan. */
  aux?: Record<string, string>;
  git?: GitState;
  errors?: ExpectedProjectError[];
  only?: boolean;
}

export function vcsOf(git: GitState): VcsChanges {
  return {
    ref: git.ref ?? 'main',
    added: git.added ?? [],
    modified: git.modified ?? [],
    deleted: git.deleted ?? [],
    contentAtRef: (file) => git.atRef?.[file],
  };
}

async function runCase(ruleId: string, rule: Rule, testCase: HistoryCase): Promise<CaseOutcome> {
  const result: LintResult = await lint({
    files: testCase.files.map((f) => ({ path: f.path, content: f.code })),
    config: { plugins: pluginsWithRule(ruleId, rule, [history]), rules: { [ruleId]: 'error' } },
    readAux: (file) => testCase.aux?.[file],
    ...(testCase.git ? { vcs: vcsOf(testCase.git) } : {}),
  });
  const order = new Map(testCase.files.map((f, i) => [f.path, i]));
  const all = result.files
    .flatMap((file) => file.messages.map((m): Finding => ({ ...m, file: file.path })))
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.offset - b.offset);
  return {
    files: testCase.files,
    findings: all.filter((m) => m.ruleId === ruleId && !m.suppressed),
    parseErrors: all.filter((m) => m.ruleId === 'migralint/parse-error' || m.ruleId === 'migralint/unreadable-file'),
    crashes: result.notifications.filter((n) => n.level === 'error'),
  };
}

/** One vitest `describe` with an `it` per case, like RuleTester#run. */
export function runHistoryCases(ruleId: string, rule: Rule, cases: { valid: HistoryCase[]; invalid: HistoryCase[] }): void {
  describe(`${ruleId} (lockfile and git cases)`, () => {
    cases.valid.forEach((c, i) => {
      (c.only ? it.only : it)(`valid #${i + 1}: ${c.name}`, async () => assertValidOutcome(ruleId, rule, await runCase(ruleId, rule, c)));
    });
    cases.invalid.forEach((c, i) => {
      (c.only ? it.only : it)(`invalid #${i + 1}: ${c.name}`, async () => {
        const testCase = { files: c.files, errors: c.errors ?? [] };
        assertInvalidOutcome(ruleId, rule, testCase, await runCase(ruleId, rule, c));
      });
    });
  });
}

/** The lockfile(s) `migralint lock` would write for these files: lockfile path → text. */
export async function lockOf(files: Array<{ path: string; code: string }>, aux: Record<string, string> = {}): Promise<Record<string, string>> {
  let captured: { model: ProjectModel; files: readonly SourceFile[] } | undefined;
  await lint({
    files: files.map((f) => ({ path: f.path, content: f.code })),
    config: { rules: {} },
    readAux: (file) => aux[file],
    onModel: (model, parsed) => {
      captured = { model, files: parsed };
    },
  });
  const out: Record<string, string> = {};
  for (const set of computeLock(captured!.model, captured!.files)) out[set.file] = formatLock(set.lock);
  return out;
}

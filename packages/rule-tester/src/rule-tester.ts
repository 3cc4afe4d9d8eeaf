// RuleTester: ESLint's, for migralint rules. `run()` turns a rule's cases into one vitest
// `describe(ruleId)` with one `it` per case; `cases()` gives the same cases as plain functions.
//
//   new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', rule, {
//     valid: ['CREATE TABLE t (); DROP TABLE t;'],
//     invalid: [{ code: 'DROP TABLE users;', errors: [{ messageId: 'dropTable', line: 1, column: 12 }] }],
//     invalidOptions: [{ allowTables: 'tmp_*' }],
//   });

import { describe, it } from 'vitest';
import type { Rule } from '@migralint/core';
import { assertOptionsRejected, checkRuleMeta, validateOptions } from './check-meta.js';
import { assertInvalidOutcome, assertValidOutcome, checkExpectations } from './compare.js';
import { lintCase } from './lint-case.js';
import { TesterError } from './tester-error.js';
import { isProjectCase, type InvalidCase, type RuleTesterConfig, type RuleTests, type ValidCase } from './test-cases.js';

/** One generated test: a title and a function that throws when the rule misbehaves. */
export interface GeneratedCase {
  title: string;
  mode: 'run' | 'only' | 'skip';
  run(): Promise<void> | void;
}

export class RuleTester {
  constructor(private readonly config: RuleTesterConfig = {}) {}

  /** Register the rule's tests with vitest: `describe(ruleId)`, one `it` per case. */
  run(ruleId: string, rule: Rule, tests: RuleTests): void {
    const cases = this.cases(ruleId, rule, tests);
    describe(ruleId, () => {
      for (const c of cases) {
        if (c.mode === 'only') it.only(c.title, c.run);
        else if (c.mode === 'skip') it.skip(c.title, c.run);
        else it(c.title, c.run);
      }
    });
  }

  /** The tests `run()` registers, as plain functions (for other test runners and for testing the tester). */
  cases(ruleId: string, rule: Rule, tests: RuleTests): GeneratedCase[] {
    const out: GeneratedCase[] = [{ title: 'meta', mode: 'run', run: () => checkRuleMeta(ruleId, rule) }];
    tests.valid.forEach((testCase, i) => {
      out.push({
        title: `valid #${i + 1}: ${titleOf(testCase)}`,
        mode: modeOf(testCase),
        run: async () => {
          if (typeof testCase === 'object' && isProjectCase(testCase) && testCase.errors !== undefined) {
            const { errors } = testCase;
            if (errors !== 0 && !(Array.isArray(errors) && errors.length === 0)) {
              throw new TesterError('A valid case must not expect findings; move it to `invalid`');
            }
          }
          assertValidOutcome(ruleId, rule, await this.lint(ruleId, rule, testCase));
        },
      });
    });
    tests.invalid.forEach((testCase, i) => {
      out.push({
        title: `invalid #${i + 1}: ${titleOf(testCase)}`,
        mode: modeOf(testCase),
        run: async () => {
          checkExpectations(ruleId, rule, testCase);
          assertInvalidOutcome(ruleId, rule, testCase, await this.lint(ruleId, rule, testCase));
        },
      });
    });
    for (const options of tests.invalidOptions ?? []) {
      out.push({ title: `invalid options: ${JSON.stringify(options)}`, mode: 'run', run: () => assertOptionsRejected(ruleId, rule, options) });
    }
    return out;
  }

  private lint(ruleId: string, rule: Rule, testCase: ValidCase | InvalidCase) {
    const normalised = typeof testCase === 'string' ? { code: testCase } : testCase;
    if (!isProjectCase(normalised) && typeof normalised.code !== 'string') {
      throw new TesterError('A test case needs `code` (one file) or `files` (a project)');
    }
    const files = isProjectCase(normalised)
      ? normalised.files
      : [{ path: normalised.filename ?? this.config.filename ?? 'migration.sql', code: normalised.code }];
    return lintCase({
      ruleId,
      rule,
      plugins: this.config.plugins ?? [],
      settings: { ...this.config.settings, ...normalised.settings },
      options: validateOptions(ruleId, rule, normalised.options),
      files,
      ...(isProjectCase(normalised) && normalised.aux ? { aux: normalised.aux } : {}),
      ...(isProjectCase(normalised) && normalised.vcs ? { vcs: normalised.vcs } : {}),
    });
  }
}

function titleOf(testCase: ValidCase | InvalidCase): string {
  if (typeof testCase === 'string') return summarise(testCase);
  if (testCase.name) return testCase.name;
  if (isProjectCase(testCase)) return testCase.files.map((f) => f.path).join(', ');
  return summarise(testCase.code);
}

function summarise(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty file)';
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

function modeOf(testCase: ValidCase | InvalidCase): GeneratedCase['mode'] {
  if (typeof testCase === 'string') return 'run';
  return testCase.only ? 'only' : testCase.skip ? 'skip' : 'run';
}

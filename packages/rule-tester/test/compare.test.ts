// The comparison functions, fed hand-made outcomes: each must throw exactly when a test should fail.
import { describe, expect, it } from 'vitest';
import { assertInvalidOutcome, assertValidOutcome, type CaseOutcome, type Finding } from '../src/index.js';
import { duplicateCreate, preferIfExists, suggestIfExists } from './sample-rules.js';

const RULE = 'sample/prefer-if-exists';
const CODE = 'DROP TABLE a;\nDROP TABLE b;';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    file: 'migration.sql',
    ruleId: RULE,
    messageId: 'missing',
    severity: 'warning',
    message: 'DROP TABLE a without IF EXISTS',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 13,
    offset: 0,
    endOffset: 12,
    ...overrides,
  };
}

function outcome(findings: Finding[], extra: Partial<CaseOutcome> = {}): CaseOutcome {
  return { files: [{ path: 'migration.sql', code: CODE }], findings, parseErrors: [], crashes: [], ...extra };
}

const secondFinding = finding({ message: 'DROP TABLE b without IF EXISTS', line: 2, offset: 14, endOffset: 26 });

describe('assertValidOutcome', () => {
  it('passes with no findings', () => {
    expect(() => assertValidOutcome(RULE, preferIfExists, outcome([]))).not.toThrow();
  });
  it('fails on a finding, listing it', () => {
    expect(() => assertValidOutcome(RULE, preferIfExists, outcome([finding()]))).toThrow(/Expected no finding.*got 1[\s\S]*migration\.sql:1:1-1:13/);
  });
  it('fails when the test SQL does not parse', () => {
    const parseError = finding({ ruleId: 'migralint/parse-error', messageId: 'syntax', message: 'cannot parse' });
    expect(() => assertValidOutcome(RULE, preferIfExists, outcome([], { parseErrors: [parseError] }))).toThrow(/does not parse.*fix the test case/);
  });
  it('fails when the rule crashed', () => {
    const crash = { level: 'error' as const, ruleId: RULE, message: 'Rule sample/prefer-if-exists crashed: boom' };
    expect(() => assertValidOutcome(RULE, preferIfExists, outcome([], { crashes: [crash] }))).toThrow(/crashed[\s\S]*boom/);
  });
});

describe('assertInvalidOutcome', () => {
  const both = outcome([finding(), secondFinding]);
  const fixed = { text: 'DROP TABLE IF EXISTS a;', parseErrors: [] };

  it('passes when count, order, ids, positions and data match', () => {
    const testCase = {
      code: CODE,
      errors: [
        { messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 13, data: { table: 'a' } },
        { messageId: 'missing', line: 2, column: 1, data: { table: 'b' } },
      ],
    };
    expect(() => assertInvalidOutcome(RULE, preferIfExists, testCase, both)).not.toThrow();
  });
  it('passes with a matching count', () => {
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: 2 }, both)).not.toThrow();
  });
  it('fails on a wrong count', () => {
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: 1 }, both)).toThrow(/Expected 1 finding.*got 2/);
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: [{ messageId: 'missing' }] }, both)).toThrow(/Expected 1 finding.*got 2/);
    expect(() =>
      assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: [{ messageId: 'missing' }, { messageId: 'missing' }, { messageId: 'missing' }] }, both),
    ).toThrow(/Expected 3 finding.*got 2/);
  });
  it('fails on a wrong line, column or end', () => {
    for (const wrong of [{ line: 2 }, { column: 2 }, { endLine: 3 }, { endColumn: 12 }]) {
      const testCase = { code: CODE, errors: [{ messageId: 'missing', ...wrong }, { messageId: 'missing' }] };
      expect(() => assertInvalidOutcome(RULE, preferIfExists, testCase, both)).toThrow(new RegExp(`Finding 1 .* differs in ${Object.keys(wrong)[0]}`));
    }
  });
  it('fails on the wrong order', () => {
    const testCase = { code: CODE, errors: [{ messageId: 'missing', line: 2 }, { messageId: 'missing', line: 1 }] };
    expect(() => assertInvalidOutcome(RULE, preferIfExists, testCase, both)).toThrow(/Finding 1 .* differs in line/);
  });
  it('fails on wrong data or message text', () => {
    const byData = { code: CODE, errors: [{ messageId: 'missing', data: { table: 'zzz' } }, { messageId: 'missing' }] };
    expect(() => assertInvalidOutcome(RULE, preferIfExists, byData, both)).toThrow(/differs in message/);
    const byText = { code: CODE, errors: [{ messageId: 'missing', message: 'nope' }, { messageId: 'missing' }] };
    expect(() => assertInvalidOutcome(RULE, preferIfExists, byText, both)).toThrow(/differs in message/);
  });
  it('fails on a wrong or unknown messageId', () => {
    const rule = { ...preferIfExists, meta: { ...preferIfExists.meta, messages: { ...preferIfExists.meta.messages, other: 'x' } } };
    expect(() => assertInvalidOutcome(RULE, rule, { code: CODE, errors: [{ messageId: 'other' }, { messageId: 'missing' }] }, both)).toThrow(
      /differs in messageId/,
    );
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: [{ messageId: 'typo' }] }, both)).toThrow(
      /messageId "typo", which meta.messages does not define \(known: missing\)/,
    );
  });
  it('fails when an invalid case expects nothing', () => {
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: [] }, outcome([]))).toThrow(/at least one finding/);
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: 0 }, outcome([]))).toThrow(/at least one finding/);
  });
  it('fails when a message still shows a placeholder', () => {
    const unfilled = finding({ message: 'DROP TABLE {{table}} without IF EXISTS' });
    expect(() => assertInvalidOutcome(RULE, preferIfExists, { code: CODE, errors: 1 }, outcome([unfilled]))).toThrow(/without data\.table/);
  });

  describe('fixes', () => {
    const withFix = outcome([finding({ fix: [{ range: [11, 11], text: 'IF EXISTS ' }] })], { fixed });
    const code = 'DROP TABLE a;';
    it('passes when output is the fixed text', () => {
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: 'DROP TABLE IF EXISTS a;' }, withFix)).not.toThrow();
    });
    it('fails when a fix exists but output is not stated', () => {
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1 }, withFix)).toThrow(/state the fixed text as `output`/);
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: null }, withFix)).toThrow(/it says null/);
    });
    it('fails when output differs', () => {
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: 'DROP TABLE a CASCADE;' }, withFix)).toThrow(/differs from `output`/);
    });
    it('fails when output is stated but nothing was fixed', () => {
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: 'x' }, outcome([finding()]))).toThrow(/no finding carries a fix/);
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: code }, outcome([finding()]))).toThrow(/`output` equals `code`/);
    });
    it('fails when the fixed SQL does not parse', () => {
      const broken = outcome([finding({ fix: [{ range: [11, 11], text: 'IF EXISTS ' }] })], {
        fixed: { text: 'DROP TABLE IF EXISTS a;', parseErrors: [finding({ ruleId: 'migralint/parse-error', message: 'syntax error' })] },
      });
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1, output: 'DROP TABLE IF EXISTS a;' }, broken)).toThrow(/does not parse/);
    });
    it('fails when a rule fixes without meta.fixable', () => {
      const notFixable = { ...preferIfExists, meta: { ...preferIfExists.meta, fixable: false } };
      expect(() => assertInvalidOutcome(RULE, notFixable, { code, errors: 1, output: 'DROP TABLE IF EXISTS a;' }, withFix)).toThrow(/meta\.fixable/);
    });
  });

  describe('suggestions', () => {
    const code = 'DROP TABLE a;';
    const suggested = outcome([finding({ suggestions: [{ desc: 'Add IF EXISTS', fix: [{ range: [11, 11], text: 'IF EXISTS ' }] }] })], {
      files: [{ path: 'migration.sql', code }],
    });
    it('passes when desc and output match', () => {
      const testCase = { code, errors: [{ messageId: 'missing', suggestions: [{ desc: 'Add IF EXISTS', output: 'DROP TABLE IF EXISTS a;' }] }] };
      expect(() => assertInvalidOutcome(RULE, suggestIfExists, testCase, suggested)).not.toThrow();
    });
    it('fails on a wrong suggestion output or count', () => {
      const wrong = { code, errors: [{ messageId: 'missing', suggestions: [{ output: 'DROP TABLE a CASCADE;' }] }] };
      expect(() => assertInvalidOutcome(RULE, suggestIfExists, wrong, suggested)).toThrow(/differs in suggestions/);
      const none = { code, errors: [{ messageId: 'missing', suggestions: [] }] };
      expect(() => assertInvalidOutcome(RULE, suggestIfExists, none, suggested)).toThrow(/differs in suggestions/);
    });
    it('fails when a rule suggests without meta.hasSuggestions', () => {
      expect(() => assertInvalidOutcome(RULE, preferIfExists, { code, errors: 1 }, suggested)).toThrow(/meta\.hasSuggestions/);
    });
  });

  describe('project cases', () => {
    const files = [
      { path: 'a.sql', code: 'CREATE TABLE t ();' },
      { path: 'b.sql', code: 'CREATE TABLE t ();' },
    ];
    const PROJECT_RULE = 'sample/duplicate-create';
    const reported = outcome([finding({ file: 'b.sql', ruleId: PROJECT_RULE, messageId: 'again', message: 'Table t was already created in a.sql', column: 14 })], {
      files,
    });
    it('passes when the file matches', () => {
      const testCase = { files, errors: [{ file: 'b.sql', messageId: 'again', line: 1, column: 14, data: { table: 't', first: 'a.sql' } }] };
      expect(() => assertInvalidOutcome(PROJECT_RULE, duplicateCreate, testCase, reported)).not.toThrow();
    });
    it('fails on the wrong file', () => {
      const testCase = { files, errors: [{ file: 'a.sql', messageId: 'again' }] };
      expect(() => assertInvalidOutcome(PROJECT_RULE, duplicateCreate, testCase, reported)).toThrow(/differs in file/);
    });
    it('fails on a file that is not in the case', () => {
      const testCase = { files, errors: [{ file: 'c.sql', messageId: 'again' }] };
      expect(() => assertInvalidOutcome(PROJECT_RULE, duplicateCreate, testCase, reported)).toThrow(/names file "c\.sql"/);
    });
  });
});

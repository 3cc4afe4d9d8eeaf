// @migralint/rule-tester: test migralint rules the way ESLint rules are tested.
export { RuleTester, type GeneratedCase } from './rule-tester.js';
export type {
  ExpectedError,
  ExpectedProjectError,
  ExpectedSuggestion,
  FileCase,
  InvalidCase,
  InvalidFileCase,
  ProjectCase,
  RuleTesterConfig,
  RuleTests,
  ValidCase,
} from './test-cases.js';
export { lintCase, pluginsWithRule, type CaseOutcome, type Finding, type LintCaseInput } from './lint-case.js';
export { assertInvalidOutcome, assertRanCleanly, assertValidOutcome, checkExpectations, formatFinding } from './compare.js';
export { assertOptionsRejected, checkMessageIds, checkRuleMeta, splitRuleId, validateOptions } from './check-meta.js';
export { TesterError } from './tester-error.js';
export { squawkConformance, readSquawkCases, squawkSettings, violatesOn, squawkCasesFile, type SquawkCase, type SquawkEquivalent, type SquawkConformanceOptions } from './squawk-conformance.js';

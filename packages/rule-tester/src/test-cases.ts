// The shapes a rule's tests are written in (ESLint's RuleTester, plus multi-file project cases).

import type { Plugin, Settings } from '@migralint/core';

export interface RuleTesterConfig {
  /** Plugins the run needs besides the rule under test (e.g. the rule's own pack). */
  plugins?: Plugin[];
  /** Settings for every case, merged over `{ postgresVersion: 17 }`; a case's own settings win. */
  settings?: Partial<Settings>;
  /** File name of single-file cases that give none. Default `migration.sql`. */
  filename?: string;
}

interface CaseBase {
  /** Test title; defaults to the SQL (or the file paths of a project case). */
  name?: string;
  /** Rule options; validated against the rule's `meta.schema` (ajv, with defaults) like a config would. */
  options?: Record<string, unknown>;
  settings?: Partial<Settings>;
  /** Run only this case (vitest `it.only`) / skip it. */
  only?: boolean;
  skip?: boolean;
}

/** One migration file. */
export interface FileCase extends CaseBase {
  code: string;
  filename?: string;
}

/** A file case the rule must report, with every finding stated. */
export interface InvalidFileCase extends FileCase {
  /** Every finding in position order, or just how many. */
  errors: ExpectedError[] | number;
  /** The file after applying the findings' fixes; `null` or absent when the rule fixes nothing. */
  output?: string | null;
}

/** Several files linted in one run (a migration history); paths are what `errors[].file` names. */
export interface ProjectCase extends CaseBase {
  files: Array<{ path: string; code: string }>;
  /** Non-SQL files rules may read (`project.readAux`): a lockfile, sqitch.plan, by path. */
  aux?: Record<string, string>;
  /** What git says changed (`project.vcs`), as under `--changed-since REF`; `atRef` holds old contents. */
  vcs?: { ref?: string; added?: string[]; modified?: string[]; deleted?: string[]; atRef?: Record<string, string> };
  /** Findings in the order of `files`, then position order within a file. Absent or empty in `valid`. */
  errors?: ExpectedProjectError[] | number;
}

export interface ExpectedError {
  messageId: string;
  /** 1-based; columns in UTF-16 code units; the end is exclusive (just after the last character). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Placeholder values: the message must equal the template filled with these. */
  data?: Record<string, unknown>;
  /** The exact message text (alternative to `data`). */
  message?: string;
  /** The finding's suggestions, in order: each one's description and the file after applying it. */
  suggestions?: ExpectedSuggestion[];
}

export interface ExpectedProjectError extends ExpectedError {
  file: string;
}

export interface ExpectedSuggestion {
  desc?: string;
  output: string;
}

export type ValidCase = string | FileCase | ProjectCase;
export type InvalidCase = InvalidFileCase | ProjectCase;

export interface RuleTests {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /** Options objects `meta.schema` must reject. */
  invalidOptions?: Array<Record<string, unknown>>;
}

export function isProjectCase(testCase: ValidCase | InvalidCase): testCase is ProjectCase {
  return typeof testCase === 'object' && Array.isArray((testCase as ProjectCase).files);
}

// The reporter contract: what turns one run's LintResult into text. The built-in reporters
// (terminal, json, sarif, github, gitlab) and an organisation's own (`--format migralint-reporter-x`)
// all default-export a Reporter, and the CLI calls every one the same way.

import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LintMessage, LintResult } from './types.js';

/** What every reporter is told by the CLI. */
export interface ReporterOptions {
  /** The directory migralint ran in: terminal and JSON paths are relative to it. */
  cwd: string;
  /**
   * The repository root (the git work tree, or `--sarif-root`): code hosts (SARIF, GitHub, GitLab)
   * place findings by paths relative to it. Defaults to `cwd`.
   */
  root?: string;
  /** Say more: a code frame, each rule's why and docs link, run problems' details. */
  verbose?: boolean;
  /** ANSI colours; only when explicitly true (the CLI decides from the TTY and NO_COLOR/FORCE_COLOR). */
  color?: boolean;
  /** Errors only (run problems are kept where the format has a place for them). */
  quiet?: boolean;
  /** The process environment, for reporters that follow a CI's conventions ($GITHUB_STEP_SUMMARY). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Terminal width in columns: long messages wrap under their start. Undefined: no wrapping (a log, a pipe). */
  width?: number;
}

export interface Reporter {
  /** Its name in `--format NAME`, for messages. */
  name: string;
  /** The report, ending in a newline; the CLI prints it or writes it to `--format NAME=FILE`. */
  format(result: LintResult, options: ReporterOptions): string;
}

/** Typed identity, like definePlugin: `export default defineReporter({ name, format })`. */
export function defineReporter(reporter: Reporter): Reporter {
  return reporter;
}

/** What is wrong with `value` as a Reporter, or undefined when nothing is. */
export function reporterProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return `it exports ${value === undefined ? 'no default export' : value === null ? 'null' : `a ${typeof value}`}`;
  const { name, format } = value as Partial<Reporter>;
  if (typeof name !== 'string' || name === '') return 'it has no string "name"';
  if (typeof format !== 'function') return 'it has no "format" function';
  return undefined;
}

/**
 * A finding's file as code hosts place it: relative to the repository root (`options.root`, else the
 * cwd) with `/`, or undefined when the file is outside that root and no host could place it.
 */
export function rootRelativePath(filePath: string, options: Pick<ReporterOptions, 'cwd' | 'root'>): string | undefined {
  const root = path.resolve(options.cwd, options.root ?? '.');
  const relative = path.relative(root, path.resolve(options.cwd, filePath));
  if (relative === '' || relative.split(path.sep)[0] === '..' || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * "The same finding" across runs, for code hosts that track alerts (SARIF partialFingerprints, GitLab
 * Code Quality): never a line number, so edits elsewhere in the file keep it. It hashes the rule, the
 * file (as the report names it) and the flagged SQL (whitespace and case normalised), plus how many
 * identical findings came before it in the file, so two equal statements stay two findings.
 */
export function createFingerprinter(reportPath: string, text: string): (message: LintMessage) => string {
  const seen = new Map<string, number>();
  return (message) => {
    const flagged = text.slice(message.offset, message.endOffset).replace(/\s+/g, ' ').trim().toLowerCase();
    // An empty range (an insertion point, an unreadable file) has no text of its own.
    const subject = flagged || `#${message.messageId ?? message.message}`;
    const key = [message.ruleId, reportPath, subject].join('\u0000');
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
  };
}

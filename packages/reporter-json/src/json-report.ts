// The shape of the JSON report, version 1. schema/migralint-report.schema.json describes the same
// shape for tools that do not read TypeScript; a test keeps the two in step.
//
// Compatibility promise: within version 1, fields are only ever added (as optional), never renamed,
// retyped or removed. Anything else bumps `version`.

import type { Severity } from '@migralint/core';

export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: 'migralint'; version: string };
  files: JsonFile[];
  /** Every rule the run knew, by id, enabled or not. */
  rules: Record<string, JsonRule>;
  notifications: JsonNotification[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  suppressedCount: number;
  /** A rule threw or a file was unreadable: the CLI exits 2. */
  failed: boolean;
  stats: { files: number; statements: number; bytes: number; durationMs: number };
}

export interface JsonFile {
  /** Relative to the cwd, `/`-separated. */
  path: string;
  /** In position order; suppressed findings included (with `suppressed`). */
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  suppressedCount: number;
  /** Not UTF-8 SQL text (binary, bad encoding, missing); its one message says why. */
  unreadable: boolean;
}

export interface JsonEdit {
  /** UTF-16 offsets into the file text (without a BOM): start inclusive, end exclusive. */
  range: [number, number];
  text: string;
}

export interface JsonMessage {
  ruleId: string;
  messageId?: string;
  severity: Severity;
  message: string;
  note?: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  endLine: number;
  /** Exclusive. */
  endColumn: number;
  /** UTF-16 offset of the start. */
  offset: number;
  /** UTF-16 offset just past the end. */
  endOffset: number;
  url?: string;
  /** What `--fix` applies. */
  fix?: JsonEdit[];
  /** Edits an editor may offer; never applied by `--fix`. */
  suggestions?: Array<{ desc: string; fix: JsonEdit[] }>;
  suppressed?: { kind: 'directive' | 'baseline'; reason?: string; line?: number };
}

export interface JsonRule {
  description: string;
  url: string;
  why?: string;
  type: 'problem' | 'suggestion' | 'directive';
  defaultSeverity: Severity;
  recommended: boolean;
  fixable: boolean;
  hasSuggestions: boolean;
  enabled: boolean;
  sources?: Array<{ tool: string; rule: string }>;
}

export interface JsonNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  ruleId?: string;
  file?: string;
  /** Only with `verbose`. */
  detail?: string;
}

// Shared by the verify tests: in-memory histories verified on a real PGlite, the empty database cached
// once for every test (and every test file) in the system's temp directory.
import os from 'node:os';
import path from 'node:path';
import { builtinPlugins } from '@migralint/config';
import type { LintMessage } from '@migralint/core';
import { verifyProject, type VerifyOptions, type VerifyOutcome } from '../src/index.js';

export const TEST_CACHE_DIR = path.join(os.tmpdir(), 'migralint-test-cache');

/** Verify these files (path → SQL) with the built-in rule packs loaded, as the CLI would. */
export async function verifyFiles(files: Record<string, string>, options: Partial<VerifyOptions> = {}): Promise<VerifyOutcome> {
  return verifyProject({
    files: Object.entries(files).map(([p, content]) => ({ path: p, content })),
    config: { plugins: [...builtinPlugins], ...options.config },
    cacheDir: TEST_CACHE_DIR,
    cwd: '/project',
    ...options,
  });
}

/** `file:line:column ruleId` of every unsuppressed finding, for compact assertions. */
export function findings(outcome: VerifyOutcome): string[] {
  return outcome.result.files.flatMap((f) => f.messages.filter((m) => !m.suppressed).map((m) => `${f.path}:${m.line}:${m.column} ${m.ruleId}`));
}

export function messagesOf(outcome: VerifyOutcome, ruleId: string): Array<LintMessage & { path: string }> {
  return outcome.result.files.flatMap((f) => f.messages.filter((m) => m.ruleId === ruleId).map((m) => ({ ...m, path: f.path })));
}

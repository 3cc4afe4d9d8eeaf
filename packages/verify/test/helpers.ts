// Shared by the verify tests: in-memory histories verified on a real PGlite, the empty database cached
// once for every test (and every test file) in the system's temp directory.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { LintMessage } from '@migralint/core';
import { verifyProject, type VerifyOptions, type VerifyOutcome } from '../src/index.js';
import { allBuiltinPlugins } from '../../cli/src/rule-packs.js';

const builtinPlugins = await allBuiltinPlugins();

export const TEST_CACHE_DIR = path.join(os.tmpdir(), 'migralint-test-cache');

/** packages/verify/test/fixtures: histories verified as they are on disk. */
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The SQL files below a fixture folder, with paths relative to FIXTURES (as the CLI names them). */
export function fixtureFiles(dir: string): Array<{ path: string; content: string }> {
  const root = path.join(FIXTURES, dir);
  return fs
    .readdirSync(root)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ path: path.posix.join(dir, f), content: fs.readFileSync(path.join(root, f), 'utf8') }));
}

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

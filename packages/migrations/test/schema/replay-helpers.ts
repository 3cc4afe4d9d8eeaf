// Test helpers: real SQL through the real parser (core's lint() with a rule that keeps each
// file's SourceFile), then a plain MigrationSet of one migration per file, each file one up part.
import { expect } from 'vitest';
import { definePlugin, defineRule, type MigrationSet, type SchemaModel, type Settings, type SourceFile } from '@migralint/core';
import { lint } from '../../src/lint.js';
import { replaySchema } from '../../src/schema/replay-schema.js';

/**
 * These tests describe the catalog's content; identities (`id`) are numbers of the replay's own
 * and have their tests in identities.test.ts. So an expected object without `id` matches an
 * actual one with it.
 */
expect.addEqualityTesters([
  function ignoringIds(this: { equals(a: unknown, b: unknown, testers?: unknown[]): boolean }, actual: unknown, expected: unknown, testers: unknown[]) {
    if (!isRecord(actual) || !isRecord(expected) || !('id' in actual) || 'id' in expected) return undefined;
    const { id: _id, ...rest } = actual;
    // The matcher's own testers go on (toMatchObject's subset rule).
    return this.equals(rest, expected, testers);
  },
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

export async function parseFiles(files: ReadonlyArray<{ path: string; sql: string }>): Promise<Map<string, SourceFile>> {
  const captured = new Map<string, SourceFile>();
  const capture = defineRule({
    meta: { type: 'suggestion', docs: { description: 'test: keep each parsed file', url: 'https://example.test/capture' }, defaultSeverity: 'info', recommended: false, messages: {} },
    create(context) {
      captured.set(context.file.path, context.file);
      return {};
    },
  });
  await lint({
    files: files.map((f) => ({ path: f.path, content: f.sql })),
    config: { plugins: [definePlugin({ name: 'capture', rules: { file: capture } })], rules: { 'capture/file': 'info' } },
  });
  return captured;
}

/** One migration per file, in the order given, each with one up part over the whole file. */
export function plainSet(files: ReadonlyArray<SourceFile>): MigrationSet {
  return {
    layout: 'plain',
    dir: '.',
    supportsDown: false,
    migrations: files.map((file, index) => ({
      index,
      version: String(index + 1).padStart(3, '0'),
      name: file.path,
      up: [{ file: file.path, direction: 'up' as const, range: { start: 0, end: file.text.length }, transaction: 'transaction' as const, transactionReason: 'test' }],
      down: [],
    })),
  };
}

/** Replays the given migrations (SQL strings, one per migration) and returns the model. */
export async function replay(migrations: readonly string[], settings: Partial<Settings> = {}): Promise<{ model: SchemaModel; files: SourceFile[] }> {
  const inputs = migrations.map((sql, i) => ({ path: `m/${String(i + 1).padStart(3, '0')}.sql`, sql }));
  const parsed = await parseFiles(inputs);
  const files = inputs.map((f) => parsed.get(f.path)!);
  const model = replaySchema({ set: plainSet(files), files: parsed, settings: { postgresVersion: 17, ...settings } });
  return { model, files };
}

export const q = (schema: string, name: string) => ({ schema, name });
export const pub = (name: string) => ({ schema: 'public', name });

// Real files in a throwaway directory: config discovery is about the file system, so tests use one.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Creates a temp directory holding `files` (path → content; objects are written as JSON). */
export function tempProject(files: Record<string, string | object> = {}): string {
  const root = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'migralint-config-'));
  created.push(root);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | object>): void {
  for (const [name, content] of Object.entries(files)) {
    const target = path.join(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

/** A plugin module's source: plain objects, since a temp dir cannot import @migralint/core. */
export function pluginSource(
  name: string,
  rules: Record<string, { recommended?: boolean; defaultSeverity?: string; schema?: object; defaultOptions?: object }>,
  extra = '',
): string {
  const entries = Object.entries(rules).map(
    ([rule, meta]) => `    ${JSON.stringify(rule)}: {
      meta: {
        type: 'problem',
        docs: { description: 'Test rule ${rule}.', url: 'https://example.com/${rule}' },
        defaultSeverity: ${JSON.stringify(meta.defaultSeverity ?? 'error')},
        recommended: ${meta.recommended ?? true},
        messages: { found: 'Found.' },
        ${meta.schema ? `schema: ${JSON.stringify(meta.schema)},` : ''}
        ${meta.defaultOptions ? `defaultOptions: ${JSON.stringify(meta.defaultOptions)},` : ''}
      },
      create() { return {}; },
    },`,
  );
  return `export default {\n  name: ${JSON.stringify(name)},\n  rules: {\n${entries.join('\n')}\n  },${extra}\n};\n`;
}

/** Runs `fn` and returns the thrown error (failing the test when nothing is thrown). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { problems?: readonly string[] }> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

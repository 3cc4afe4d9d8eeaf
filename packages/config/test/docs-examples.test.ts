// The examples in docs/configuration.md are tests: each fenced block whose info string names a file
// (```json migralint.config.json) must satisfy the published schema; those that need nothing outside
// the block (no plugins, no extended files) must also load without a single config error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, test } from 'vitest';
import { ConfigError, configSchema, loadConfig, presetNames } from '../src/index.js';
import { rejection, tempProject } from './temp-project.js';
import { defaultLoaders } from 'cosmiconfig';
import { builtinPacks } from './builtins.js';

const docsPath = fileURLToPath(new URL('../../../docs/configuration.md', import.meta.url));
const markdown = fs.readFileSync(docsPath, 'utf8');

interface Example {
  language: string;
  filename: string;
  code: string;
}

const examples: Example[] = [...markdown.matchAll(/^```(json|yaml|js) (\S+)\n([\s\S]*?)^```$/gm)].map((match) => ({
  language: match[1]!,
  filename: match[2]!,
  code: match[3]!,
}));

async function configOf(example: Example): Promise<unknown> {
  if (example.language === 'js') {
    const dir = tempProject({ [example.filename]: example.code });
    return ((await import(path.join(dir, example.filename))) as { default: unknown }).default;
  }
  const parsed = example.language === 'json' ? JSON.parse(example.code) : defaultLoaders['.yaml'](example.filename, example.code);
  return example.filename === 'package.json' ? (parsed as { migralint: unknown }).migralint : parsed;
}

const ajv = new Ajv({ allErrors: true, strictTuples: false });
ajv.addKeyword('errorMessage');
const validate = ajv.compile(configSchema);

describe('the JSON Schema', () => {
  test('is a valid draft-07 schema', () => {
    expect(configSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(configSchema)).toBe(true);
  });

  test('rejects what the docs call mistakes', () => {
    expect(validate({ rulez: {} })).toBe(false);
    expect(validate({ rules: { 'destructive/no-truncate': 'warning' } })).toBe(false);
    expect(validate({ overrides: [{ rules: {} }] })).toBe(false);
    expect(validate({ settings: { postgresVersion: 8 } })).toBe(false);
  });

  test('the docs hold the examples this suite expects', () => {
    expect(examples.map((example) => example.filename)).toEqual(
      expect.arrayContaining(['migralint.config.json', '.migralintrc.yaml', 'migralint.config.mjs', 'package.json', 'overrides.json']),
    );
  });
});

describe.each(examples)('docs example $filename', (example) => {
  test('satisfies the schema', async () => {
    const config = await configOf(example);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('loads without errors, or fails only for what lives outside the block', async () => {
    const config = (await configOf(example)) as { plugins?: unknown[]; extends?: string | string[] };
    const selfContained = config.plugins === undefined && [config.extends ?? []].flat().every((entry) => presetNames.includes(entry));
    const name = /^(migralint\.config|\.migralintrc|package\.json$)/.test(example.filename)
      ? example.filename
      : `migralint.config${path.extname(example.filename)}`;
    const root = tempProject({ [name]: example.code });
    const loading = loadConfig({ builtinPacks, cwd: root });
    if (selfContained) {
      expect((await loading).filepath).toBe(path.join(root, name));
    } else {
      // The example names a plugin or config the temp project does not have: only that may fail.
      const error = await rejection(loading);
      expect(error).toBeInstanceOf(ConfigError);
      const where = error.message.slice(0, error.message.indexOf(': cannot find '));
      expect(where).toMatch(/^[\w.]+: (extends|plugins)(\[\d+\])?$/);
      expect(where.startsWith(`${name}: `)).toBe(true);
    }
  });
});

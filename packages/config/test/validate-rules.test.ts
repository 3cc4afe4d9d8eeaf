import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { pluginSource, rejection, tempProject } from './temp-project.js';
import { builtinPacks } from './builtins.js';

async function problemsOf(files: Record<string, string | object>): Promise<string[]> {
  const root = tempProject(files);
  const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
  expect(error).toBeInstanceOf(ConfigError);
  return [...(error.problems ?? [])];
}

describe('rule ids', () => {
  test('an unknown rule id suggests the closest known one', async () => {
    const problems = await problemsOf({ '.migralintrc.yaml': 'rules:\n  destructive/no-drop-colum: error\n' });
    expect(problems).toEqual([
      '.migralintrc.yaml: unknown rule "destructive/no-drop-colum" in rules (did you mean "destructive/no-drop-column"?)',
    ]);
  });

  test('unknown rules in overrides name the override', async () => {
    const problems = await problemsOf({
      'migralint.config.json': { overrides: [{ files: ['a/**'] }, { files: ['b/**'], rules: { 'destructive/no-truncat': 'off' } }] },
    });
    expect(problems).toEqual([
      'migralint.config.json: unknown rule "destructive/no-truncat" in overrides[1].rules (did you mean "destructive/no-truncate"?)',
    ]);
  });

  test('a rule name without its pack suggests the full id', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { rules: { 'no-drop-table': 'error' } } });
    expect(problems).toEqual([
      'migralint.config.json: unknown rule "no-drop-table" in rules (did you mean "destructive/no-drop-table"?)',
    ]);
  });

  test('a rule of a pack that is not loaded says to add the plugin', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { rules: { 'acme/require-owner-comment': 'error' } } });
    expect(problems).toEqual([
      'migralint.config.json: unknown rule "acme/require-owner-comment" in rules: no plugin named "acme" is loaded (add its package to "plugins")',
    ]);
  });

  test('all unknown rules are listed together', async () => {
    const problems = await problemsOf({
      'migralint.config.json': { rules: { 'destructive/no-drop-tabel': 'error', 'migralint/parse-eror': 'error' } },
    });
    expect(problems).toEqual([
      'migralint.config.json: unknown rule "destructive/no-drop-tabel" in rules (did you mean "destructive/no-drop-table"?)',
      'migralint.config.json: unknown rule "migralint/parse-eror" in rules (did you mean "migralint/parse-error"?)',
    ]);
  });
});

describe('rule options', () => {
  test('a wrong option type names the full key path', async () => {
    const problems = await problemsOf({
      'migralint.config.json': { rules: { 'destructive/no-drop-column': ['error', { allowTables: 'audit_log' }] } },
    });
    expect(problems).toEqual(['migralint.config.json: rules["destructive/no-drop-column"][1].allowTables: must be array (got string)']);
  });

  test('a wrong item deep in the options points at the item', async () => {
    const problems = await problemsOf({
      'migralint.config.json': {
        overrides: [{ files: ['legacy/**'], rules: { 'destructive/no-drop-column': ['warn', { allowTables: ['ok', 3] }] } }],
      },
    });
    expect(problems).toEqual([
      'migralint.config.json: overrides[0].rules["destructive/no-drop-column"][1].allowTables[1]: must be string (got integer)',
    ]);
  });

  test('a misspelt option key suggests the real one', async () => {
    const problems = await problemsOf({
      '.migralintrc.yaml': 'rules:\n  destructive/no-drop-column: [error, { allowTable: [audit_log] }]\n',
    });
    expect(problems).toEqual([
      '.migralintrc.yaml: rules["destructive/no-drop-column"][1]: unknown key "allowTable" (did you mean "allowTables"?)',
    ]);
  });

  test("options are validated with the rule's defaults merged in, and kept as given", async () => {
    const root = tempProject({
      'acme.mjs': pluginSource('acme', {
        'max-statements': {
          schema: {
            type: 'object',
            properties: { max: { type: 'integer', minimum: 1 }, mode: { enum: ['strict', 'loose'] } },
            required: ['max', 'mode'],
            additionalProperties: false,
          },
          defaultOptions: { max: 10, mode: 'strict' },
        },
      }),
      'migralint.config.json': { plugins: ['./acme.mjs'], rules: { 'acme/max-statements': ['error', { max: 3 }] } },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules['acme/max-statements']).toEqual(['error', { max: 3 }]);

    const bad = tempProject({
      'acme.mjs': pluginSource('acme', {
        'max-statements': {
          schema: { type: 'object', properties: { max: { type: 'integer', minimum: 1 } } },
          defaultOptions: { max: 10 },
        },
      }),
      'migralint.config.json': { plugins: ['./acme.mjs'], rules: { 'acme/max-statements': ['error', { max: 0 }] } },
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: bad }));
    expect(error.message).toBe('migralint.config.json: rules["acme/max-statements"][1].max: must be >= 1 (got 0)');
  });
});

describe('noInlineDisable', () => {
  test('accepts exact ids, pack/* and *', async () => {
    const root = tempProject({
      'migralint.config.json': { noInlineDisable: ['destructive/no-drop-table', 'destructive/*', '*'] },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.noInlineDisable).toEqual(['destructive/no-drop-table', 'destructive/*', '*']);
  });

  test('a pattern that matches no rule is an error with a suggestion', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { noInlineDisable: ['destructive/*', 'destructiv/*', 'nosuchpack/*'] } });
    expect(problems).toEqual([
      'migralint.config.json: noInlineDisable[1]: "destructiv/*" matches no known rule (did you mean "destructive/*"?) (use "pack/rule-name", "pack/*" or "*")',
      'migralint.config.json: noInlineDisable[2]: "nosuchpack/*" matches no known rule (use "pack/rule-name", "pack/*" or "*")',
    ]);
  });
});

describe('options of a rule without an options schema', () => {
  test('are rejected, naming the key (an empty object is fine)', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { rules: { 'locking/prefer-repack': ['error', { bogus: 3 }] } } });
    expect(problems).toEqual(['migralint.config.json: rules["locking/prefer-repack"][1]: rule "locking/prefer-repack" takes no options; remove "bogus"']);
    const root = tempProject({ 'migralint.config.json': { rules: { 'locking/prefer-repack': ['error', {}] } } });
    await expect(loadConfig({ builtinPacks, cwd: root })).resolves.toBeDefined();
  });
});

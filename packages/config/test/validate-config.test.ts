import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';
import { rejection, tempProject } from './temp-project.js';
import { builtinPacks } from './builtins.js';

async function problemsOf(files: Record<string, string | object>): Promise<string[]> {
  const root = tempProject(files);
  const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
  expect(error).toBeInstanceOf(ConfigError);
  // The CLI prints the message as is: never a stack, one line per problem.
  expect(error.message).not.toMatch(/\n\s+at /);
  expect(error.message.split('\n')).toEqual(error.problems);
  return [...(error.problems ?? [])];
}

describe('syntax errors', () => {
  test('bad JSON names the file, line and column', async () => {
    const problems = await problemsOf({
      'migralint.config.json': '{\n  "rules": {\n    "destructive/no-truncate": "warn",\n  }\n}\n',
    });
    expect(problems).toEqual(['migralint.config.json:4:3: invalid JSON: Expected double-quoted property name']);
  });

  test('bad JSON without a position from the parser still gets one', async () => {
    const problems = await problemsOf({ '.migralintrc.json': '{\n  "extends": }\n' });
    expect(problems).toEqual([".migralintrc.json:2:14: invalid JSON: Unexpected token '}'"]);
  });

  test('bad JSON in package.json is reported against package.json', async () => {
    const problems = await problemsOf({ 'package.json': '{ "name": "app", "migralint": { } ' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^package\.json:1:\d+: invalid JSON: /);
  });

  test('bad YAML names the file, line and column', async () => {
    const problems = await problemsOf({ '.migralintrc.yaml': 'rules:\n  destructive/no-truncate: warn\n bad: indent\n' });
    expect(problems).toEqual(['.migralintrc.yaml:3:2: invalid YAML: bad indentation of a mapping entry']);
  });

  test('a JS config that throws on import names the file and the thrown message', async () => {
    const problems = await problemsOf({ 'migralint.config.mjs': 'throw new Error("DATABASE_URL is not set");\n' });
    expect(problems).toEqual(['migralint.config.mjs: failed to load: DATABASE_URL is not set']);
  });

  test('a JS config without a default export says what to export', async () => {
    const problems = await problemsOf({ 'migralint.config.mjs': 'export const rules = {};\n' });
    expect(problems).toEqual([
      'migralint.config.mjs: a JS config must export the config object as its default export (export default { … })',
    ]);
  });
});

describe('shape errors', () => {
  test('an unknown top-level key, with a suggestion', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { rulez: {} } });
    expect(problems).toEqual(['migralint.config.json: unknown top-level key "rulez" (did you mean "rules"?)']);
  });

  test('an unknown top-level key without a close match lists the allowed keys', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { database: 'x' } });
    expect(problems).toEqual([
      'migralint.config.json: unknown top-level key "database"; allowed keys: $schema, extends, plugins, layout, settings, rules, overrides, ignores, noInlineDisable',
    ]);
  });

  test('a config that is not an object', async () => {
    const problems = await problemsOf({ '.migralintrc.yaml': '- recommended\n' });
    expect(problems).toEqual(['.migralintrc.yaml: the config must be an object (got array)']);
  });

  test('every problem is reported at once, each with its key path', async () => {
    const problems = await problemsOf({
      'migralint.config.json': {
        extends: 42,
        plugins: 'acme',
        settings: { postgresVersion: 8 },
        ignores: ['ok', ''],
        overrides: [{ file: ['a.sql'] }],
      },
    });
    expect(problems).toEqual([
      'migralint.config.json: extends: must be a preset name, a path or a package name, or an array of them (got 42)',
      'migralint.config.json: plugins: must be array (got string)',
      'migralint.config.json: settings.postgresVersion: must be >= 9 (got 8)',
      'migralint.config.json: overrides[0]: missing required key "files"',
      'migralint.config.json: overrides[0]: unknown key "file" (did you mean "files"?)',
      'migralint.config.json: ignores[1]: must not be empty',
    ]);
  });

  test('a severity spelt "warning" suggests the config spelling "warn"', async () => {
    const problems = await problemsOf({ '.migralintrc.yaml': 'rules:\n  destructive/no-truncate: warning\n' });
    expect(problems).toEqual([
      '.migralintrc.yaml: rules["destructive/no-truncate"]: must be "off", "info", "warn" or "error", or an array [severity] or [severity, {options}] (got "warning") (did you mean "warn"?)',
    ]);
  });

  test('a bad severity inside [severity, options] points into the array', async () => {
    const problems = await problemsOf({
      'migralint.config.json': { overrides: [{ files: ['x/**'], rules: { 'destructive/no-truncate': ['errror', {}] } }] },
    });
    expect(problems).toEqual([
      'migralint.config.json: overrides[0].rules["destructive/no-truncate"][0]: must be one of "off", "info", "warn", "error" (got "errror") (did you mean "error"?)',
    ]);
  });

  test('a wrong item in an extends list points at the item', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { extends: ['recommended', 3] } });
    expect(problems).toEqual(['migralint.config.json: extends[1]: must be string (got integer)']);
  });

  test('options that are not an object', async () => {
    const problems = await problemsOf({ 'migralint.config.json': { rules: { 'destructive/no-truncate': ['error', 'strict'] } } });
    expect(problems).toEqual(['migralint.config.json: rules["destructive/no-truncate"][1]: must be object (got string)']);
  });

  test('postgresVersion must be an integer', async () => {
    const problems = await problemsOf({ '.migralintrc.yml': 'settings:\n  postgresVersion: "16"\n' });
    expect(problems).toEqual(['.migralintrc.yml: settings.postgresVersion: must be integer (got string)']);
  });

  test('extends from a file is validated against the schema too, and named in the message', async () => {
    const problems = await problemsOf({
      'migralint.config.json': { extends: './base.yaml' },
      'base.yaml': 'overrides: []\nlayuot: supabase\n',
    });
    expect(problems).toEqual(['base.yaml: unknown top-level key "layuot" (did you mean "layout"?)']);
  });
});

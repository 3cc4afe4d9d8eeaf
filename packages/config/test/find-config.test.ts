import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, ConfigLoader, loadConfig, presetRules } from '../src/index.js';
import { rejection, tempProject } from './temp-project.js';
import { builtinPacks, builtinPlugins } from './builtins.js';

const only = (rule: string) => ({ rules: { [rule]: 'warn' } });

describe('finding the config', () => {
  test('finds a config in a parent directory of the linted file', async () => {
    const root = tempProject({
      'migralint.config.json': only('destructive/no-truncate'),
      'supabase/migrations/.keep': '',
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'supabase/migrations') });
    expect(config.filepath).toBe(path.join(root, 'migralint.config.json'));
    expect(config.root).toBe(root);
    expect(config.rules).toEqual({ 'destructive/no-truncate': 'warn' });
  });

  test('the nearest config wins over one further up', async () => {
    const root = tempProject({
      'migralint.config.json': only('destructive/no-truncate'),
      'db/.migralintrc.json': only('destructive/no-drop-table'),
      'db/migrations/.keep': '',
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'db/migrations') });
    expect(config.filepath).toBe(path.join(root, 'db/.migralintrc.json'));
    expect(config.root).toBe(path.join(root, 'db'));
    expect(config.rules).toEqual({ 'destructive/no-drop-table': 'warn' });
  });

  test.each([
    ['migralint.config.json', JSON.stringify(only('destructive/no-truncate'))],
    ['migralint.config.yaml', 'rules:\n  destructive/no-truncate: warn\n'],
    ['migralint.config.yml', 'rules:\n  destructive/no-truncate: warn\n'],
    ['.migralintrc', 'rules:\n  destructive/no-truncate: warn\n'],
    ['.migralintrc.json', JSON.stringify(only('destructive/no-truncate'))],
    ['.migralintrc.yaml', 'rules: { destructive/no-truncate: warn }\n'],
    ['migralint.config.mjs', 'export default { rules: { "destructive/no-truncate": "warn" } };\n'],
    ['migralint.config.cjs', 'module.exports = { rules: { "destructive/no-truncate": "warn" } };\n'],
    ['migralint.config.js', 'module.exports = { rules: { "destructive/no-truncate": "warn" } };\n'],
    ['.migralintrc.mjs', 'export default { rules: { "destructive/no-truncate": "warn" } };\n'],
    ['package.json', JSON.stringify({ name: 'app', migralint: only('destructive/no-truncate') })],
  ])('reads %s', async (name, content) => {
    const root = tempProject({ [name]: content, 'migrations/.keep': '' });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'migrations') });
    expect(config.filepath).toBe(path.join(root, name));
    expect(config.rules).toEqual({ 'destructive/no-truncate': 'warn' });
  });

  test('an ESM migralint.config.js in a "type": "module" package', async () => {
    const root = tempProject({
      'package.json': { name: 'app', type: 'module' },
      'migralint.config.js': 'export default { settings: { postgresVersion: 15 } };\n',
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.filepath).toBe(path.join(root, 'migralint.config.js'));
    expect(config.settings.postgresVersion).toBe(15);
  });

  test('a package.json without a "migralint" key does not stop the search', async () => {
    const root = tempProject({
      '.migralintrc.yaml': 'settings:\n  postgresVersion: 14\n',
      'app/package.json': { name: 'app' },
      'app/migrations/.keep': '',
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'app/migrations') });
    expect(config.filepath).toBe(path.join(root, '.migralintrc.yaml'));
    expect(config.settings.postgresVersion).toBe(14);
  });

  test('within one directory, migralint.config.* wins over .migralintrc* and package.json', async () => {
    const root = tempProject({
      'package.json': { name: 'app', migralint: { settings: { postgresVersion: 12 } } },
      '.migralintrc.json': { settings: { postgresVersion: 13 } },
      'migralint.config.yaml': 'settings:\n  postgresVersion: 14\n',
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.filepath).toBe(path.join(root, 'migralint.config.yaml'));
    expect(config.settings.postgresVersion).toBe(14);
  });

  test('no config anywhere: the recommended preset, default settings, root = cwd', async () => {
    const root = tempProject({ 'migrations/001.sql': 'select 1;' });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'migrations') });
    expect(config.filepath).toBeUndefined();
    expect('filepath' in config).toBe(false);
    expect(config.root).toBe(root);
    expect(config.settings).toEqual({ postgresVersion: 17 });
    expect(config.rules).toEqual(presetRules('recommended', builtinPlugins));
    expect(config.rules['destructive/no-drop-column']).toBe('error');
    expect(config.plugins.map((plugin) => plugin.name)).toEqual(builtinPlugins.map((p) => p.name));
  });

  test('an empty config file is a config with no rules (it stops the search)', async () => {
    const root = tempProject({ 'migralint.config.json': '', 'sub/.migralintrc.yaml': '\n' });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'sub') });
    expect(config.filepath).toBe(path.join(root, 'sub/.migralintrc.yaml'));
    expect(config.rules).toEqual({});
  });

  test('configFile loads that file directly, ignoring the search', async () => {
    const root = tempProject({
      'migralint.config.json': only('destructive/no-truncate'),
      'configs/ci.yaml': 'rules:\n  destructive/no-drop-table: info\n',
    });
    const config = await loadConfig({ builtinPacks, cwd: root, configFile: 'configs/ci.yaml' });
    expect(config.filepath).toBe(path.join(root, 'configs/ci.yaml'));
    expect(config.root).toBe(path.join(root, 'configs'));
    expect(config.rules).toEqual({ 'destructive/no-drop-table': 'info' });
  });

  test('a configFile that does not exist is a ConfigError naming it', async () => {
    const root = tempProject();
    const error = await rejection(loadConfig({ builtinPacks, cwd: root, configFile: 'nope.json' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('nope.json: config file not found');
  });

  test('a configFile of an unsupported type says which types work', async () => {
    const root = tempProject({ 'migralint.toml': 'x = 1' });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root, configFile: 'migralint.toml' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('migralint.toml: unsupported config file type ".toml" (use .json, .yaml, .yml, .js, .mjs or .cjs)');
  });
});

test("a broken package.json in the process's cwd is a one-line ConfigError", async () => {
  // cosmiconfig reads it for its own options before searching anything.
  const root = tempProject({ 'package.json': '{ "name": "app", }', 'migrations/.keep': '' });
  const previous = process.cwd();
  process.chdir(root);
  try {
    const error = await rejection(loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'migrations') }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('package.json: cannot be read: Expected double-quoted property name in JSON at position 17');
  } finally {
    process.chdir(previous);
  }
});

describe('ConfigLoader', () => {
  test('files in directories governed by one config share one resolved object', async () => {
    const root = tempProject({
      'migralint.config.json': only('destructive/no-truncate'),
      'a/x/.keep': '',
      'b/.keep': '',
    });
    const loader = new ConfigLoader({ builtinPacks, cwd: root });
    const first = await loader.forFile(path.join(root, 'a/x/001.sql'));
    const second = await loader.forFile('b/002.sql');
    const third = await loader.forDirectory(path.join(root, 'a'));
    expect(second).toBe(first);
    expect(third).toBe(first);
  });

  test('different configs per directory are resolved separately', async () => {
    const root = tempProject({
      'migralint.config.json': only('destructive/no-truncate'),
      'legacy/migralint.config.json': only('destructive/no-drop-table'),
    });
    const loader = new ConfigLoader({ builtinPacks, cwd: root });
    const main = await loader.forFile('001.sql');
    const legacy = await loader.forFile('legacy/001.sql');
    expect(main.rules).toEqual({ 'destructive/no-truncate': 'warn' });
    expect(legacy.rules).toEqual({ 'destructive/no-drop-table': 'warn' });
    expect(legacy.root).toBe(path.join(root, 'legacy'));
  });

  test('resolveConfig validates an in-memory config like a file in the cwd', async () => {
    const root = tempProject();
    const loader = new ConfigLoader({ builtinPacks, cwd: root });
    const config = await loader.resolveConfig({ extends: 'strict', settings: { postgresVersion: 13 } });
    expect(config.filepath).toBeUndefined();
    expect(config.root).toBe(root);
    expect(config.settings.postgresVersion).toBe(13);
    const error = await rejection(loader.resolveConfig({ rules: { 'destructive/no-drop-tabel': 'off' } }));
    expect(error.message).toBe(
      '<inline config>: unknown rule "destructive/no-drop-tabel" in rules (did you mean "destructive/no-drop-table"?)',
    );
  });
});

describe('a long-running host (the language server)', () => {
  test.each(['migralint.config.mjs', 'migralint.config.cjs'])('reads an edited %s afresh, not the first version Node cached', async (name) => {
    const body = (rule: string) =>
      name.endsWith('.cjs') ? `module.exports = { rules: { "${rule}": "warn" } };\n` : `export default { rules: { "${rule}": "warn" } };\n`;
    const root = tempProject({ [name]: body('destructive/no-truncate') });
    const first = await loadConfig({ builtinPacks, cwd: root, searchFrom: root });
    expect(first.rules).toEqual({ 'destructive/no-truncate': 'warn' });
    fs.writeFileSync(path.join(root, name), body('destructive/no-drop-table'));
    // A later mtime, even on a file system with coarse timestamps.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(root, name), later, later);
    const second = await loadConfig({ builtinPacks, cwd: root, searchFrom: root });
    expect(second.rules).toEqual({ 'destructive/no-drop-table': 'warn' });
  });
});

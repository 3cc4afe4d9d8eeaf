import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, presetNames, presetRules } from '../src/index.js';
import { pluginSource, rejection, tempProject } from './temp-project.js';
import { builtinPacks, builtinPlugins } from './builtins.js';

const acme = pluginSource(
  'acme',
  {
    'owner-comment': { recommended: true, defaultSeverity: 'warning' },
    'no-cascade': { recommended: false, defaultSeverity: 'error' },
  },
  `\n  configs: { recommended: { rules: { 'acme/owner-comment': ['info', { style: 'short' }] } } },`,
);

describe('presets', () => {
  test('are generated from rule metadata of every loaded plugin', async () => {
    const root = tempProject({ 'acme.mjs': acme, 'a/.migralintrc.json': { plugins: ['../acme.mjs'], extends: 'recommended' } });
    const recommended = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'a') });
    // The plugin's own configs.recommended refines its rule; the unrecommended rule stays out.
    expect(recommended.rules['acme/owner-comment']).toEqual(['info', { style: 'short' }]);
    expect(recommended.rules).not.toHaveProperty('acme/no-cascade');
    expect(recommended.rules['destructive/no-drop-table']).toBe('error');
    expect(recommended.rules['migralint/parse-error']).toBe('error');

    const strictRoot = tempProject({ 'acme.mjs': acme, '.migralintrc.json': { plugins: ['./acme.mjs'], extends: ['strict'] } });
    const strict = await loadConfig({ builtinPacks, cwd: strictRoot });
    expect(strict.rules['acme/no-cascade']).toBe('error');
    expect(strict.rules['acme/owner-comment']).toBe('warn');
  });

  test('every built-in rule is in strict; recommended holds exactly the rules that say so, plus Supabase file names', () => {
    const ids = builtinPlugins.flatMap((plugin) => Object.keys(plugin.rules).map((rule) => `${plugin.name}/${rule}`));
    expect(Object.keys(presetRules('strict', builtinPlugins)).sort()).toEqual([...ids].sort());
    const recommendedIds = builtinPlugins.flatMap((plugin) =>
      Object.entries(plugin.rules)
        .filter(([, rule]) => rule.meta.recommended)
        .map(([rule]) => `${plugin.name}/${rule}`),
    );
    expect(Object.keys(presetRules('recommended', builtinPlugins)).sort()).toEqual([...recommendedIds, 'naming/migration-file-name'].sort());
    expect(presetNames).toEqual(['recommended', 'strict', 'supabase']);
  });
});

describe('extends', () => {
  test('a relative file, resolved from the extending file; own keys win', async () => {
    const root = tempProject({
      'shared/base.yaml': 'settings:\n  postgresVersion: 14\n  exposedSchemas: [public]\nrules:\n  destructive/no-truncate: warn\n  destructive/no-drop-table: warn\nignores: [vendor/**]\n',
      'project/migralint.config.json': {
        extends: '../shared/base.yaml',
        settings: { postgresVersion: 16 },
        rules: { 'destructive/no-drop-table': 'off' },
        ignores: ['tmp/**'],
      },
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'project') });
    expect(config.settings).toEqual({ postgresVersion: 16, exposedSchemas: ['public'] });
    expect(config.rules).toEqual({ 'destructive/no-truncate': 'warn', 'destructive/no-drop-table': 'off' });
    expect(config.ignores).toEqual(['vendor/**', 'tmp/**']);
    expect(config.root).toBe(path.join(root, 'project'));
  });

  test('later entries override earlier ones, presets included', async () => {
    const root = tempProject({
      'one.json': { rules: { 'destructive/no-truncate': 'info', 'destructive/no-drop-table': 'info' } },
      'two.json': { rules: { 'destructive/no-truncate': 'warn' } },
      'migralint.config.json': { extends: ['recommended', './one.json', './two.json'] },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules['destructive/no-truncate']).toBe('warn');
    expect(config.rules['destructive/no-drop-table']).toBe('info');
    expect(config.rules['destructive/no-drop-column']).toBe('error');
  });

  test('["warn"] keeps the options set earlier; a plain "warn" resets them to the defaults', async () => {
    const root = tempProject({
      'base.json': {
        rules: {
          'destructive/no-drop-column': ['error', { allowTables: ['audit_log'] }],
          'destructive/no-drop-table': ['error', { allowTables: ['tmp_*'] }],
        },
      },
      'migralint.config.json': {
        extends: './base.json',
        rules: { 'destructive/no-drop-column': ['warn'], 'destructive/no-drop-table': 'warn' },
      },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules['destructive/no-drop-column']).toEqual(['warn', { allowTables: ['audit_log'] }]);
    expect(config.rules['destructive/no-drop-table']).toBe('warn');
  });

  test('an npm package from the project node_modules (CommonJS main)', async () => {
    const root = tempProject({
      'node_modules/@acme/migralint-config/package.json': { name: '@acme/migralint-config', main: 'index.js' },
      'node_modules/@acme/migralint-config/index.js': 'module.exports = { extends: "recommended", settings: { postgresVersion: 15 }, rules: { "destructive/no-truncate": "warn" } };\n',
      'db/migralint.config.json': { extends: '@acme/migralint-config' },
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'db') });
    expect(config.settings.postgresVersion).toBe(15);
    expect(config.rules['destructive/no-truncate']).toBe('warn');
    expect(config.rules['destructive/no-drop-table']).toBe('error');
  });

  test('an ESM package exporting only an "import" condition, and a subpath JSON config', async () => {
    const root = tempProject({
      'node_modules/migralint-config-team/package.json': {
        name: 'migralint-config-team',
        type: 'module',
        exports: { '.': { import: './index.js' }, './legacy': { import: './legacy.json' } },
      },
      'node_modules/migralint-config-team/index.js': 'export default { rules: { "destructive/no-truncate": "info" } };\n',
      'node_modules/migralint-config-team/legacy.json': JSON.stringify({ settings: { postgresVersion: 11 } }),
      'migralint.config.json': { extends: ['migralint-config-team', 'migralint-config-team/legacy'] },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules).toEqual({ 'destructive/no-truncate': 'info' });
    expect(config.settings.postgresVersion).toBe(11);
  });

  test('a package that is not installed, or a misspelt preset', async () => {
    const root = tempProject({ 'migralint.config.json': { extends: ['recomended'] } });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `migralint.config.json: extends[0]: cannot find preset or package "recomended" from ${root} (did you mean "recommended"?); presets are "recommended", "strict", "supabase"; packages must be installed in the project`,
    );
  });

  test('a missing relative file names the path it looked for', async () => {
    const root = tempProject({ '.migralintrc.yaml': 'extends: ./base.yaml\n' });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error.message).toBe(
      `.migralintrc.yaml: extends: cannot find "./base.yaml" (looked for ${path.join(root, 'base.yaml')}; paths are relative to the extending file)`,
    );
  });

  test('a cycle is reported with the whole chain', async () => {
    const root = tempProject({
      'migralint.config.json': { extends: './a.json' },
      'a.json': { extends: ['recommended', './b.yaml'] },
      'b.yaml': 'extends: ./a.json\n',
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe('b.yaml: extends: "./a.json" closes an extends cycle: a.json → b.yaml → a.json');
  });

  test('a file extending itself is a cycle', async () => {
    const root = tempProject({ '.migralintrc.json': { extends: './.migralintrc.json' } });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error.message).toBe('.migralintrc.json: extends: "./.migralintrc.json" closes an extends cycle: .migralintrc.json → .migralintrc.json');
  });

  test('rule problems in an extended file name that file', async () => {
    const root = tempProject({
      'base.json': { rules: { 'destructive/no-drop-colum': 'error' } },
      'migralint.config.json': { extends: './base.json', rules: { 'destructive/no-truncat': 'off' } },
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error.message.split('\n')).toEqual([
      'base.json: unknown rule "destructive/no-drop-colum" in rules (did you mean "destructive/no-drop-column"?)',
      'migralint.config.json: unknown rule "destructive/no-truncat" in rules (did you mean "destructive/no-truncate"?)',
    ]);
  });
});

import path from 'node:path';
import { corePlugin, definePlugin, defineRule } from '@migralint/core';
import { migrationsPlugin } from '@migralint/migrations';
import concurrently from '@migralint/rules-concurrently';
import design from '@migralint/rules-design';
import destructive from '@migralint/rules-destructive';
import history from '@migralint/rules-history';
import locking from '@migralint/rules-locking';
import naming from '@migralint/rules-naming';
import rls from '@migralint/rules-rls';
import rollback from '@migralint/rules-rollback';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig, pluginProblem } from '../src/index.js';
import { pluginSource, rejection, tempProject } from './temp-project.js';
import { builtinPacks, builtinPlugins } from './builtins.js';

const acme = pluginSource('acme', { 'owner-comment': { recommended: true, defaultSeverity: 'warning' } });

describe('plugins', () => {
  test('the engine\'s plugins are always loaded, built-in packs only as the config enables them', async () => {
    const expected = [corePlugin, migrationsPlugin, destructive, concurrently, locking, design, rls, rollback, naming, history];
    expect(builtinPlugins).toEqual(expected);
    // A preset is built from every pack's rules: all of them.
    for (const config of [undefined, { extends: 'recommended' }, { extends: ['strict'] }]) {
      const root = tempProject(config ? { 'migralint.config.json': config } : {});
      expect((await loadConfig({ builtinPacks, cwd: root })).plugins).toEqual(expected);
    }
    // No preset: the packs its rule ids name (a rule turned off too: its id is checked), in the built-in order.
    const root = tempProject({
      'migralint.config.json': { rules: { 'rls/table-without-rls': 'off', 'destructive/no-drop-table': 'error' }, overrides: [{ files: ['x/*.sql'], rules: { 'naming/migration-file-name': 'off' } }] },
    });
    expect((await loadConfig({ builtinPacks, cwd: root })).plugins).toEqual([corePlugin, migrationsPlugin, destructive, rls, naming]);
    expect((await loadConfig({ builtinPacks, cwd: tempProject({ 'migralint.config.json': {} }) })).plugins).toEqual([corePlugin, migrationsPlugin]);
    // A typo in a pack's rule still gets the pack's rules as suggestions.
    const typo = tempProject({ 'migralint.config.json': { rules: { 'destructive/no-drop-tabel': 'error' } } });
    await expect(loadConfig({ builtinPacks, cwd: typo })).rejects.toThrow(/destructive\/no-drop-table/);
    // Without built-in packs given (a library caller), only the engine's plugins.
    expect((await loadConfig({ cwd: tempProject({}) })).plugins).toEqual([corePlugin, migrationsPlugin]);
  });

  test("a package from the project's node_modules, resolved from the config file's directory", async () => {
    const root = tempProject({
      'node_modules/@acme/migralint-plugin/package.json': {
        name: '@acme/migralint-plugin',
        type: 'module',
        exports: { '.': { import: './index.js' } },
      },
      'node_modules/@acme/migralint-plugin/index.js': acme,
      'migralint.config.json': { plugins: ['@acme/migralint-plugin'], rules: { 'acme/owner-comment': 'error' } },
      'db/migrations/.keep': '',
    });
    const config = await loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'db/migrations') });
    expect(config.plugins.map((plugin) => plugin.name)).toEqual(['migralint', 'migrations', 'acme']);
    expect(config.rules).toEqual({ 'acme/owner-comment': 'error' });
  });

  test('a plugin by path; a CommonJS module.exports plugin', async () => {
    const root = tempProject({
      'tools/acme.cjs': acme.replace('export default', 'module.exports ='),
      '.migralintrc.yaml': 'plugins: [./tools/acme.cjs]\nextends: recommended\n',
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules['acme/owner-comment']).toBe('warn');
  });

  test('plugins named by an extended config resolve from that config', async () => {
    const root = tempProject({
      'node_modules/team-config/package.json': { name: 'team-config', main: 'index.json' },
      'node_modules/team-config/index.json': JSON.stringify({ plugins: ['./plugin.mjs'], rules: { 'acme/owner-comment': 'info' } }),
      'node_modules/team-config/plugin.mjs': acme,
      'migralint.config.json': { extends: 'team-config' },
    });
    const config = await loadConfig({ builtinPacks, cwd: root });
    expect(config.rules).toEqual({ 'acme/owner-comment': 'info' });
  });

  test('a plugin that cannot be found names it, the config file and the fix', async () => {
    const root = tempProject({ 'migralint.config.json': { plugins: ['@acme/migralint-plugin'] } });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `migralint.config.json: plugins[0]: cannot find plugin "@acme/migralint-plugin" from ${root}; install it in the project (npm install --save-dev @acme/migralint-plugin) or remove it from "plugins"`,
    );
  });

  test('a missing plugin path says paths are relative to the config file', async () => {
    const root = tempProject({ 'config/.migralintrc.json': { plugins: ['./rules/acme.mjs'] } });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root, searchFrom: path.join(root, 'config') }));
    expect(error.message).toBe(
      `config/.migralintrc.json: plugins[0]: cannot find plugin "./rules/acme.mjs" from ${path.join(root, 'config')}; plugin paths are relative to the config file's directory (${path.join(root, 'config')})`,
    );
  });

  test('a plugin that throws on import names it and the thrown message', async () => {
    const root = tempProject({
      'acme.mjs': 'throw new TypeError("acme needs Node 22");\n',
      'migralint.config.json': { plugins: ['./acme.mjs'] },
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      'migralint.config.json: plugins[0]: plugin "./acme.mjs" failed to load: acme needs Node 22 (fix or reinstall the plugin, or remove it from "plugins")',
    );
  });

  test.each([
    ['export const x = 1;\n', 'it exports no default export'],
    ['export default "acme";\n', 'it exports a string'],
    ['export default { name: "Acme", rules: {} };\n', 'its name "Acme" must be lowercase letters, digits, ".", "_" or "-"'],
    ['export default { name: "acme" };\n', 'it has no "rules" object'],
    ['export default { name: "acme", rules: { x: { create() {} } } };\n', 'rules["x"] has no "meta" object'],
    [
      pluginSource('acme', { x: { defaultSeverity: 'warn' } }),
      'rules["x"].meta.defaultSeverity must be "error", "warning" or "info"',
    ],
    [
      pluginSource('acme', { x: {} }, `\n  configs: { recommended: { rules: { 'other/y': 'error' } } },`),
      'configs.recommended.rules names "other/y", which is not one of its rules',
    ],
  ])('a module that is not a plugin: %s', async (source, why) => {
    const root = tempProject({ 'acme.mjs': source, 'migralint.config.json': { plugins: ['./acme.mjs'] } });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toBe(
      `migralint.config.json: plugins[0]: "./acme.mjs" is not a migralint plugin: ${why} (its default export must be a plugin object { name, rules }, see definePlugin in @migralint/core)`,
    );
  });

  test('two different plugins under one name are an error; the same plugin twice is not', async () => {
    const root = tempProject({
      'a.mjs': acme,
      'b.mjs': acme,
      'migralint.config.json': { plugins: ['./a.mjs', './a.mjs', './b.mjs'] },
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error.message).toBe(
      'migralint.config.json: plugins[2]: plugin "./b.mjs" is named "acme", like "./a.mjs" in migralint.config.json; rule ids would be ambiguous, keep one',
    );
  });

  test('the engine namespace is reserved', async () => {
    const root = tempProject({
      'fake.mjs': pluginSource('migralint', { x: {} }),
      'migralint.config.json': { plugins: ['./fake.mjs'] },
    });
    const error = await rejection(loadConfig({ builtinPacks, cwd: root }));
    expect(error.message).toBe(
      'migralint.config.json: plugins[0]: plugin "./fake.mjs" uses the name "migralint", which is reserved for the engine\'s own rules',
    );
  });

  test('pluginProblem accepts what definePlugin builds', () => {
    const plugin = definePlugin({
      name: 'acme',
      rules: {
        x: defineRule({
          meta: {
            type: 'problem',
            docs: { description: 'x', url: 'https://example.com' },
            defaultSeverity: 'info',
            recommended: false,
            messages: {},
          },
          create: () => ({}),
        }),
      },
    });
    expect(pluginProblem(plugin)).toBeUndefined();
    for (const builtin of builtinPlugins) expect(pluginProblem(builtin)).toBeUndefined();
  });
});

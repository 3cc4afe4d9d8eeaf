// The `supabase` preset: recommended, plus the whole rls pack, plus Supabase's file names — built
// from whatever rules the loaded packs have, so it follows the rls pack as it grows.
import { describe, expect, test } from 'vitest';
import type { Plugin, Rule } from '@migralint/core';
import { loadConfig, presetRules } from '../src/index.js';
import { pluginSource, tempProject } from './temp-project.js';
import { builtinPacks, builtinPlugins } from './builtins.js';

const SUPABASE_FILE_NAMES = [
  'warn',
  { pattern: { supabase: '{timestamp}_{description}.sql' }, timestampFormat: { supabase: 'YYYYMMDDHHmmss' }, case: 'snake_case' },
];

/** An rls pack like the real one will be: a coverage rule with an "always" mode, a rule outside recommended. */
const rlsPack = pluginSource(
  'rls',
  {
    'table-without-rls': {
      recommended: true,
      defaultSeverity: 'error',
      schema: { type: 'object', properties: { mode: { enum: ['auto', 'always'] } }, additionalProperties: false },
      defaultOptions: { mode: 'auto' },
    },
    'policy-uses-user-metadata': { recommended: false, defaultSeverity: 'warning' },
    'rls-enabled-without-policy': { recommended: false, defaultSeverity: 'info' },
  },
  `\n  configs: { supabase: { rules: { 'rls/rls-enabled-without-policy': 'warn' } } },`,
);

describe('the supabase preset', () => {
  test('`extends: ["supabase"]` resolves: recommended, every rls rule, Supabase file names', async () => {
    const root = tempProject({ 'rls.mjs': rlsPack, 'migralint.config.json': { plugins: ['./rls.mjs'], extends: ['supabase'] } });
    const config = await loadConfig({ builtinPacks, cwd: root });
    // The coverage rule in "always" mode, found from its schema; the others at their default severity.
    expect(config.rules['rls/table-without-rls']).toEqual(['error', { mode: 'always' }]);
    expect(config.rules['rls/policy-uses-user-metadata']).toBe('warn');
    // The pack's own configs.supabase refines its rules.
    expect(config.rules['rls/rls-enabled-without-policy']).toBe('warn');
    expect(config.rules['naming/migration-file-name']).toEqual(SUPABASE_FILE_NAMES);
    // Everything recommended stays on.
    expect(config.rules['destructive/no-drop-table']).toBe('error');
    expect(config.rules['naming/identifier-too-long']).toBe('error');
    // Opt-in rules stay off.
    expect(config.rules).not.toHaveProperty('naming/require-schema-qualified');
  });

  test('with the built-in packs: recommended plus every rule of the built-in rls pack', () => {
    const rules = presetRules('supabase', builtinPlugins);
    const recommended = presetRules('recommended', builtinPlugins);
    for (const [id, setting] of Object.entries(recommended)) {
      if (!id.startsWith('rls/') && id !== 'naming/migration-file-name') expect([id, rules[id]]).toEqual([id, setting]);
    }
    const rls = builtinPlugins.find((plugin) => plugin.name === 'rls')!;
    for (const name of Object.keys(rls.rules)) expect(rules, `rls/${name}`).toHaveProperty([`rls/${name}`]);
    // The built-in coverage rule, when it offers an "always" mode, gets it.
    const coverage = rls.rules['table-without-rls'];
    const modes = Object.entries((coverage?.meta.schema?.properties ?? {}) as Record<string, { enum?: unknown[] }>).filter(([, p]) => p.enum?.includes('always'));
    if (modes.length > 0) expect((rules['rls/table-without-rls'] as [string, Record<string, unknown>])[1]).toEqual({ [modes[0]![0]]: 'always' });
    expect(rules['naming/migration-file-name']).toEqual(SUPABASE_FILE_NAMES);
    expect(Object.keys(rules).filter((id) => !(id in recommended) && !id.startsWith('rls/'))).toEqual([]);
    // recommended checks Supabase histories' file names only; the supabase preset every history's.
    expect(recommended['naming/migration-file-name']).toEqual(['warn', { pattern: { supabase: '{timestamp}_{description}.sql' }, timestampFormat: { supabase: 'YYYYMMDDHHmmss' }, case: 'snake_case', layouts: ['supabase'] }]);
  });

  test('a coverage rule without an "always" mode is just turned on (loading the config above validated the file-name options)', () => {
    const naming = builtinPlugins.find((plugin) => plugin.name === 'naming')!;
    const coverage: Rule = {
      meta: {
        type: 'problem',
        docs: { description: 'x', url: 'https://example.com/x' },
        defaultSeverity: 'warning',
        recommended: false,
        messages: { x: 'x' },
        schema: { type: 'object', properties: { schemas: { type: 'array' } } },
      },
    };
    const rls: Plugin = { name: 'rls', rules: { 'table-without-rls': coverage } };
    const rules = presetRules('supabase', [rls, naming]);
    expect(rules).toEqual({
      'naming/identifier-too-long': 'error',
      'naming/migration-file-name': SUPABASE_FILE_NAMES,
      'rls/table-without-rls': 'warn',
    });
  });
});

import path from 'node:path';
import destructive from '@migralint/rules-destructive';
import { describe, expect, test } from 'vitest';
import { configForFile, isIgnored, loadConfig, matchesFiles, printConfig } from '../src/index.js';
import { tempProject } from './temp-project.js';
import { builtinPacks, builtinPlugins as BUILT_INS } from './builtins.js';

// The options a rule runs with when the config gives none: its declared defaults.
const defaults = (rule: string) => ({ ...destructive.rules[rule]!.meta.defaultOptions });

async function project() {
  const root = tempProject({
    'migralint.config.json': {
      extends: 'recommended',
      layout: 'supabase',
      settings: { postgresVersion: 16 },
      rules: { 'destructive/no-drop-column': ['error', { allowTables: ['audit_log'] }] },
      overrides: [
        { files: ['legacy/**'], rules: { 'destructive/no-drop-table': 'off', 'destructive/no-truncate': 'warn' }, settings: { postgresVersion: 12 } },
        { files: ['**/.hidden/*.sql'], rules: { 'destructive/no-truncate': 'info' } },
        { files: ['legacy/2019/**'], rules: { 'destructive/no-drop-column': ['warn'] } },
      ],
      ignores: ['vendor/**'],
      noInlineDisable: ['destructive/*'],
    },
  });
  return { root, config: await loadConfig({ builtinPacks, cwd: root }) };
}

describe('configForFile', () => {
  test('a file no override matches gets the base rules and settings', async () => {
    const { root, config } = await project();
    const effective = configForFile(config, path.join(root, 'supabase/migrations/001_init.sql'));
    expect(effective.settings).toEqual({ postgresVersion: 16, layout: 'supabase' });
    expect(effective.rules['destructive/no-drop-table']).toEqual({ severity: 'error', options: defaults('no-drop-table') });
    expect(effective.rules['destructive/no-drop-column']).toEqual({
      severity: 'error',
      options: { ...defaults('no-drop-column'), allowTables: ['audit_log'] },
    });
  });

  test('matching overrides apply in order; an "off" rule is absent', async () => {
    const { root, config } = await project();
    const effective = configForFile(config, path.join(root, 'legacy/2019/001.sql'));
    expect(effective.settings.postgresVersion).toBe(12);
    expect(effective.rules).not.toHaveProperty('destructive/no-drop-table');
    expect(effective.rules['destructive/no-truncate']).toEqual({ severity: 'warning', options: defaults('no-truncate') });
    // ["warn"] lowers the severity and keeps the options the base config gave.
    expect(effective.rules['destructive/no-drop-column']).toEqual({
      severity: 'warning',
      options: { ...defaults('no-drop-column'), allowTables: ['audit_log'] },
    });
  });

  test('globs match dot directories', async () => {
    const { root, config } = await project();
    expect(configForFile(config, path.join(root, 'db/.hidden/x.sql')).rules['destructive/no-truncate'].severity).toBe('info');
    expect(configForFile(config, path.join(root, 'db/hidden/x.sql')).rules['destructive/no-truncate'].severity).toBe('error');
  });

  test('matchesFiles and isIgnored work on paths relative to the config root', async () => {
    const { root, config } = await project();
    expect(matchesFiles(root, ['legacy/**'], path.join(root, 'legacy/a/b.sql'))).toBe(true);
    expect(matchesFiles(root, ['legacy/**'], path.join(root, 'src/legacy/b.sql'))).toBe(false);
    expect(isIgnored(config, path.join(root, 'vendor/ext.sql'))).toBe(true);
    expect(isIgnored(config, path.join(root, 'supabase/vendor.sql'))).toBe(false);
  });
});

describe('printConfig', () => {
  test('is plain JSON of the effective config for the file', async () => {
    const { root, config } = await project();
    const file = path.join(root, 'legacy/001.sql');
    const printed = printConfig(config, file);
    expect(JSON.parse(JSON.stringify(printed))).toEqual(printed);
    expect(printed.file).toBe(file);
    expect(printed.configFile).toBe(path.join(root, 'migralint.config.json'));
    expect(printed.root).toBe(root);
    expect(printed.ignored).toBe(false);
    expect(printed.plugins).toEqual(BUILT_INS.map((p) => ({ name: p.name, ...(p.version ? { version: p.version } : {}) })));
    expect(printed.settings).toEqual({ postgresVersion: 12, layout: 'supabase' });
    expect(printed.rules['destructive/no-truncate']).toEqual({ severity: 'warn', options: defaults('no-truncate') });
    expect(printed.rules).not.toHaveProperty('destructive/no-drop-table');
    expect(printed.rules['migralint/parse-error']).toEqual({ severity: 'error', options: {} });
    expect(Object.keys(printed.rules)).toEqual([...Object.keys(printed.rules)].sort());
    expect(printed.ignores).toEqual(['vendor/**']);
    expect(printed.noInlineDisable).toEqual(['destructive/*']);
  });

  test('says when no config file was found', async () => {
    const root = tempProject();
    const printed = printConfig(await loadConfig({ builtinPacks, cwd: root }), path.join(root, 'a.sql'));
    expect(printed.configFile).toBeNull();
    expect(printed.settings).toEqual({ postgresVersion: 17 });
  });
});

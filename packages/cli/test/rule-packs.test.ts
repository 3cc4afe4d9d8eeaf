// The lazy pack loaders cover every built-in pack, and each loads the pack it is named after.
import { describe, expect, it } from 'vitest';
import { builtinPlugins } from '@migralint/config';
import { loadRulePacks, RULE_PACKS } from '../src/rule-packs.js';

describe('rule pack loaders', () => {
  it('name every built-in pack, each loading the plugin of that name', async () => {
    const packs = builtinPlugins.map((p) => p.name).filter((name) => name !== 'migralint' && name !== 'migrations');
    expect(Object.keys(RULE_PACKS).sort()).toEqual([...packs].sort());
    for (const [name, load] of Object.entries(RULE_PACKS)) {
      const plugin = await load();
      expect(plugin.name).toBe(name);
      expect(plugin).toBe(builtinPlugins.find((p) => p.name === name));
    }
  });

  it('load only the packs that rule ids need', async () => {
    const plugins = await loadRulePacks(['rls/table-without-rls', 'destructive/no-drop-table', 'destructive/no-drop-column', 'migralint/parse-error', 'acme/x']);
    expect(plugins.map((p) => p.name)).toEqual(['destructive', 'rls']);
  });
});

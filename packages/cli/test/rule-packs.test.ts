// The built-in packs are assembled here, in the CLI (config imports none): each loader loads the pack
// it is named after, and what they load is recognised as built in (no watchdog, cache key by name).
import { describe, expect, it } from 'vitest';
import { corePlugin, definePlugin } from '@migralint/core';
import { migrationsPlugin } from '@migralint/migrations';
import { allBuiltinPlugins, isBuiltinPlugin, RULE_PACKS } from '../src/rule-packs.js';

describe('rule pack loaders', () => {
  it('name every built-in pack, each loading the plugin of that name, in the rule index order', async () => {
    expect(Object.keys(RULE_PACKS)).toEqual(['destructive', 'concurrently', 'locking', 'design', 'rls', 'rollback', 'naming', 'history']);
    for (const [name, load] of Object.entries(RULE_PACKS)) {
      const plugin = await load();
      expect(plugin.name).toBe(name);
      expect(await load()).toBe(plugin);
    }
    expect((await allBuiltinPlugins()).map((p) => p.name)).toEqual(['migralint', 'migrations', ...Object.keys(RULE_PACKS)]);
  });

  it('tell built-in plugins from a user plugin, even one with a built-in name', async () => {
    expect(isBuiltinPlugin(corePlugin)).toBe(true);
    expect(isBuiltinPlugin(migrationsPlugin)).toBe(true);
    expect(isBuiltinPlugin(await RULE_PACKS.rls!())).toBe(true);
    expect(isBuiltinPlugin(definePlugin({ name: 'rls', rules: {} }))).toBe(false);
  });
});

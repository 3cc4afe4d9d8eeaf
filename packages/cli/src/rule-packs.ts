// The built-in rule packs: the defaults the CLI assembles (config never imports a pack). Each is
// loaded only when the resolved config enables one of its rules (`packsNeeded` in @migralint/config):
// each is a separate chunk of the bundle, compiled only when imported. `migralint` (the engine's
// rules) and `migrations` (layout findings) are part of core and the model, always there.
import type { Plugin } from '@migralint/core';
import { enginePlugins, type BuiltinPacks } from '@migralint/config';

/** The plugins a loader handed out: ours, so their rules need no watchdog and cache by name. */
const loaded = new WeakSet<Plugin>();

function pack(load: () => Promise<{ default: Plugin }>): () => Promise<Plugin> {
  return async () => {
    const plugin = (await load()).default;
    loaded.add(plugin);
    return plugin;
  };
}

// In the order their rules are listed (docs/rules/README.md, `--list-rules`, the JSON report).
export const RULE_PACKS: BuiltinPacks = {
  destructive: pack(() => import('@migralint/rules-destructive')),
  concurrently: pack(() => import('@migralint/rules-concurrently')),
  locking: pack(() => import('@migralint/rules-locking')),
  design: pack(() => import('@migralint/rules-design')),
  rls: pack(() => import('@migralint/rules-rls')),
  rollback: pack(() => import('@migralint/rules-rollback')),
  naming: pack(() => import('@migralint/rules-naming')),
  history: pack(() => import('@migralint/rules-history')),
};

/** Whether a config's plugin is built in (the engine's or a built-in pack), not a user's code. */
export function isBuiltinPlugin(plugin: Plugin): boolean {
  return enginePlugins.includes(plugin) || loaded.has(plugin);
}

/** Every built-in plugin, engine's first: for listing all rules (docs, the rule index). */
export async function allBuiltinPlugins(): Promise<Plugin[]> {
  return [...enginePlugins, ...(await Promise.all(Object.values(RULE_PACKS).map((load) => load())))];
}

// The built-in rule packs by name, each loaded only when asked for. Once the CLI assembles the
// built-in plugins itself (today @migralint/config imports every pack), it loads only the packs the
// config enables: each is a separate chunk of the bundle, compiled only when imported. `migralint`
// (the engine's rules) and `migrations` (layout findings) are part of core and the model, not packs.
import type { Plugin } from '@migralint/core';

export const RULE_PACKS: Readonly<Record<string, () => Promise<Plugin>>> = {
  concurrently: async () => (await import('@migralint/rules-concurrently')).default,
  design: async () => (await import('@migralint/rules-design')).default,
  destructive: async () => (await import('@migralint/rules-destructive')).default,
  history: async () => (await import('@migralint/rules-history')).default,
  locking: async () => (await import('@migralint/rules-locking')).default,
  naming: async () => (await import('@migralint/rules-naming')).default,
  rls: async () => (await import('@migralint/rules-rls')).default,
  rollback: async () => (await import('@migralint/rules-rollback')).default,
};

/** The packs that rule ids (`destructive/no-drop-table`, `rls/*`) need, loaded in parallel. */
export async function loadRulePacks(ruleIds: Iterable<string>): Promise<Plugin[]> {
  const names = new Set<string>();
  for (const id of ruleIds) {
    const pack = id.slice(0, id.indexOf('/'));
    if (Object.hasOwn(RULE_PACKS, pack)) names.add(pack);
  }
  return Promise.all([...names].sort().map((name) => RULE_PACKS[name]!()));
}

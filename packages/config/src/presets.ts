// Built-in presets, generated from rule metadata so a new rule joins them by declaring
// `recommended` / `defaultSeverity`, never by someone remembering to edit a list.

import { catalogRules, toSetting, type Plugin, type RuleSetting } from '@migralint/core';

type PresetBuilder = (plugins: readonly Plugin[]) => Record<string, RuleSetting>;

const presets: Record<string, PresetBuilder> = {
  /** Every rule whose meta says `recommended`, at its default severity, plus plugins' own `configs.recommended`. */
  recommended: (plugins) => fromMetadata(plugins, 'recommended', (rule) => rule.meta.recommended),
  /** Every rule, at its default severity, plus plugins' own `configs.strict`. */
  strict: (plugins) => fromMetadata(plugins, 'strict', () => true),
  // `supabase` (exposed-schema RLS settings, the Supabase layout) registers here when it lands.
};

export const presetNames: readonly string[] = Object.keys(presets);

export function isPresetName(name: string): boolean {
  return Object.hasOwn(presets, name);
}

/** The rules a preset turns on, for the plugins loaded in this run. */
export function presetRules(name: string, plugins: readonly Plugin[]): Record<string, RuleSetting> {
  const build = presets[name];
  if (!build) throw new Error(`Unknown preset "${name}"`);
  return build(plugins);
}

function fromMetadata(
  plugins: readonly Plugin[],
  configName: string,
  include: (rule: Plugin['rules'][string]) => boolean,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, rule] of catalogRules(plugins).rules) {
    if (include(rule)) rules[id] = toSetting(rule.meta.defaultSeverity);
  }
  // A plugin's shipped preset of the same name refines its own rules (e.g. options, a lower severity).
  for (const plugin of plugins) {
    const shipped = plugin.configs?.[configName]?.rules;
    if (shipped) Object.assign(rules, shipped);
  }
  return rules;
}

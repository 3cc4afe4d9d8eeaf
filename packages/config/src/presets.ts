// Built-in presets, generated from rule metadata so a new rule joins them by declaring
// `recommended` / `defaultSeverity`, never by someone remembering to edit a list.

import { catalogRules, toSetting, type JsonSchema, type Plugin, type Rule, type RuleSetting, type SeveritySetting } from '@migralint/core';

type PresetBuilder = (plugins: readonly Plugin[]) => Record<string, RuleSetting>;

const presets: Record<string, PresetBuilder> = {
  /** Every rule whose meta says `recommended`, at its default severity, plus plugins' own `configs.recommended`. */
  recommended: (plugins) => {
    const rules = fromMetadata(plugins, 'recommended', (rule) => rule.meta.recommended);
    // A Supabase history is certain from its folder and its CLI writes one file-name shape, so a
    // name out of it is a mistake there (#16); other runners' conventions stay opt-in.
    const fileName = catalogRules(plugins).rules.get(FILE_NAME_RULE);
    if (fileName && !(FILE_NAME_RULE in rules)) rules[FILE_NAME_RULE] = [defaultLevel(fileName), { ...SUPABASE_FILE_NAMES, layouts: ['supabase'] }];
    return rules;
  },
  /** Every rule, at its default severity, plus plugins' own `configs.strict`. */
  strict: (plugins) => fromMetadata(plugins, 'strict', () => true),
  /**
   * `recommended`, plus every rule of the `rls` pack at its default severity (the coverage rule in
   * its strictest mode when it has one), plus Supabase's migration file names; plugins' own
   * `configs.supabase` refine it. The layout needs no setting: `supabase/migrations` is detected.
   */
  supabase: (plugins) => {
    const rules = presets.recommended!(plugins);
    for (const [id, rule] of catalogRules(plugins).rules) {
      if (id.startsWith(`${RLS_PACK}/`)) rules[id] = id === RLS_COVERAGE_RULE ? strictestMode(rule) : toSetting(rule.meta.defaultSeverity);
    }
    const fileName = catalogRules(plugins).rules.get(FILE_NAME_RULE);
    if (fileName) rules[FILE_NAME_RULE] = [defaultLevel(fileName), SUPABASE_FILE_NAMES];
    return withShippedConfigs(rules, plugins, 'supabase');
  },
};

const RLS_PACK = 'rls';
/** The rule that asks for RLS on every table; the preset wants it whatever the history looks like. */
const RLS_COVERAGE_RULE = 'rls/table-without-rls';
const FILE_NAME_RULE = 'naming/migration-file-name';
/**
 * What `supabase migration new` writes: `<14-digit UTC timestamp>_<snake_case>.sql` — for the
 * Supabase migration directories; any other runner's directory keeps its own convention.
 */
const SUPABASE_FILE_NAMES = {
  pattern: { supabase: '{timestamp}_{description}.sql' },
  timestampFormat: { supabase: 'YYYYMMDDHHmmss' },
  case: 'snake_case',
};

/**
 * The rule at its default severity with its mode option set to "always", when its options schema
 * has a property that offers that value (the coverage rule otherwise stays quiet on histories that
 * never use RLS); plain default otherwise.
 */
function strictestMode(rule: Rule): RuleSetting {
  const severity = defaultLevel(rule);
  const properties = (rule.meta.schema?.properties ?? {}) as Record<string, JsonSchema>;
  const mode = Object.entries(properties).find(([, schema]) => Array.isArray(schema.enum) && schema.enum.includes('always'))?.[0];
  return mode === undefined ? severity : [severity, { [mode]: 'always' }];
}

function defaultLevel(rule: Rule): SeveritySetting {
  return rule.meta.defaultSeverity === 'warning' ? 'warn' : rule.meta.defaultSeverity;
}

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
  return withShippedConfigs(rules, plugins, configName);
}

/** A plugin's shipped preset of the same name refines its own rules (e.g. options, a lower severity). */
function withShippedConfigs(rules: Record<string, RuleSetting>, plugins: readonly Plugin[], configName: string): Record<string, RuleSetting> {
  for (const plugin of plugins) {
    const shipped = plugin.configs?.[configName]?.rules;
    if (shipped) Object.assign(rules, shipped);
  }
  return rules;
}

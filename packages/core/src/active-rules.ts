// Which rules run on a file, at what severity and with which options: the config's rules, then
// every matching override. Core rules (`migralint/*`) are on at their default severity unless the
// config says otherwise, so a parse error is never dropped by a config that forgot it.

import type { ConfiguredRule, Plugin, ResolvedConfig, Rule, RuleSetting, Settings, Severity } from './types.js';
import { matchesFiles } from './match-files.js';

export interface ActiveRule extends ConfiguredRule {
  id: string;
  rule: Rule;
}

export interface RuleCatalog {
  /** Every known rule by id. */
  rules: Map<string, Rule>;
  /** Plugin namespaces, for directive validation. */
  packs: Set<string>;
  /**
   * Rule ids that exist but do not run here (`ResolvedConfig.knownRules`): a built-in pack this
   * config does not load, a rule only `migralint verify` reports. Directives may name them.
   */
  dormant: Set<string>;
  /** The namespaces of `dormant`, for `pack/*` directives. */
  dormantPacks: Set<string>;
}

export function catalogRules(plugins: readonly Plugin[], knownRules: readonly string[] = []): RuleCatalog {
  const rules = new Map<string, Rule>();
  const packs = new Set<string>();
  for (const plugin of plugins) {
    packs.add(plugin.name);
    for (const [name, rule] of Object.entries(plugin.rules)) rules.set(`${plugin.name}/${name}`, rule);
  }
  const dormant = new Set(knownRules.filter((id) => !rules.has(id)));
  const dormantPacks = new Set([...dormant].map((id) => id.slice(0, id.indexOf('/'))).filter((pack) => !packs.has(pack)));
  return { rules, packs, dormant, dormantPacks };
}

/** The recommended preset, generated from rule metadata (never hand-listed). */
export function recommendedRules(plugins: readonly Plugin[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const [id, rule] of catalogRules(plugins).rules) {
    if (rule.meta.recommended) out[id] = toSetting(rule.meta.defaultSeverity);
  }
  return out;
}

export function toSetting(severity: Severity): RuleSetting {
  return severity === 'warning' ? 'warn' : severity;
}

function toSeverity(setting: RuleSetting): Severity | undefined {
  const level = Array.isArray(setting) ? setting[0] : setting;
  if (level === 'off') return undefined;
  return level === 'warn' ? 'warning' : level;
}

export class RuleResolver {
  private readonly cache = new Map<string, { rules: ActiveRule[]; settings: Settings }>();

  constructor(
    private readonly config: ResolvedConfig,
    readonly catalog: RuleCatalog,
  ) {}

  /** Active rules and settings for one file (cached per set of matching overrides). */
  forFile(filePath: string): { rules: ActiveRule[]; settings: Settings } {
    const matching = this.config.overrides
      .map((override, i) => (matchesFiles(this.config.root, override.files, filePath) ? i : -1))
      .filter((i) => i !== -1);
    const key = matching.join(',');
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.build(matching);
      this.cache.set(key, entry);
    }
    return entry;
  }

  private build(overrideIndexes: number[]): { rules: ActiveRule[]; settings: Settings } {
    const settings: Settings = { ...this.config.settings };
    const settingsById = new Map<string, RuleSetting>();
    for (const [id, rule] of this.catalog.rules) {
      if (id.startsWith('migralint/')) settingsById.set(id, toSetting(rule.meta.defaultSeverity));
    }
    for (const [id, setting] of Object.entries(this.config.rules)) settingsById.set(id, setting);
    for (const i of overrideIndexes) {
      const override = this.config.overrides[i]!;
      Object.assign(settings, override.settings);
      for (const [id, setting] of Object.entries(override.rules ?? {})) {
        // `["warn"]` in an override keeps the options given earlier, as ESLint does.
        const previous = settingsById.get(id);
        const keepOptions = Array.isArray(setting) && setting.length === 1 && Array.isArray(previous) ? previous[1] : undefined;
        settingsById.set(id, keepOptions ? ([setting[0], keepOptions] as RuleSetting) : setting);
      }
    }
    const rules: ActiveRule[] = [];
    for (const [id, setting] of settingsById) {
      const rule = this.catalog.rules.get(id);
      const severity = toSeverity(setting);
      if (!rule || !severity) continue;
      const given = Array.isArray(setting) ? setting[1] : undefined;
      rules.push({ id, rule, severity, options: { ...rule.meta.defaultOptions, ...given } });
    }
    return { rules, settings };
  }
}

// Merges the flattened layers (presets and files, earliest first) into the one ResolvedConfig the
// engine reads. Later layers win key by key. A one-element `["warn"]` changes only the severity and
// keeps the options an earlier layer set; a plain `"warn"` sets the rule afresh (default options).
// The engine applies `overrides` with the same rule (RuleResolver in @migralint/core), so one
// spelling means one thing wherever it is written.

import type { Plugin, ResolvedConfig, RuleSetting, Settings } from '@migralint/core';
import { presetRules } from './presets.js';
import type { ConfigLayer } from './resolve-extends.js';

export const defaultSettings: Readonly<Settings> = { postgresVersion: 17 };

export function mergeLayers(
  layers: readonly ConfigLayer[],
  plugins: Plugin[],
  root: string,
  filepath: string | undefined,
): ResolvedConfig {
  const resolved: ResolvedConfig = {
    root,
    ...(filepath === undefined ? {} : { filepath }),
    settings: { ...defaultSettings },
    rules: {},
    overrides: [],
    ignores: [],
    noInlineDisable: [],
    plugins,
  };
  for (const layer of layers) {
    if (layer.kind === 'preset') {
      mergeRules(resolved.rules, presetRules(layer.name, plugins));
      continue;
    }
    const { config } = layer;
    Object.assign(resolved.settings, config.settings);
    if (config.layout !== undefined) resolved.settings.layout = config.layout;
    if (config.rules) mergeRules(resolved.rules, config.rules);
    for (const override of config.overrides ?? []) {
      resolved.overrides.push({
        files: [...override.files],
        ...(override.rules ? { rules: { ...override.rules } } : {}),
        ...(override.settings ? { settings: { ...override.settings } } : {}),
      });
    }
    resolved.ignores.push(...(config.ignores ?? []));
    for (const pattern of config.noInlineDisable ?? []) {
      if (!resolved.noInlineDisable.includes(pattern)) resolved.noInlineDisable.push(pattern);
    }
  }
  return resolved;
}

export function mergeRules(target: Record<string, RuleSetting>, source: Record<string, RuleSetting>): void {
  for (const [id, setting] of Object.entries(source)) target[id] = mergeRuleSetting(target[id], setting);
}

export function mergeRuleSetting(previous: RuleSetting | undefined, next: RuleSetting): RuleSetting {
  const previousOptions = Array.isArray(previous) ? previous[1] : undefined;
  if (Array.isArray(next) && next.length === 1 && previousOptions !== undefined) return [next[0], previousOptions];
  return next;
}

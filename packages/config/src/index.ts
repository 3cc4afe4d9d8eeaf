// @migralint/config: finds, validates and resolves migralint configuration (DESIGN.md §8).
export { loadConfig, ConfigLoader, configFiles, type LoadConfigOptions } from './load-config.js';
export { ConfigError, isConfigError } from './config-error.js';
export { configForFile, isIgnored, matchesFiles, toConfigRelative, type FileConfig } from './config-for-file.js';
export { printConfig, type PrintedConfig } from './print-config.js';
export { enginePlugins, loadPlugin, pluginProblem, type BuiltinPacks, type PluginReference } from './load-plugins.js';
export { packsNeeded } from './packs-needed.js';
export { presetNames, presetRules, isPresetName } from './presets.js';
export { configSchema } from './schema.js';
export { searchPlaces, isProjectRoot } from './find-config.js';
export { defaultSettings, mergeRuleSetting } from './merge-config.js';
export { defineConfig, type MigralintConfig, type ConfigOverride } from './config-file.js';
export { renderRuleIndex } from './rule-index.js';
export { resolveModule, isPathSpecifier } from './resolve-module.js';
export { errorText, importFile } from './find-config.js';

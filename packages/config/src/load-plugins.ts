// Loading rule packs named in `plugins`. Each is resolved from the directory of the config file that
// names it (the project's node_modules), imported, and checked to be a Plugin before any rule of it is
// configured, so a broken pack fails with its name and the fix instead of a TypeError mid-run.

import { corePlugin, type Plugin } from '@migralint/core';
import { migrationsPlugin } from '@migralint/migrations';
import { ConfigError } from './config-error.js';
import { errorText, importFile } from './find-config.js';
import { joinKeyPath } from './key-path.js';
import { isPathSpecifier, resolveModule } from './resolve-module.js';

/** Always loaded, whatever the config says: the engine's own rules and the layout findings. */
export const enginePlugins: readonly Plugin[] = [corePlugin, migrationsPlugin];

/**
 * The built-in rule packs by name, each loaded only when a config enables one of its rules. Config
 * never imports them: whoever assembles the defaults gives them (the CLI's `rule-packs.ts`).
 */
export type BuiltinPacks = Readonly<Record<string, () => Promise<Plugin>>>;

/** Where a plugin was named: for messages and for resolving it. */
export interface PluginReference {
  specifier: string;
  /** The config file as messages show it. */
  file: string;
  /** Its directory: plugins resolve from here. */
  dir: string;
  /** Index in that file's `plugins` array. */
  index: number;
}

const pluginName = /^[a-z0-9@][a-z0-9._-]*$/;
const severities = new Set(['error', 'warning', 'info']);
const settingSeverities = new Set(['off', 'info', 'warn', 'error']);

export async function loadPlugin(reference: PluginReference): Promise<Plugin> {
  const { specifier, file, dir } = reference;
  const where = `${file}: ${joinKeyPath('plugins', reference.index)}`;
  const resolved = resolveModule(specifier, dir);
  if (resolved === undefined) {
    const fix = isPathSpecifier(specifier)
      ? `plugin paths are relative to the config file's directory (${dir})`
      : `install it in the project (npm install --save-dev ${specifier}) or remove it from "plugins"`;
    throw new ConfigError(`${where}: cannot find plugin "${specifier}" from ${dir}; ${fix}`);
  }
  let module: Record<string, unknown>;
  try {
    module = await importFile(resolved);
  } catch (error) {
    throw new ConfigError(
      `${where}: plugin "${specifier}" failed to load: ${errorText(error)} (fix or reinstall the plugin, or remove it from "plugins")`,
      { cause: error },
    );
  }
  // The default export is the plugin; a module whose namespace itself has `name` and `rules` is accepted too.
  const candidate = looksLikePlugin(module.default) || !looksLikePlugin(module) ? module.default : module;
  const problem = pluginProblem(candidate);
  if (problem !== undefined) {
    throw new ConfigError(
      `${where}: "${specifier}" is not a migralint plugin: ${problem} (its default export must be a plugin object { name, rules }, see definePlugin in @migralint/core)`,
    );
  }
  return candidate as Plugin;
}

function looksLikePlugin(value: unknown): boolean {
  return isObject(value) && 'name' in value && 'rules' in value;
}

/** What is wrong with `value` as a Plugin, or undefined when nothing is. */
export function pluginProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `it exports ${value === undefined ? 'no default export' : typeOf(value)}`;
  const { name, rules, configs } = value as Partial<Plugin>;
  if (typeof name !== 'string') return 'it has no string "name"';
  if (!pluginName.test(name)) return `its name "${name}" must be lowercase letters, digits, ".", "_" or "-"`;
  if (!isObject(rules)) return 'it has no "rules" object';
  for (const [ruleName, rule] of Object.entries(rules)) {
    const at = `rules[${JSON.stringify(ruleName)}]`;
    if (!isObject(rule) || !isObject(rule.meta)) return `${at} has no "meta" object`;
    const { meta } = rule;
    if (!severities.has(meta.defaultSeverity)) return `${at}.meta.defaultSeverity must be "error", "warning" or "info"`;
    if (typeof meta.recommended !== 'boolean') return `${at}.meta.recommended must be a boolean`;
    if (!isObject(meta.docs) || typeof meta.docs.description !== 'string') return `${at}.meta.docs.description must be a string`;
    if (!isObject(meta.messages)) return `${at}.meta.messages must be an object`;
    // No create()/project() check: the engine's own rules (migralint/parse-error) are metadata only.
    if (rule.create !== undefined && typeof rule.create !== 'function') return `${at}.create must be a function`;
    if (rule.project !== undefined && typeof rule.project !== 'function') return `${at}.project must be a function`;
  }
  if (configs !== undefined) {
    if (!isObject(configs)) return '"configs" must be an object';
    for (const [configName, config] of Object.entries(configs)) {
      if (!isObject(config) || !isObject(config.rules)) return `configs.${configName} has no "rules" object`;
      for (const [id, setting] of Object.entries(config.rules)) {
        // A plugin's preset governs its own rules only, so it can never name a rule that does not exist.
        if (!id.startsWith(`${name}/`) || !Object.hasOwn(rules, id.slice(name.length + 1))) {
          return `configs.${configName}.rules names "${id}", which is not one of its rules`;
        }
        const level = Array.isArray(setting) ? setting[0] : setting;
        if (!settingSeverities.has(level)) return `configs.${configName}.rules["${id}"] has an invalid severity`;
      }
    }
  }
  return undefined;
}

/**
 * Builtins first (the engine's, then the built-in packs given), then the configured plugins in the
 * order named. A configured plugin with a built-in pack's name replaces it (a project pinning its
 * own version); two different configured plugins under one name, or any claiming the engine's
 * namespace, are a config error.
 */
export async function loadPlugins(references: readonly PluginReference[], builtins: readonly Plugin[] = []): Promise<Plugin[]> {
  const byName = new Map<string, { plugin: Plugin; reference?: PluginReference }>();
  for (const plugin of [...enginePlugins, ...builtins]) byName.set(plugin.name, { plugin });
  for (const reference of references) {
    const plugin = await loadPlugin(reference);
    const where = `${reference.file}: ${joinKeyPath('plugins', reference.index)}`;
    if (plugin.name === corePlugin.name) {
      throw new ConfigError(`${where}: plugin "${reference.specifier}" uses the name "${corePlugin.name}", which is reserved for the engine's own rules`);
    }
    const existing = byName.get(plugin.name);
    if (existing && existing.plugin !== plugin && existing.reference) {
      throw new ConfigError(
        `${where}: plugin "${reference.specifier}" is named "${plugin.name}", like "${existing.reference.specifier}" in ${existing.reference.file}; rule ids would be ambiguous, keep one`,
      );
    }
    if (!existing || existing.plugin !== plugin) byName.set(plugin.name, { plugin, reference });
  }
  return [...byName.values()].map((entry) => entry.plugin);
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

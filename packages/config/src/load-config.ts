// The entry point the CLI and editors call: find the config that governs a directory, read and
// validate it and everything it extends, load its plugins, check its rules, merge. A run lints many
// files in few directories, so results are cached per directory and per config file.

import path from 'node:path';
import { catalogRules, type Plugin, type ResolvedConfig } from '@migralint/core';
import type { MigralintConfig } from './config-file.js';
import { ConfigError } from './config-error.js';
import { ConfigFinder, displayPath, type LoadedFile } from './find-config.js';
import { loadPlugins, type BuiltinPacks, type PluginReference } from './load-plugins.js';
import { packsNeeded } from './packs-needed.js';
import { mergeLayers } from './merge-config.js';
import { resolveExtends, type ConfigLayer, type FileLayer } from './resolve-extends.js';
import { validateConfigShape } from './validate-config.js';
import { loadAjv } from './load-ajv.js';
import { hasRuleOptions, ruleProblems } from './validate-rules.js';

export interface LoadConfigOptions {
  /** The directory messages are relative to, and the root when no config file is found. */
  cwd: string;
  /** Load this file instead of searching (the CLI's `--config`); relative to `cwd`. */
  configFile?: string;
  /** Where the search starts (a linted file's directory); default `cwd`. Searches upward to the filesystem root. */
  searchFrom?: string;
  /** The built-in rule packs, loaded as the config needs them (the CLI's `RULE_PACKS`); default none. */
  builtinPacks?: BuiltinPacks;
  /** Every rule id that exists, loaded or not (the CLI's `KNOWN_RULES`): see `ResolvedConfig.knownRules`. */
  knownRules?: readonly string[];
}

/** The config governing `searchFrom` (or the `configFile` given). Throws ConfigError for a user's mistake. */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const loader = new ConfigLoader({ cwd: options.cwd, configFile: options.configFile, builtinPacks: options.builtinPacks, knownRules: options.knownRules });
  return loader.forDirectory(options.searchFrom ?? options.cwd);
}

/** The files each resolved config was read from (see configFiles). */
const sources = new WeakMap<ResolvedConfig, readonly string[]>();

/**
 * The config files a resolved config was read from, absolute: the file and every file it extends
 * (none when no config was found: the defaults). Undefined for an in-memory config. A cache that
 * reuses a run's output checks these (packages/cli/src/warm-run.ts).
 */
export function configFiles(config: ResolvedConfig): readonly string[] | undefined {
  return sources.get(config);
}

export class ConfigLoader {
  readonly cwd: string;
  readonly #configFile?: string;
  readonly #builtinPacks: BuiltinPacks;
  readonly #knownRules: readonly string[] | undefined;
  readonly #finder: ConfigFinder;
  /** Config file path ('' for "none found") → its resolved config. */
  readonly #resolved = new Map<string, Promise<ResolvedConfig>>();

  constructor(options: {
    cwd: string;
    configFile?: string | undefined;
    builtinPacks?: BuiltinPacks | undefined;
    knownRules?: readonly string[] | undefined;
    /** Directories the caller has listed already, with their entries' names: the search does not list them again. */
    listings?: ReadonlyMap<string, readonly string[]> | undefined;
  }) {
    this.cwd = path.resolve(options.cwd);
    this.#configFile = options.configFile;
    this.#builtinPacks = options.builtinPacks ?? {};
    this.#knownRules = options.knownRules;
    this.#finder = new ConfigFinder(this.cwd, options.listings);
  }

  /** The config for a file: the one governing its directory. */
  forFile(filePath: string): Promise<ResolvedConfig> {
    return this.forDirectory(path.dirname(path.resolve(this.cwd, filePath)));
  }

  /** The config for a directory, searched upward from it (or the `configFile` given to the loader). */
  async forDirectory(directory: string): Promise<ResolvedConfig> {
    const found = this.#configFile !== undefined ? await this.#finder.load(this.#configFile) : await this.#finder.find(directory);
    const key = found?.filepath ?? '';
    let pending = this.#resolved.get(key);
    if (!pending) {
      pending = this.#resolve(found).then((config) => this.#withKnownRules(config));
      this.#resolved.set(key, pending);
    }
    return pending;
  }

  /** Resolves an in-memory config as if it were read from `filepath` (or from a file in `cwd`). */
  resolveConfig(config: unknown, filepath?: string): Promise<ResolvedConfig> {
    return this.#resolve({ filepath: filepath ?? path.join(this.cwd, '<inline config>'), config }, filepath === undefined).then((resolved) => this.#withKnownRules(resolved));
  }

  #withKnownRules(config: ResolvedConfig): ResolvedConfig {
    if (!this.#knownRules) return config;
    const withRules = { ...config, knownRules: this.#knownRules };
    const files = sources.get(config);
    if (files) sources.set(withRules, files);
    return withRules;
  }

  async #resolve(found: LoadedFile | undefined, inline = false): Promise<ResolvedConfig> {
    if (!found) {
      // No config anywhere: the recommended preset, globs relative to the cwd.
      const layers: ConfigLayer[] = [{ kind: 'preset', name: 'recommended' }];
      const plugins = await loadPlugins([], await this.#builtins(layers));
      const defaults = mergeLayers(layers, plugins, this.cwd, undefined);
      sources.set(defaults, []);
      return defaults;
    }
    const file = displayPath(this.cwd, found.filepath);
    // An empty file (or package.json without a "migralint" key given as --config) means "no settings".
    const config: MigralintConfig = validateConfigShape(found.config ?? {}, file, found.filepath);
    const entry: FileLayer = { kind: 'file', filepath: inline ? undefined : found.filepath, file, dir: path.dirname(found.filepath), config };
    const layers = await resolveExtends(entry, this.cwd);
    const fileLayers = layers.filter((layer): layer is FileLayer => layer.kind === 'file');
    const references: PluginReference[] = fileLayers.flatMap((layer) =>
      (layer.config.plugins ?? []).map((specifier, index) => ({ specifier, file: layer.file, dir: layer.dir, index })),
    );
    const plugins = await loadPlugins(references, await this.#builtins(layers));
    // ajv (a slow import) checks rule options against the rules' schemas; the file's own shape is
    // checked by a validator compiled ahead of time (validate-config.ts).
    if (fileLayers.some(hasRuleOptions)) await loadAjv();
    const catalog = catalogRules(plugins);
    // Rule problems of every file in the chain at once: each line names its own file.
    const problems = fileLayers.flatMap((layer) => ruleProblems(layer, catalog));
    if (problems.length > 0) throw new ConfigError(problems, { filepath: found.filepath });
    const resolved = mergeLayers(layers, plugins, path.dirname(found.filepath), inline ? undefined : found.filepath);
    if (!inline) sources.set(resolved, fileLayers.map((layer) => layer.filepath!));
    return resolved;
  }

  /** The built-in packs these layers use, imported in parallel, in the order they were given. */
  #builtins(layers: readonly ConfigLayer[]): Promise<Plugin[]> {
    return Promise.all(packsNeeded(layers, Object.keys(this.#builtinPacks)).map((name) => this.#builtinPacks[name]!()));
  }
}

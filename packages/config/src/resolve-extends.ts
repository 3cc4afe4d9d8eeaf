// Flattens a config and everything it extends into an ordered list of layers, earliest first: each
// `extends` entry (depth first) before the file that names it, so merging the list left to right
// gives "later entries override earlier ones; a file's own keys override its extends".
// Presets stay placeholders here: they are generated from the rules of every loaded plugin, and the
// plugins are only known once the whole chain has been read.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import type { MigralintConfig } from './config-file.js';
import { ConfigError } from './config-error.js';
import { didYouMean } from './did-you-mean.js';
import { displayPath, readConfigFile } from './find-config.js';
import { joinKeyPath } from './key-path.js';
import { isPresetName, presetNames } from './presets.js';
import { isPathSpecifier, resolveModule } from './resolve-module.js';
import { validateConfigShape } from './validate-config.js';

export interface FileLayer {
  kind: 'file';
  /** Absolute path; undefined only for an in-memory config. */
  filepath?: string;
  /** The file as messages name it. */
  file: string;
  dir: string;
  config: MigralintConfig;
}

export interface PresetLayer {
  kind: 'preset';
  name: string;
}

export type ConfigLayer = FileLayer | PresetLayer;

export async function resolveExtends(entry: FileLayer, cwd: string): Promise<ConfigLayer[]> {
  return collect(entry, cwd, entry.filepath ? [canonical(entry.filepath)] : []);
}

async function collect(layer: FileLayer, cwd: string, chain: readonly string[]): Promise<ConfigLayer[]> {
  const layers: ConfigLayer[] = [];
  const references = layer.config.extends === undefined ? [] : [layer.config.extends].flat();
  for (const [index, reference] of references.entries()) {
    if (isPresetName(reference)) {
      layers.push({ kind: 'preset', name: reference });
      continue;
    }
    const where = `${layer.file}: ${Array.isArray(layer.config.extends) ? joinKeyPath('extends', index) : 'extends'}`;
    const filepath = locate(reference, layer.dir, where);
    const key = canonical(filepath);
    if (chain.includes(key)) {
      const cycle = [...chain.slice(chain.indexOf(key)), key].map((file) => displayPath(cwd, file)).join(' → ');
      throw new ConfigError(`${where}: "${reference}" closes an extends cycle: ${cycle}`, { filepath: layer.filepath });
    }
    const file = displayPath(cwd, filepath);
    const raw = await readConfigFile(filepath, file);
    const config = validateConfigShape(raw ?? {}, file, filepath);
    layers.push(...(await collect({ kind: 'file', filepath, file, dir: path.dirname(filepath), config }, cwd, [...chain, key])));
  }
  layers.push(layer);
  return layers;
}

/** The file an `extends` entry names: a path relative to the extending file, or a package. */
function locate(reference: string, fromDir: string, where: string): string {
  const found = resolveModule(reference, fromDir);
  if (found !== undefined) return found;
  if (isPathSpecifier(reference)) {
    throw new ConfigError(`${where}: cannot find "${reference}" (looked for ${path.resolve(fromDir, reference)}; paths are relative to the extending file)`);
  }
  // A bare word that is not installed is most often a misspelt preset.
  const hint = reference.includes('/') ? '' : didYouMean(reference, presetNames);
  const choices = `presets are ${presetNames.map((name) => `"${name}"`).join(', ')}; packages must be installed in the project`;
  throw new ConfigError(`${where}: cannot find preset or package "${reference}" from ${fromDir}${hint}; ${choices}`);
}

function canonical(filepath: string): string {
  try {
    return realpathSync(filepath);
  } catch {
    return path.resolve(filepath);
  }
}

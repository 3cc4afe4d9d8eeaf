// Finding and reading config files. cosmiconfig reads one directory at a time (searchStrategy
// "none"); we walk upward ourselves because its "global" strategy, the only one that climbs past a
// package.json, also reads ~/.config/migralint/, which would make CI results depend on a home dir.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { cosmiconfig, Loader } from 'cosmiconfig';
import { ConfigError } from './config-error.js';
import { parseJsonConfig, parseYamlConfig } from './parse-config-text.js';

/** Where a config may live, in the order tried within one directory; the first one found wins. */
export const searchPlaces: readonly string[] = [
  'migralint.config.js',
  'migralint.config.mjs',
  'migralint.config.cjs',
  'migralint.config.json',
  'migralint.config.yaml',
  'migralint.config.yml',
  '.migralintrc',
  '.migralintrc.json',
  '.migralintrc.yaml',
  '.migralintrc.yml',
  '.migralintrc.js',
  '.migralintrc.cjs',
  '.migralintrc.mjs',
  'package.json',
];

export interface LoadedFile {
  filepath: string;
  /** The file's content as parsed; undefined for an empty file. */
  config: unknown;
}

/** How a config path appears in messages: relative to the cwd when inside it, else absolute. */
export function displayPath(cwd: string, filepath: string): string {
  const relative = path.relative(cwd, filepath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filepath;
}

/**
 * How long a config file or plugin may take to load (its top-level code and `await`s), in ms.
 * `MIGRALINT_LOAD_TIMEOUT` (seconds) changes it. Generous: a real plugin loads in milliseconds.
 */
export function loadTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const seconds = Number(env.MIGRALINT_LOAD_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

/**
 * `import()` of a file by path (a file URL, so Windows drive letters and `#` in names survive), with
 * a time limit. A module whose top-level `await` never settles would otherwise leave Node with
 * nothing to do, and the process would end with exit 13 and no word; the timer both keeps it alive
 * and turns the wait into an error the callers name the config or plugin in.
 */
export async function importFile(filepath: string, query = '', timeoutMs = loadTimeoutMs()): Promise<Record<string, unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not finish loading within ${timeoutMs / 1000} s (a top-level await that never settles?); set MIGRALINT_LOAD_TIMEOUT=<seconds> if it really needs longer`)), timeoutMs);
  });
  try {
    return (await Promise.race([import(pathToFileURL(filepath).href + query), timeout])) as Record<string, unknown>;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A query for a JS config's import URL that changes when the file does. Node caches modules by URL for the
 * life of the process, so a long-running host (the language server) would keep the first version
 * of an edited `migralint.config.js` forever; the file's mtime in the query makes an edited file a
 * new module (ESLint does the same). CommonJS files are cached by path too: forget that entry.
 */
function freshQuery(filepath: string): string {
  delete requireCache[filepath];
  let stamp = 0;
  try {
    stamp = statSync(filepath).mtimeMs;
  } catch {
    // Unreadable: the import below says why.
  }
  return `?mtime=${stamp}`;
}
const requireCache = createRequire(import.meta.url).cache;

/** Reads any supported config file by its extension (JSON, YAML, JS), without validating it. */
export async function readConfigFile(filepath: string, file: string, text?: string): Promise<unknown> {
  const extension = path.extname(filepath);
  if (['.js', '.mjs', '.cjs'].includes(extension)) {
    let module: Record<string, unknown>;
    try {
      module = await importFile(filepath, freshQuery(filepath));
    } catch (error) {
      throw new ConfigError(`${file}: failed to load: ${errorText(error)}`, { filepath, cause: error });
    }
    // ESM `export default`, or `module.exports` of a CommonJS file (which Node exposes as default).
    if (!('default' in module)) {
      throw new ConfigError(`${file}: a JS config must export the config object as its default export (export default { … })`, {
        filepath,
      });
    }
    return module.default;
  }
  if (!['.json', '.yaml', '.yml', ''].includes(extension)) {
    throw new ConfigError(
      `${file}: unsupported config file type "${extension}" (use .json, .yaml, .yml, .js, .mjs or .cjs)`,
      { filepath },
    );
  }
  const source = text ?? (await readFile(filepath, 'utf8'));
  if (source.trim() === '') return undefined;
  if (extension === '.json') return parseJsonConfig(source, file, filepath);
  // YAML is a superset of JSON, so an extensionless .migralintrc may hold either.
  return parseYamlConfig(source, file, filepath);
}

/**
 * cosmiconfig() first reads the process cwd's package.json for its own options, with its own
 * loaders; a broken package.json there would surface as a multi-line parser dump, so say it plainly.
 */
async function createExplorer(cwd: string, options: Parameters<typeof cosmiconfig>[1]) {
  // Imported on first use: a run with no config candidate anywhere never pays for it.
  // A CommonJS package: its module.exports is the default export, in Node and in the CLI bundle alike.
  const { cosmiconfig } = (await import('cosmiconfig')).default;
  try {
    return cosmiconfig('migralint', options);
  } catch (error) {
    const filepath = (error as { filepath?: string }).filepath;
    // Keep the parser's reason: drop the "JSON Error in …" header, code-frame lines and the echoed input.
    // The parser colours its code frame when the environment looks like a colour terminal (CI=true does).
    const plain = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, '');
    const lines = plain.split('\n').map((line) => line.trim());
    const reasonLine = lines.find((line, index) => line !== '' && !(index === 0 && /Error in /.test(line)) && !/^>?\s*\d*\s*\|/.test(line));
    const reason = (reasonLine ?? errorText(error)).replace(/\s+while parsing .*$/, '');
    throw new ConfigError(`${filepath ? displayPath(cwd, filepath) : cwd}: cannot be read: ${reason}`, { filepath, cause: error });
  }
}

export class ConfigFinder {
  readonly #cwd: string;
  #explorer?: Promise<ReturnType<typeof cosmiconfig>>;
  /** Directory → the config file that applies to it (found there or in a parent), or undefined. */
  readonly #byDirectory = new Map<string, Promise<LoadedFile | undefined>>();

  readonly #listings: ReadonlyMap<string, readonly string[]> | undefined;

  /** `listings`: directories listed already, with their entries' names (a run's walk over its folders). */
  constructor(cwd: string, listings?: ReadonlyMap<string, readonly string[]>) {
    this.#cwd = cwd;
    this.#listings = listings;
  }

  /** Created on first use, inside an async call, so even its errors arrive as rejections. */
  #cosmiconfig(): Promise<ReturnType<typeof cosmiconfig>> {
    if (!this.#explorer) {
      const load: Loader = (filepath, content) => readConfigFile(filepath, displayPath(this.#cwd, filepath), content);
      this.#explorer = createExplorer(this.#cwd, {
        searchPlaces: [...searchPlaces],
        searchStrategy: 'none',
        // An empty migralint.config.json is still this directory's config (meaning "no rules").
        ignoreEmptySearchPlaces: false,
        loaders: { '.json': load, '.yaml': load, '.yml': load, noExt: load, '.js': load, '.mjs': load, '.cjs': load, default: load },
        cache: true,
      });
    }
    return this.#explorer;
  }

  /** The config file governing `directory`: the nearest one in it or a parent, up to the project root. */
  find(directory: string): Promise<LoadedFile | undefined> {
    const dir = path.resolve(this.#cwd, directory);
    let pending = this.#byDirectory.get(dir);
    if (!pending) {
      pending = this.#searchUpward(dir);
      this.#byDirectory.set(dir, pending);
    }
    return pending;
  }

  async #searchUpward(dir: string): Promise<LoadedFile | undefined> {
    // One directory listing instead of a dozen failed opens: most directories of a migration tree
    // hold no config candidate at all, and cosmiconfig is only asked where one is.
    const names = this.#listings?.get(dir) ?? listDirectory(dir);
    if (names === undefined || names.some((name) => candidateNames.has(name))) {
      const result = await (await this.#cosmiconfig()).search(dir);
      if (result) return { filepath: result.filepath, config: result.config };
    }
    // The project root ends the search, as ESLint's flat config does: a config file in a parent
    // directory (a home directory, a shared checkout) is code that would run for every project below.
    if (names !== undefined && isProjectRoot(dir, names)) return undefined;
    const parent = path.dirname(dir);
    return parent === dir ? undefined : this.find(parent);
  }

  /** Loads one named file (the CLI's --config): it must exist. */
  async load(filepath: string): Promise<LoadedFile> {
    const absolute = path.resolve(this.#cwd, filepath);
    try {
      const result = await (await this.#cosmiconfig()).load(absolute);
      return { filepath: absolute, config: result?.config };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ConfigError(`${displayPath(this.#cwd, absolute)}: config file not found`, { filepath: absolute, cause: error });
      }
      throw error;
    }
  }
}

const candidateNames = new Set(searchPlaces);

/** The directory's entries; undefined when unreadable or vanished (cosmiconfig then looks and reports). */
function listDirectory(dir: string): string[] | undefined {
  try {
    return readdirSync(dir);
  } catch {
    return undefined;
  }
}

/**
 * A project's root: it holds `.git` (a directory, or a file in a worktree or submodule), or it is a
 * workspace root (`pnpm-workspace.yaml`, or a package.json with "workspaces").
 */
export function isProjectRoot(dir: string, names: readonly string[]): boolean {
  if (names.includes('.git') || names.includes('pnpm-workspace.yaml')) return true;
  if (!names.includes('package.json')) return false;
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return manifest.workspaces !== undefined;
  } catch {
    return false;
  }
}

/** What a thrown value says, on one line: imported code's messages may span lines, a problem may not. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

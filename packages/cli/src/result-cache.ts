// `--cache`: results of unchanged histories from the last run, as ESLint's cache does for files.
// One entry per history (work-units.ts), keyed by everything its findings depend on: the tool
// (version and build), the effective config with its plugins' versions, each file's path and
// content, which files are reported, and what git says changed (--changed-since/--staged). The
// layout files and lockfile lint() read (readAux) are recorded with their hashes and checked on
// reuse. An edited migration changes its history's key, so everything that depends on it is
// recomputed; other histories are reused. Nothing is written unless --cache is given.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig, VcsChanges } from '@migralint/core';
import { auxReader } from './gather-files.js';
import type { AuxReads } from './aux-reads.js';
import type { PlainResult } from './plain-result.js';
import type { WorkUnit } from './work-units.js';
import { VERSION } from './version.js';
import { isBuiltinPlugin } from './rule-packs.js';

/** Bump when the entry format changes. */
const FORMAT = 1;

interface Entry {
  format: number;
  aux: Array<[string, string | null]>;
  result: PlainResult;
}

export class ResultCache {
  private readonly configKeys = new WeakMap<ResolvedConfig, string>();
  private readonly readAux: (file: string) => string | undefined;
  private readonly salt: string;
  private warned = false;

  constructor(
    private readonly dir: string,
    private readonly cwd: string,
    vcs: VcsChanges | undefined,
    private readonly warn: (message: string) => void,
  ) {
    this.readAux = auxReader(cwd);
    this.salt = JSON.stringify([FORMAT, VERSION, buildStamp(), cwd, vcs ? vcsKey(vcs) : null]);
  }

  keyOf(unit: WorkUnit): string {
    const hash = createHash('sha256').update(this.salt).update(this.configKey(unit.config)).update(JSON.stringify(unit.reportPaths ?? null));
    for (const file of unit.files) hash.update(`\0${file.path}\0`).update(file.content);
    return hash.digest('hex');
  }

  get(key: string): PlainResult | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.fileOf(key), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.format !== FORMAT) return undefined;
    for (const [file, hash] of entry.aux) if (contentHash(this.readAux(file)) !== hash) return undefined;
    return entry.result;
  }

  set(key: string, result: PlainResult, reads: AuxReads): void {
    const aux = reads.map(([file, content]): [string, string | null] => [file, contentHash(content ?? undefined)]);
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temp, JSON.stringify({ format: FORMAT, aux, result } satisfies Entry));
      fs.renameSync(temp, file);
    } catch (error) {
      removeQuietly(temp);
      // A cache that cannot be written costs speed, not findings: say so once and go on.
      if (!this.warned) this.warn(`cannot write the cache in ${this.dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); results are not cached`);
      this.warned = true;
    }
  }

  private fileOf(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }

  private configKey(config: ResolvedConfig): string {
    let key = this.configKeys.get(config);
    if (key === undefined) {
      const { plugins, ...rest } = config;
      key = JSON.stringify([rest, plugins.map(pluginKey)]);
      this.configKeys.set(config, key);
    }
    return key;
  }
}

function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {
    // Nothing was written there (the directory could not be made).
  }
}

/** A content hash, or null for a file that was absent. */
const contentHash = (content: string | Uint8Array | undefined): string | null =>
  content === undefined ? null : createHash('sha256').update(content).digest('base64url');

/** A plugin by name and version; one without a version (a local file) by its rules' code. */
function pluginKey(plugin: ResolvedConfig['plugins'][number]): string {
  if (isBuiltinPlugin(plugin)) return plugin.name;
  if (plugin.version) return `${plugin.name}@${plugin.version}`;
  const code = Object.entries(plugin.rules).map(([name, rule]) => `${name}:${JSON.stringify(rule.meta)}:${String(rule.create)}:${String(rule.project)}`);
  return `${plugin.name}#${createHash('sha256').update(code.join('\n')).digest('base64url')}`;
}

/** The running build: a rebuilt tool must not reuse results of the old one (same version in development). */
function buildStamp(): string {
  try {
    const stat = fs.statSync(new URL(import.meta.url));
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '';
  }
}

/** What git said changed, and what the changed files were at the ref. */
function vcsKey(vcs: VcsChanges): string {
  const before = vcs.modified.map((file) => contentHash(vcs.contentAtRef(file)));
  const deleted = vcs.deleted.map((file) => contentHash(vcs.contentAtRef(file)));
  return JSON.stringify([vcs.ref, vcs.added, vcs.modified, vcs.deleted, before, deleted]);
}

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
import type { ResolvedConfig, SourceInput, VcsChanges } from '@migralint/core';
import { auxReader } from './gather-files.js';
import type { AuxReads } from './aux-reads.js';
import type { PlainResult } from './plain-result.js';
import type { WorkUnit } from './work-units.js';
import { VERSION } from './version.js';
import { buildStamp } from './build-stamp.js';
import { isBuiltinPlugin } from './rule-packs.js';
import type { CacheStrategy } from './speed-options.js';
import { knownHash, UnchangedFile } from './unchanged-file.js';

/** Bump when the entry format changes. */
const FORMAT = 2;

/**
 * What a file was when a run hashed it (metadata strategy): size, modification and change times,
 * inode, content hash. Any write changes the change time, so a match means the same bytes.
 */
type Stamp = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

/** The stamps of every file the cache has hashed, by absolute path. */
const STAMPS = 'files.json';

/**
 * A file modified this recently may be written again within the same clock tick without its
 * times changing (git's "racy" files): its stamp is not recorded, so the next run hashes it.
 */
const RACY_MS = 2000;

interface Entry {
  format: number;
  aux: Array<[string, string | null]>;
  result: PlainResult;
}

export class ResultCache {
  private readonly configKeys = new WeakMap<ResolvedConfig, string>();
  private readonly readAux: (file: string) => string | undefined;
  private salt?: string;
  private warned = false;
  /** Metadata strategy: the stamps of the last runs, loaded on first use; and whether this run changed them. */
  private stamps?: Map<string, Stamp>;
  private stampsChanged = false;
  /** Files this run stat'ed and then read (their stamps are recorded from these stats, taken before the read). */
  private readonly statted = new Map<string, fs.Stats>();
  /** Every file this run stat'ed before reading it (metadata strategy): a recorded run's stamps reuse them. */
  readonly stats = new Map<string, fs.Stats>();
  /** Content hashes of the bytes this run read. */
  private readonly hashes = new WeakMap<Uint8Array, string>();

  /** What git says changed (--changed-since, --staged): part of every key, so set before the first. */
  vcs?: VcsChanges;
  /** The layout files and lockfile (relative to the cwd) the results of this run depend on. */
  readonly auxFiles = new Set<string>();
  /** False when a result was not cached (a stopped rule) or the cache could not be written. */
  complete = true;

  constructor(
    private readonly dir: string,
    private readonly cwd: string,
    private readonly warn: (message: string) => void,
    private readonly strategy: CacheStrategy = 'content',
  ) {
    this.readAux = auxReader(cwd);
  }

  /**
   * Metadata strategy: the file, when its stamp matches the one recorded when it was hashed, so the
   * run need not read it now. Undefined: read it (then `remember` its bytes).
   */
  unchangedFile(abs: string): UnchangedFile | undefined {
    if (this.strategy !== 'metadata') return undefined;
    const stat = statOf(abs);
    if (!stat?.isFile()) return undefined;
    this.stats.set(abs, stat);
    const stamp = this.loadStamps().get(abs);
    if (stamp && stamp[0] === stat.size && stamp[1] === stat.mtimeMs && stamp[2] === stat.ctimeMs && stamp[3] === stat.ino) return new UnchangedFile(abs, stat.size, stamp[4]);
    this.statted.set(abs, stat);
    return undefined;
  }

  /** The bytes of a file the run read after `unchangedFile` said it changed: hashed once, its stamp recorded. */
  remember(abs: string, bytes: Uint8Array): void {
    const hash = contentHash(bytes)!;
    this.hashes.set(bytes, hash);
    const stat = this.statted.get(abs);
    if (!stat || Date.now() - stat.mtimeMs < RACY_MS) return;
    this.loadStamps().set(abs, [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, hash]);
    this.stampsChanged = true;
  }

  keyOf(unit: WorkUnit): string {
    this.salt ??= JSON.stringify([FORMAT, VERSION, buildStamp(), this.cwd, this.vcs ? vcsKey(this.vcs) : null]);
    const hash = createHash('sha256').update(this.salt).update(this.configKey(unit.config)).update(JSON.stringify(unit.reportPaths ?? null));
    for (const file of unit.files) hash.update(`\0${file.path}\0`).update(this.hashOf(file));
    return hash.digest('hex');
  }

  /** Writes the stamps this run recorded (metadata strategy); a failure is said once, as for entries. */
  saveStamps(): void {
    if (!this.stampsChanged) return;
    this.stampsChanged = false;
    this.write(path.join(this.dir, STAMPS), JSON.stringify(Object.fromEntries(this.stamps!)));
  }

  private hashOf(file: SourceInput): string {
    const known = knownHash(file);
    if (known !== undefined) return known;
    const content = file.content;
    return (typeof content !== 'string' ? this.hashes.get(content) : undefined) ?? contentHash(content)!;
  }

  private loadStamps(): Map<string, Stamp> {
    if (!this.stamps) {
      try {
        this.stamps = new Map(Object.entries(JSON.parse(fs.readFileSync(path.join(this.dir, STAMPS), 'utf8')) as Record<string, Stamp>));
      } catch {
        // No stamps yet, or a damaged file: every file is read and hashed.
        this.stamps = new Map();
      }
    }
    return this.stamps;
  }

  get(key: string): PlainResult | undefined {
    let entry: Entry;
    try {
      entry = JSON.parse(fs.readFileSync(this.fileOf(key), 'utf8')) as Entry;
    } catch {
      return undefined;
    }
    if (entry.format !== FORMAT) return undefined;
    for (const [file, hash] of entry.aux) {
      this.auxFiles.add(file);
      if (contentHash(this.readAux(file)) !== hash) return undefined;
    }
    return entry.result;
  }

  set(key: string, result: PlainResult, reads: AuxReads): void {
    const aux = reads.map(([file, content]): [string, string | null] => [file, contentHash(content ?? undefined)]);
    for (const [file] of aux) this.auxFiles.add(file);
    this.write(this.fileOf(key), JSON.stringify({ format: FORMAT, aux, result } satisfies Entry));
  }

  /** Writes a file of the cache (whole or not at all); a failure is said once and the run goes on. */
  write(file: string, text: string | Uint8Array): void {
    const temp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, file);
    } catch (error) {
      removeQuietly(temp);
      this.complete = false;
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

function statOf(abs: string): fs.Stats | undefined {
  try {
    return fs.statSync(abs);
  } catch {
    return undefined;
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

/** What git said changed, and what the changed files were at the ref. */
function vcsKey(vcs: VcsChanges): string {
  const before = vcs.modified.map((file) => contentHash(vcs.contentAtRef(file)));
  const deleted = vcs.deleted.map((file) => contentHash(vcs.contentAtRef(file)));
  return JSON.stringify([vcs.ref, vcs.added, vcs.modified, vcs.deleted, before, deleted]);
}

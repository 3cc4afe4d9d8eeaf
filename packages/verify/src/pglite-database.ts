// The embedded PostgreSQL: PGlite (PostgreSQL 18 compiled to WebAssembly, in this process). A cold
// start runs initdb (≈ 3 s); the data directory of the empty database is then dumped once to the
// cache directory and every later run starts from it (≈ 0.6 s). Each run gets its own in-memory
// instance: nothing it does reaches the disk, so the user's data is never in reach.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shortVersion, toSqlError, VerifyDatabaseError, type Database } from './database.js';
import { hasStandIn, standInFiles } from './extension-stand-ins.js';

/** The PGlite release this package pins (package.json); it names the cache file. */
export const PGLITE_VERSION = '0.5.16';

/**
 * Extensions PGlite ships in `@electric-sql/pglite/contrib/*` (as named in CREATE EXTENSION). They
 * are loaded only when the history creates them: each is a bundle unpacked at start-up.
 */
export const PGLITE_EXTENSIONS: readonly string[] = [
  'amcheck', 'auto_explain', 'bloom', 'btree_gin', 'btree_gist', 'citext', 'cube', 'dict_int', 'dict_xsyn',
  'earthdistance', 'file_fdw', 'fuzzystrmatch', 'hstore', 'intarray', 'isn', 'lo', 'ltree', 'moddatetime',
  'pageinspect', 'pg_buffercache', 'pg_stat_statements', 'pg_surgery', 'pg_trgm', 'pg_visibility',
  'pg_walinspect', 'pgcrypto', 'seg', 'tablefunc', 'tcn', 'tsm_system_rows', 'tsm_system_time', 'unaccent',
  'uuid-ossp',
];

/** Extensions built into every PGlite (no bundle to load). */
const BUILT_IN_EXTENSIONS = new Set(['plpgsql']);

export interface PgliteOptions {
  /** Extension names (as in CREATE EXTENSION) the run may create; unknown ones are ignored. */
  extensions?: Iterable<string>;
  /** Extensions PGlite lacks to install stand-ins for (names of STAND_INS). */
  standIns?: Iterable<string>;
  /** Where the empty database is cached; `false` turns the cache off. Default: `defaultCacheDir()`. */
  cacheDir?: string | false;
  /** What every run of this project does first (its setup scripts): done once, then started from its cached result. */
  template?: PgliteTemplate<unknown>;
}

/**
 * The database after the setup scripts, kept in the cache like the empty one: the next run with the
 * same scripts and extensions starts from it instead of running them again.
 */
export interface PgliteTemplate<T> {
  /** Names the cached data directory: a digest of the scripts and the extensions. */
  key: string;
  /** Runs on the empty database; `keep: false` (a script failed) leaves nothing in the cache. */
  prepare(db: Database): Promise<{ keep: boolean; value: T }>;
}

/** A PGlite database, and what its template's prepare returned (now or on the run that cached it). */
export type PgliteDatabase = Database & { prepared?: unknown; fromTemplate?: boolean };

/** `$MIGRALINT_CACHE_DIR`, else `$XDG_CACHE_HOME/migralint`, else `~/.cache/migralint`. */
export function defaultCacheDir(env: Record<string, string | undefined> = process.env): string {
  if (env.MIGRALINT_CACHE_DIR) return env.MIGRALINT_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'migralint');
}

export function pgliteCacheFile(cacheDir: string): string {
  return path.join(cacheDir, `pglite-${PGLITE_VERSION}.tgz`);
}

export function isPgliteExtension(name: string): boolean {
  return BUILT_IN_EXTENSIONS.has(name) || PGLITE_EXTENSIONS.includes(name);
}

type PGliteInstance = import('@electric-sql/pglite').PGlite;
type Extensions = import('@electric-sql/pglite').Extensions;

export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const extensions = await loadExtensions(options.extensions ?? []);
  const cacheFile = options.cacheDir === false ? undefined : pgliteCacheFile(options.cacheDir ?? defaultCacheDir());
  const notices: string[] = [];
  const onNotice = (notice: { message?: string; severity?: string }) => {
    notices.push(`${notice.severity ?? 'NOTICE'}: ${notice.message ?? ''}`);
  };

  let db: PGliteInstance | undefined;
  const templateFile = cacheFile && options.template ? cacheFile.replace(/\.tgz$/, `-setup-${options.template.key}.tgz`) : undefined;
  const templated = templateFile ? readTemplate(templateFile) : undefined;
  if (templated) {
    try {
      db = await PGlite.create({ loadDataDir: new Blob([templated.data]), extensions, relaxedDurability: true });
    } catch {
      db = undefined;
    }
  }
  const cached = !db && cacheFile ? readCache(cacheFile) : undefined;
  if (cached) {
    try {
      db = await PGlite.create({ loadDataDir: new Blob([cached]), extensions, relaxedDurability: true });
    } catch {
      // A truncated or foreign file: start cold and write it again.
      db = undefined;
    }
  }
  if (!db) {
    db = await PGlite.create({ extensions, relaxedDurability: true });
    if (cacheFile) await writeCache(cacheFile, () => db!.dumpDataDir('gzip'));
  }
  const instance = db;
  const standIns = new Set([...(options.standIns ?? [])].filter(hasStandIn));
  if (standIns.size > 0) {
    // A real extension each: control file and script in the in-memory share directory (never on disk).
    const [row] = (await instance.query<{ setting: string }>("select setting from pg_config where name = 'SHAREDIR'")).rows;
    const FS = (instance as unknown as { mod: { FS: { writeFile(path: string, data: string): void } } }).mod.FS;
    for (const name of standIns) for (const { file, content } of standInFiles(name)) FS.writeFile(`${row!.setting}/extension/${file}`, content);
  }
  const version = shortVersion(((await instance.query<{ version: string }>('select version()')).rows[0]?.version) ?? 'PostgreSQL');

  const database: PgliteDatabase = {
    description: `PGlite ${PGLITE_VERSION}`,
    kind: 'pglite',
    serverVersion: version,
    standIns,
    async exec(sql) {
      try {
        await instance.exec(sql, { onNotice });
      } catch (error) {
        throw new VerifyDatabaseError(toSqlError(error));
      }
    },
    async query<T>(sql: string, params: unknown[] = []) {
      try {
        // Without parameters the simple protocol is half the cost (no parse/bind/describe round).
        if (params.length === 0) return ((await instance.exec(sql, { onNotice }))[0]?.rows ?? []) as T[];
        return (await instance.query<T>(sql, params, { onNotice })).rows;
      } catch (error) {
        throw new VerifyDatabaseError(toSqlError(error));
      }
    },
    takeNotices() {
      return notices.splice(0);
    },
    async close() {
      if (!instance.closed) await instance.close();
      return [];
    },
  };
  if (templated) return Object.assign(database, { prepared: templated.value, fromTemplate: true });
  if (!options.template) return database;
  const { keep, value } = await options.template.prepare(database);
  if (keep && templateFile) await writeCache(templateFile, () => instance.dumpDataDir('gzip'), JSON.stringify({ value }));
  return Object.assign(database, { prepared: value });
}

async function loadExtensions(names: Iterable<string>): Promise<Extensions> {
  const out: Extensions = {};
  for (const name of new Set(names)) {
    if (!PGLITE_EXTENSIONS.includes(name)) continue;
    const exportName = name.replace(/-/g, '_');
    const module = (await import(`@electric-sql/pglite/contrib/${exportName}`)) as Extensions;
    const extension = module[exportName];
    if (extension) out[exportName] = extension;
  }
  return out;
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** A template: its data directory and, beside it (`.json`), what its prepare returned. */
function readTemplate(file: string): { data: Buffer; value: unknown } | undefined {
  try {
    const value = (JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as { value: unknown }).value;
    return { data: fs.readFileSync(file), value };
  } catch {
    return undefined;
  }
}

/** A data directory dump (the empty database, or a template and its `.json`); each file written whole or not at all. */
async function writeCache(file: string, dumpDataDir: () => Promise<Blob>, sidecar?: string): Promise<void> {
  try {
    const dump = await dumpDataDir();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const write = (target: string, data: Buffer | string) => {
      const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
      fs.writeFileSync(tmp, data);
      fs.renameSync(tmp, target);
    };
    // The sidecar first: a template is read only when both are there.
    if (sidecar !== undefined) write(`${file}.json`, sidecar);
    write(file, Buffer.from(await dump.arrayBuffer()));
  } catch {
    // A read-only home or a full disk only costs the next run its cold start.
  }
}

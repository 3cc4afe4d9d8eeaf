// What a statement did to the relations that existed before its migration: the locks it took
// (pg_locks of our own backend, read inside the transaction, before the locks are released) and
// whether it rewrote them (a new pg_class.relfilenode is a new data file: the table, index or
// materialized view was copied). Both are facts of the server, independent of the table's size.

import type { Database } from './database.js';

export type RelationKind = 'table' | 'partitioned table' | 'index' | 'materialized view' | 'view' | 'sequence' | 'foreign table';

export type LockMode =
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'ACCESS EXCLUSIVE';

const MODES: Record<string, LockMode> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
};
const STRENGTH: LockMode[] = Object.values(MODES);

export function lockStrength(mode: LockMode): number {
  return STRENGTH.indexOf(mode);
}

export interface Relation {
  oid: number;
  /** `public.users`. */
  name: string;
  kind: RelationKind;
  /** For an index: its table. */
  table?: string;
  /** The data file; 0 for relations without storage (views, partitioned tables). */
  file: number;
}

/** The relations of the database when a migration starts: what production already has. */
export type RelationMap = Map<number, Relation>;

export interface RelationState {
  /** Lock modes our backend holds, by relation OID. */
  locks: Map<number, Set<LockMode>>;
  /** Data file by relation OID. */
  files: Map<number, number>;
  /**
   * Sequential and index scans started on each table in this session (pg_stat_get_xact_numscans:
   * counted even on an empty table, so a validating scan shows although there is nothing to read).
   */
  scans: Map<number, number>;
}

export interface LockRecord {
  relation: string;
  kind: RelationKind;
  mode: LockMode;
  /** For an index: its table. */
  table?: string;
}

export interface RewriteRecord {
  relation: string;
  kind: RelationKind;
  /** For an index: its table. */
  table?: string;
}

export interface StatementEffects {
  /** New locks on pre-existing relations (the strongest per relation and every weaker one taken). */
  locks: LockRecord[];
  rewrites: RewriteRecord[];
  /** Pre-existing relations the statement dropped (their locks are not worth a finding). */
  dropped: string[];
  /** Pre-existing tables the statement scanned. */
  scans: string[];
}

/** Relations whose OID is gone: dropped, or recreated under the same name (an index rebuilt by ALTER … TYPE). */
export type Vanished = Relation[];

const KINDS: Record<string, RelationKind> = {
  r: 'table',
  p: 'partitioned table',
  i: 'index',
  I: 'index',
  m: 'materialized view',
  v: 'view',
  S: 'sequence',
  f: 'foreign table',
};

// OIDs from 16384 (FirstNormalObjectId) are objects created after initdb: everything of the user's,
// nothing of the catalog's (pg_class, pg_locks, … that our own queries lock).
// One row of JSON: parsing it is cheaper than a row per relation.
const RELATIONS_SQL = String.raw`
select coalesce(json_agg(json_build_array(c.oid::int8, n.nspname || '.' || c.relname, c.relkind::text, c.relfilenode::int8, tn.nspname || '.' || tc.relname)), '[]'::json)::text as relations
from pg_class c join pg_namespace n on n.oid = c.relnamespace
  left join pg_index i on i.indexrelid = c.oid
  left join pg_class tc on tc.oid = i.indrelid
  left join pg_namespace tn on tn.oid = tc.relnamespace
where c.oid >= 16384 and c.relkind in ('r', 'p', 'i', 'I', 'm', 'v', 'S', 'f') and n.nspname not like 'pg\_toast%'
`;

// A statement can rewrite or scan a table only while it holds a lock on it, and inside the block the
// lock is still held when the statement ends: so the state is read for the locked relations only
// (their data file and scan count), and the cost does not grow with the schema. A relation whose
// pg_class row is gone (file null) was dropped or recreated.
const STATE_SQL = String.raw`
select coalesce(json_agg(json_build_array(l.relation::int8, l.mode, c.relfilenode::int8, pg_stat_get_xact_numscans(l.relation))), '[]'::json)::text as locks
from pg_lock_status() l left join pg_class c on c.oid = l.relation
where l.pid = pg_backend_pid() and l.locktype = 'relation' and l.granted and l.relation >= 16384::oid
`;

// After a statement that ran outside a block (its locks already released): every relation's file.
const FILES_SQL = String.raw`
select coalesce(json_agg(json_build_array(c.oid::int8, c.relfilenode::int8, pg_stat_get_xact_numscans(c.oid))), '[]'::json)::text as files
from pg_class c where c.oid = any($1::oid[])
`;

export async function readRelations(db: Database): Promise<RelationMap> {
  const [result] = await db.query<{ relations: string }>(RELATIONS_SQL);
  const map: RelationMap = new Map();
  for (const [oid, name, kind, dataFile, table] of JSON.parse(result?.relations ?? '[]') as Array<[number, string, string, number, string | null]>) {
    // Data files that matter: tables, indexes, materialized views. A sequence gets a new one on
    // ALTER SEQUENCE … RESTART, which copies nothing.
    const file = kind === 'r' || kind === 'i' || kind === 'm' ? dataFile : 0;
    const relation: Relation = { oid, name, kind: KINDS[kind] ?? 'table', file };
    if (table) relation.table = table;
    map.set(oid, relation);
  }
  return map;
}

/** The state after a statement, from the one before it: what changed is on the relations it locked. */
export async function readState(db: Database, previous: RelationState): Promise<RelationState> {
  const [row] = await db.query<{ locks: string }>(STATE_SQL);
  const locks = new Map<number, Set<LockMode>>();
  const files = new Map(previous.files);
  const scans = new Map(previous.scans);
  for (const [oid, mode, file, scanCount] of JSON.parse(row?.locks ?? '[]') as Array<[number, string, number | null, number]>) {
    const name = MODES[mode];
    if (!name) continue;
    let set = locks.get(oid);
    if (!set) locks.set(oid, (set = new Set()));
    set.add(name);
    if (file === null) files.delete(oid);
    else if (file !== 0) files.set(oid, file);
    if (scanCount > 0) scans.set(oid, scanCount);
  }
  return { locks, files, scans };
}

/** Files and scan counts of every relation that existed (no lock tells which a statement touched). */
export async function readFiles(db: Database, relations: RelationMap): Promise<Pick<RelationState, 'files' | 'scans'>> {
  const [row] = await db.query<{ files: string }>(FILES_SQL, [`{${[...relations.keys()].join(',')}}`]);
  const files = new Map<number, number>();
  const scans = new Map<number, number>();
  for (const [oid, file, scanCount] of JSON.parse(row?.files ?? '[]') as Array<[number, number, number]>) {
    if (file !== 0) files.set(oid, file);
    if (scanCount > 0) scans.set(oid, scanCount);
  }
  return { files, scans };
}

/** The state once a block ended: its locks are released; data files and scan counts stay. */
export function withoutLocks(state: RelationState): RelationState {
  return { ...state, locks: new Map() };
}

/** The state at a migration's start: its relation map's files (no locks held between migrations), the session's scan counts. */
export function stateOf(relations: RelationMap, scans: Map<number, number>): RelationState {
  const files = new Map<number, number>();
  for (const r of relations.values()) if (r.file !== 0) files.set(r.oid, r.file);
  return { locks: new Map(), files, scans };
}

/**
 * What changed between two states, for the relations that existed when the migration started.
 * Relations whose OID vanished are returned apart: `settleVanished` tells dropped from recreated.
 */
export function effectsBetween(before: RelationState, after: RelationState, preExisting: RelationMap): StatementEffects & { vanished: Vanished } {
  const locks: LockRecord[] = [];
  const rewrites: RewriteRecord[] = [];
  const dropped: string[] = [];
  const scans: string[] = [];
  const vanished: Vanished = [];
  for (const [oid, count] of after.scans) {
    const relation = preExisting.get(oid);
    if (relation && count > (before.scans.get(oid) ?? 0)) scans.push(relation.name);
  }
  for (const [oid, modes] of after.locks) {
    const relation = preExisting.get(oid);
    if (!relation) continue;
    const held = before.locks.get(oid);
    for (const mode of [...modes].sort((a, b) => lockStrength(b) - lockStrength(a))) {
      if (!held?.has(mode)) locks.push({ relation: relation.name, kind: relation.kind, mode, ...(relation.table ? { table: relation.table } : {}) });
    }
  }
  for (const relation of preExisting.values()) {
    if (relation.file === 0) continue;
    const was = before.files.get(relation.oid);
    const now = after.files.get(relation.oid);
    if (was !== undefined && now === undefined) vanished.push({ ...relation, file: was });
    else if (was !== undefined && now !== was) rewrites.push(rewriteOf(relation));
  }
  return { locks, rewrites, dropped, scans, vanished };
}

function rewriteOf(relation: Relation): RewriteRecord {
  return { relation: relation.name, kind: relation.kind, ...(relation.table ? { table: relation.table } : {}) };
}

/**
 * ALTER COLUMN … TYPE drops the indexes on the column and creates them again (new OIDs): when the new
 * one kept the old data file the index was not rebuilt; with a new file it was. Gone by name: dropped.
 */
export async function settleVanished(db: Database, effects: StatementEffects & { vanished: Vanished }, preExisting: RelationMap): Promise<StatementEffects> {
  const { vanished, ...rest } = effects;
  if (vanished.length === 0) return rest;
  const rows = await db.query<{ oid: string; name: string; file: string }>(
    `select c.oid::text as oid, n.nspname || '.' || c.relname as name, c.relfilenode::text as file
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname || '.' || c.relname = any($1::text[])`,
    [vanished.map((r) => r.name)],
  );
  const now = new Map(rows.map((r) => [r.name, { oid: Number(r.oid), file: Number(r.file) }]));
  for (const relation of vanished) {
    const found = now.get(relation.name);
    // Another relation that existed took the name (ADD CONSTRAINT … USING INDEX renames its index).
    if (found === undefined || (found.oid !== relation.oid && preExisting.has(found.oid))) {
      rest.dropped.push(relation.name);
      continue;
    }
    if (found.file !== relation.file) rest.rewrites.push(rewriteOf(relation));
    // The same relation for what follows: later statements of the migration are traced on it too.
    preExisting.delete(relation.oid);
    preExisting.set(found.oid, { ...relation, oid: found.oid, file: found.file });
  }
  return rest;
}

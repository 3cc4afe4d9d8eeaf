// Object identity in the replay. Every table, column, view, index, sequence and type gets a stable id
// when it is created; a rename or a move changes the name bound to the id, never the id. So "was
// this created by the current migration?" and "what was its type before?" follow the object, not
// its name: a column renamed and then dropped is the column that held data, and in the swap
// `DROP TABLE t; ALTER TABLE t_new RENAME TO t;` the `t` being dropped is the old one.
//
// The catalog keeps one value per migration, not per statement, so each migration also keeps its
// log of name bindings in statement order (create binds, drop unbinds, rename does both). What a
// name means just before a statement is the last binding of that name before it in the log, or the
// catalog before the migration when the migration has not touched the name yet. Logs are small
// (one entry per created, dropped or renamed object) and a lookup walks only its own migration's.

import type { ColumnInfo, IdentifiedKind, MigrationPart } from '@migralint/core';

/** Where a statement is: a file and an offset in it. */
export interface Place {
  file: string;
  offset: number;
}

interface PartSpan {
  file: string;
  start: number;
  end: number;
  /** Index of the part's first binding in the migration's log. */
  first: number;
}

/**
 * A migration's bindings, in statement order, as two parallel arrays (no object per binding: a
 * big migration makes hundreds of thousands): the offset of the statement that made each, and
 * the id its name is bound to from there on (undefined: nothing has the name any more).
 */
interface MigrationLog {
  offsets: number[];
  ids: Array<number | undefined>;
  parts: PartSpan[];
  /** The name each pre-existing object had when the migration started (set on its first unbinding). */
  nameBefore: Map<number, string>;
  /**
   * Ids made before this migration that one of its bindings names. With the ids the migration
   * made (all bound when made), these are the ids whose name is not the one they had before it.
   */
  rebound: Set<number>;
  /**
   * Positions of each name's bindings by space (`NameSpace`), ascending: a lookup is a binary
   * search. A name bound once (most are) holds its position alone, without an array.
   */
  byKey: Map<NameSpace, Map<string, number | number[]>>;
}

/**
 * Where a name is bound: tables, views, indexes, sequences and types by kind, under their catalog
 * key (`keyOf`; per kind: asking about a table never answers with the view of that name); columns
 * by their table's id, so a table rename does not disturb them. Two parts rather than one string
 * made per binding: the parts are strings the catalog and the statements hold already.
 */
export type NameSpace = IdentifiedKind | number;

/** What a name refers to at a place. */
export type Resolution =
  /** The migration bound the name before the place: to this id, or to nothing (dropped). */
  | { bound: true; id: number | undefined }
  /** The migration had not touched the name yet: ask the catalog as it was before the migration. */
  | { bound: false };

export class Identities {
  private nextId = 1;
  /** The first id this numbering made (ids are dense from there: `origins` is an array). */
  private firstId = 1;
  /** By `id - firstId`: the migration that created the id, -1 for objects there before the history (external). */
  private readonly origins: number[] = [];
  private readonly logs = new Map<number, MigrationLog>();
  /** Where bindings are recorded: the replayer's current statement (its offset in the part's file). */
  private migration = -1;
  private offset = 0;

  /** Go on numbering after `other` (a replay seeded with another replay's objects). */
  continueAfter(other: Identities): void {
    if (this.nextId !== this.firstId) throw new Error('continueAfter: ids were made already');
    this.nextId = this.firstId = other.nextId;
  }

  /** A new identity, created by the current migration (or before the history when `external`). */
  newId(external = false): number {
    const id = this.nextId++;
    this.origins.push(!external && this.migration >= 0 ? this.migration : -1);
    return id;
  }

  /** The migration that created the object, undefined when it was there before the history. */
  originOf(id: number): number | undefined {
    const origin = this.origins[id - this.firstId];
    return origin === undefined || origin === -1 ? undefined : origin;
  }

  /** Bindings from now on belong to this part of this migration (up parts, in the order they run). */
  startPart(migration: number, part: MigrationPart): void {
    this.migration = migration;
    const log = this.logOf(migration);
    log.parts.push({ file: part.file, start: part.range.start, end: part.range.end, first: log.ids.length });
  }

  /** Bindings from now on are made by this statement. */
  at(migration: number, offset: number): void {
    this.migration = migration;
    this.offset = offset;
  }

  /**
   * `name` in `space` names `id` from the current statement on (undefined: nothing). `previous` is
   * the id it named until now, so a pre-existing object's name before the migration (`name`) is
   * known even after renames.
   */
  bind(space: NameSpace, name: string, id: number | undefined, previous: number | undefined): void {
    if (this.migration < 0 || id === previous) return;
    const log = this.logOf(this.migration);
    if (previous !== undefined && !this.boundIn(log, previous) && !log.nameBefore.has(previous)) log.nameBefore.set(previous, name);
    const position = log.ids.length;
    let names = log.byKey.get(space);
    if (names === undefined) log.byKey.set(space, (names = new Map()));
    const positions = names.get(name);
    if (positions === undefined) names.set(name, position);
    else if (typeof positions === 'number') names.set(name, [positions, position]);
    else positions.push(position);
    log.offsets.push(this.offset);
    log.ids.push(id);
    if (id !== undefined && this.originOf(id) !== this.migration) log.rebound.add(id);
  }

  /** Has the log's migration (the current one) bound `id` before? */
  private boundIn(log: MigrationLog, id: number): boolean {
    return this.originOf(id) === this.migration || log.rebound.has(id);
  }

  /** What `name` in `space` names just before `place` in `migration` (a place outside its up parts: after them all). */
  resolve(migration: number, place: Place | undefined, space: NameSpace, name: string): Resolution {
    const log = this.logs.get(migration);
    if (!log) return { bound: false };
    const positions = log.byKey.get(space)?.get(name);
    if (positions === undefined) return { bound: false };
    const end = place ? this.cutoff(log, place) : log.ids.length;
    if (typeof positions === 'number') return positions < end ? { bound: true, id: log.ids[positions] } : { bound: false };
    const last = lastBelow(positions.length, (i) => positions[i]! < end);
    return last === -1 ? { bound: false } : { bound: true, id: log.ids[positions[last]!] };
  }

  /** The name a pre-existing object had when `migration` started, if the migration renamed or dropped it. */
  nameBefore(migration: number, id: number): string | undefined {
    return this.logs.get(migration)?.nameBefore.get(id);
  }

  /**
   * Column bindings of one statement on one table: `before` is the columns when the statement first
   * touched the table, `after` its columns now. New columns get their ids here.
   */
  bindColumns(tableId: number, before: ReadonlyMap<string, number | undefined>, after: readonly ColumnInfo[]): void {
    // In place: a column without an id was made by this statement (no snapshot has seen it).
    for (const column of after) column.id ??= this.newId();
    if (this.bindAppended(tableId, before, after)) return;
    const now = new Map<string, number>();
    for (const column of after) now.set(column.name, column.id!);
    for (const [name, id] of before) if (now.get(name) !== id) this.bind(tableId, name, now.get(name), id);
    for (const [name, id] of now) if (!before.has(name)) this.bind(tableId, name, id, undefined);
  }

  /**
   * The common statement (CREATE TABLE, ADD COLUMN, a change that keeps the names): the columns
   * before are still the first ones, same names and ids, and any after them have new names. Binds
   * those without the maps of the general case; false (nothing bound) when the statement did more.
   */
  private bindAppended(tableId: number, before: ReadonlyMap<string, number | undefined>, after: readonly ColumnInfo[]): boolean {
    let kept = 0;
    for (const [name, id] of before) {
      const column = after[kept];
      if (column === undefined || column.name !== name || column.id !== id) return false;
      kept++;
    }
    // A name given twice (only a broken CREATE TABLE does it): the general case says which id wins.
    const added = after.length - kept;
    if (added > 8) return false;
    for (let i = kept; i < after.length; i++) {
      const name = after[i]!.name;
      if (before.has(name)) return false;
      for (let j = kept; j < i; j++) if (after[j]!.name === name) return false;
    }
    for (let i = kept; i < after.length; i++) this.bind(tableId, after[i]!.name, after[i]!.id, undefined);
    return true;
  }

  /** How many of the log's bindings come before `place`. */
  private cutoff(log: MigrationLog, place: Place): number {
    const at = log.parts.findIndex((p) => p.file === place.file && p.start <= place.offset && place.offset < Math.max(p.end, p.start + 1));
    if (at === -1) return log.ids.length;
    const span = log.parts[at]!;
    const next = log.parts[at + 1]?.first ?? log.ids.length;
    // Bindings of a part are in statement order.
    return span.first + 1 + lastBelow(next - span.first, (i) => log.offsets[span.first + i]! < place.offset);
  }

  private logOf(migration: number): MigrationLog {
    let log = this.logs.get(migration);
    if (!log) this.logs.set(migration, (log = { offsets: [], ids: [], parts: [], nameBefore: new Map(), rebound: new Set(), byKey: new Map() }));
    return log;
  }
}

/** The last index in [0, length) where `below` holds (it holds on a prefix), or -1. */
function lastBelow(length: number, below: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

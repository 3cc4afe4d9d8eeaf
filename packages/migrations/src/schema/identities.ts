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

import type { ColumnInfo, IdentifiedKind, MigrationPart, QualifiedName } from '@migralint/core';

/** Where a statement is: a file and an offset in it. */
export interface Place {
  file: string;
  offset: number;
}

interface Binding {
  file: string;
  offset: number;
  key: string;
  /** The id the name is bound to from this statement on; undefined: nothing has the name any more. */
  id: number | undefined;
}

interface PartSpan {
  file: string;
  start: number;
  end: number;
  /** Index of the part's first binding in the migration's log. */
  first: number;
}

interface MigrationLog {
  bindings: Binding[];
  parts: PartSpan[];
  /** The name each pre-existing object had when the migration started (set on its first unbinding). */
  nameBefore: Map<number, string>;
  /** Ids some binding of this migration names: not pre-existing names. */
  boundIds: Set<number>;
  /** Positions in `bindings` of each key's bindings, ascending: a lookup is a binary search. */
  byKey: Map<string, number[]>;
}

/**
 * Bindings of tables, views, indexes, sequences and types, by kind and qualified name. Per kind:
 * asking about a table never answers with the view of that name.
 */
export function objectKey(kind: IdentifiedKind, name: QualifiedName): string {
  return `${kind}\0${name.schema}\0${name.name}`;
}

/** Bindings of a table's columns: by the table's id, so a table rename does not disturb them. */
export function columnKey(tableId: number, column: string): string {
  return `col\0${tableId}\0${column}`;
}

/** What a name refers to at a place. */
export type Resolution =
  /** The migration bound the name before the place: to this id, or to nothing (dropped). */
  | { bound: true; id: number | undefined }
  /** The migration had not touched the name yet: ask the catalog as it was before the migration. */
  | { bound: false };

export class Identities {
  private nextId = 1;
  /** The migration that created each id; absent for objects there before the history (external). */
  private readonly origins = new Map<number, number>();
  private readonly logs = new Map<number, MigrationLog>();
  /** The place bindings are recorded at (the replayer's current statement). */
  private migration = -1;
  private place: Place = { file: '', offset: 0 };

  /** Go on numbering after `other` (a replay seeded with another replay's objects). */
  continueAfter(other: Identities): void {
    this.nextId = other.nextId;
  }

  /** A new identity, created by the current migration (or before the history when `external`). */
  newId(external = false): number {
    const id = this.nextId++;
    if (!external && this.migration >= 0) this.origins.set(id, this.migration);
    return id;
  }

  /** The migration that created the object, undefined when it was there before the history. */
  originOf(id: number): number | undefined {
    return this.origins.get(id);
  }

  /** Bindings from now on belong to this part of this migration (up parts, in the order they run). */
  startPart(migration: number, part: MigrationPart): void {
    this.migration = migration;
    const log = this.logOf(migration);
    log.parts.push({ file: part.file, start: part.range.start, end: part.range.end, first: log.bindings.length });
  }

  /** Bindings from now on are made by this statement. */
  at(migration: number, place: Place): void {
    this.migration = migration;
    this.place = place;
  }

  /**
   * `key` names `id` from the current statement on (undefined: nothing). `previous` is the id it
   * named until now, with the name it stands for in `displayKey` form, so a pre-existing object's
   * name before the migration is known even after renames.
   */
  bind(key: string, id: number | undefined, previous: number | undefined, previousName: string): void {
    if (this.migration < 0 || id === previous) return;
    const log = this.logOf(this.migration);
    if (previous !== undefined && !log.nameBefore.has(previous) && !log.boundIds.has(previous)) log.nameBefore.set(previous, previousName);
    const positions = log.byKey.get(key);
    if (positions) positions.push(log.bindings.length);
    else log.byKey.set(key, [log.bindings.length]);
    log.bindings.push({ file: this.place.file, offset: this.place.offset, key, id });
    if (id !== undefined) log.boundIds.add(id);
  }

  /** What `key` names just before `place` in `migration` (a place outside its up parts: after them all). */
  resolve(migration: number, place: Place | undefined, key: string): Resolution {
    const log = this.logs.get(migration);
    if (!log) return { bound: false };
    const positions = log.byKey.get(key);
    if (!positions) return { bound: false };
    const end = place ? this.cutoff(log, place) : log.bindings.length;
    const last = lastBelow(positions.length, (i) => positions[i]! < end);
    return last === -1 ? { bound: false } : { bound: true, id: log.bindings[positions[last]!]!.id };
  }

  /** The name a pre-existing object had when `migration` started, if the migration renamed or dropped it. */
  nameBefore(migration: number, id: number): string | undefined {
    return this.logs.get(migration)?.nameBefore.get(id);
  }

  /**
   * Column bindings of one statement on one table: `before` is the columns when the statement first
   * touched the table, `after` its columns now. New columns get their ids here.
   */
  bindColumns(tableId: number, before: ReadonlyMap<string, number | undefined>, after: ColumnInfo[]): void {
    const now = new Map<string, number>();
    for (let i = 0; i < after.length; i++) {
      let column = after[i]!;
      if (column.id === undefined) after[i] = column = { ...column, id: this.newId() };
      now.set(column.name, column.id!);
    }
    for (const [name, id] of before) if (now.get(name) !== id) this.bind(columnKey(tableId, name), now.get(name), id, name);
    for (const [name, id] of now) if (!before.has(name)) this.bind(columnKey(tableId, name), id, undefined, name);
  }

  /** How many of the log's bindings come before `place`. */
  private cutoff(log: MigrationLog, place: Place): number {
    const at = log.parts.findIndex((p) => p.file === place.file && p.start <= place.offset && place.offset < Math.max(p.end, p.start + 1));
    if (at === -1) return log.bindings.length;
    const span = log.parts[at]!;
    const next = log.parts[at + 1]?.first ?? log.bindings.length;
    // Bindings of a part are in statement order.
    return span.first + 1 + lastBelow(next - span.first, (i) => log.bindings[span.first + i]!.offset < place.offset);
  }

  private logOf(migration: number): MigrationLog {
    let log = this.logs.get(migration);
    if (!log) this.logs.set(migration, (log = { bindings: [], parts: [], nameBefore: new Map(), boundIds: new Set(), byKey: new Map() }));
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

// The in-memory catalog the replay mutates, and the snapshots of it after every migration.
//
// Each object kind lives in a VersionedMap: per object, the values it had and the state from
// which each held (state n = after n migrations). A change appends a version (or replaces the one
// the current migration already made), so a snapshot is just a state number: nothing is copied per
// migration, unchanged objects are shared by every snapshot that saw them, and a changed table is
// a new object (copied once per migration, then edited in place until the migration ends).

import type { ColumnInfo, ConstraintInfo, FunctionInfo, IdentifiedKind, IndexInfo, PolicyInfo, QualifiedName, TableInfo, TypeInfo, ViewInfo } from '@migralint/core';
import { Identities } from './identities.js';
import { keyOf } from './names.js';
import { OwnerIndex } from './owner-index.js';
import { foreignKeyTargets, ReferenceIndex, viewReads } from './reference-index.js';

export interface SequenceInfo {
  name: QualifiedName;
  /** Stable identity (identities.ts). */
  id?: number;
  ownedBy?: { table: QualifiedName; column: string };
}

export interface SchemaInfo {
  name: string;
  /** Migration index that created it; undefined for `public` and external schemas. */
  createdIn?: number;
  /** Declared in settings.externalObjects. */
  declared?: boolean;
  /** Only seen used by the history, never created: an external stub. */
  external?: boolean;
  owner?: string;
}

export interface ExtensionInfo {
  name: string;
  schema?: string;
}

/**
 * An object's versions, flat: `[state0, value0, state1, value1, …]`, states ascending; a value of
 * `undefined` means the object did not exist from that state on. One array per object ever seen.
 */
type Versions<V> = Array<number | V | undefined>;

/**
 * An index kept beside a VersionedMap's current values (a MapIndex), told of every change.
 * Methods, so that a map of indexes is still a map of named objects to the type checker.
 */
interface MapObserver<V> {
  attach(current: ReadonlyMap<string, V>): void;
  change(key: string, before: V | undefined, after: V | undefined): void;
}

/**
 * A map whose every change is kept by state. `get`/`has`/`values` answer for the current state
 * (what the replay is building); `getAt`/`valuesAt` for a frozen one.
 */
export class VersionedMap<V> {
  private readonly history = new Map<string, Versions<V>>();
  /** The current values (the last version of each live key), for fast reads while replaying. */
  private readonly current = new Map<string, V>();
  /**
   * A map seeded from another (`seedFrom`): what the other held at that state is this map's state
   * 0, read through from it rather than copied version by version. A key this map changes gets a
   * history of its own; until then its only version is the base's.
   */
  private base?: { map: VersionedMap<V>; state: number };

  /**
   * `clock` numbers the states. `identities`, for maps of named objects, hears every change of the
   * id a key names, in `space` (the kind of object). `observer` hears every change of the current
   * values (an OwnerIndex groups objects by the table they belong to: `ownedBy`).
   */
  constructor(
    private readonly clock: { state: number },
    private readonly identities?: Identities,
    private readonly space?: IdentifiedKind,
    private readonly observer?: MapObserver<V>,
  ) {
    observer?.attach(this.current);
  }

  get size(): number {
    return this.current.size;
  }

  get(key: string): V | undefined {
    return this.current.get(key);
  }

  has(key: string): boolean {
    return this.current.has(key);
  }

  /**
   * Start from what `base` held at `state` (as this map's state 0), sharing its values: for a
   * replay seeded with another replay's catalog (replay-down.ts). Only on an empty map.
   */
  seedFrom(base: VersionedMap<V>, state: number): void {
    if (this.history.size > 0 || this.current.size > 0) throw new Error('seedFrom: the map is not empty');
    this.base = { map: base, state };
    for (const key of base.history.keys()) {
      const value = base.getAt(key, state);
      if (value === undefined) continue;
      this.current.set(key, value);
      this.observer?.change(key, undefined, value);
    }
  }

  /** The current values that belong to `owner` (a map observed by an OwnerIndex), in the map's order. */
  ownedBy(owner: QualifiedName): V[] {
    if (!(this.observer instanceof OwnerIndex)) throw new Error('ownedBy: the map has no owner index');
    return (this.observer as OwnerIndex<V>).valuesOf(owner);
  }

  /** The base's value of a key this map has not changed (undefined: none, or not seeded). */
  private seeded(key: string): V | undefined {
    return this.base ? this.base.map.getAt(key, this.base.state) : undefined;
  }

  set(key: string, value: V | undefined): void {
    const state = this.clock.state;
    const v = this.history.get(key);
    if (!v && value === undefined && this.seeded(key) === undefined) return;
    if (this.identities || this.observer) {
      const before = this.current.get(key);
      this.identities?.bind(this.space!, key, (value as { id?: number } | undefined)?.id, (before as { id?: number } | undefined)?.id);
      this.observer?.change(key, before, value);
    }
    if (value === undefined) this.current.delete(key);
    else this.current.set(key, value);
    // A literal of two: `push` onto an empty array reserves room for ~17 (most objects never change).
    if (!v) this.history.set(key, [state, value]);
    else if (v[v.length - 2] === state) v[v.length - 1] = value;
    else v.push(state, value);
  }

  /**
   * Record `value` as held since state 0: an external object found in use, which existed before
   * the history began. Only for a key with no history at all (false otherwise, nothing changed).
   */
  setFromStart(key: string, value: V): boolean {
    if (this.history.has(key) || this.seeded(key) !== undefined) return false;
    this.history.set(key, [0, value]);
    this.current.set(key, value);
    this.observer?.change(key, undefined, value);
    return true;
  }

  delete(key: string): boolean {
    if (!this.current.has(key)) return false;
    this.set(key, undefined);
    return true;
  }

  /** Was the current value set during the current state (so the replay may edit it in place)? */
  changedNow(key: string): boolean {
    const v = this.history.get(key);
    return v !== undefined && v[v.length - 2] === this.clock.state;
  }

  entries(): IterableIterator<[string, V]> {
    return this.current.entries();
  }

  keys(): IterableIterator<string> {
    return this.current.keys();
  }

  values(): IterableIterator<V> {
    return this.current.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.current.entries();
  }

  /** Does any key this map ever held (at any state, its base's included) satisfy `test`? */
  anyKeyEver(test: (key: string) => boolean): boolean {
    for (const key of this.history.keys()) if (test(key)) return true;
    return this.base ? this.base.map.anyKeyEver(test) : false;
  }

  getAt(key: string, state: number): V | undefined {
    const v = this.history.get(key);
    if (!v) return this.seeded(key);
    // The last version from a state at or before `state` (most objects have one or two versions).
    for (let i = v.length - 2; i >= 0; i -= 2) if ((v[i] as number) <= state) return v[i + 1] as V | undefined;
    return this.seeded(key);
  }

  /**
   * The live entries at `state`, in the order keys were first seen. With `changedIn`, only keys
   * with a version from a state in (from, to]: every other key has the same value at both ends.
   */
  entriesAt(state: number, changedIn?: { from: number; to: number }): Array<[string, V]> {
    const out: Array<[string, V]> = [];
    // A seeded map lists the base's keys first, in the base's order, as a copy of it would.
    if (this.base) {
      for (const key of this.base.map.history.keys()) {
        if (this.seeded(key) === undefined) continue;
        const v = this.history.get(key);
        if (changedIn && (!v || !changedBetween(v, changedIn.from, changedIn.to))) continue;
        const value = this.getAt(key, state);
        if (value !== undefined) out.push([key, value]);
      }
    }
    for (const [key, v] of this.history) {
      if (this.base && this.seeded(key) !== undefined) continue; // listed above
      if (changedIn && !changedBetween(v, changedIn.from, changedIn.to)) continue;
      const value = this.getAt(key, state);
      if (value !== undefined) out.push([key, value]);
    }
    return out;
  }
}

/** Does the object have a version from a state in (from, to]? (States ascend, most objects have one or two.) */
function changedBetween<V>(v: Versions<V>, from: number, to: number): boolean {
  for (let i = v.length - 2; i >= 0; i -= 2) {
    const state = v[i] as number;
    if (state <= from) return false;
    if (state <= to) return true;
  }
  return false;
}

export interface CatalogMaps {
  readonly schemas: VersionedMap<SchemaInfo>;
  readonly tables: VersionedMap<TableInfo>;
  readonly indexes: VersionedMap<IndexInfo>;
  readonly views: VersionedMap<ViewInfo>;
  /** Overloads by `keyOf(name)`. */
  readonly functions: VersionedMap<readonly FunctionInfo[]>;
  readonly types: VersionedMap<TypeInfo>;
  readonly sequences: VersionedMap<SequenceInfo>;
  /** By extension name. */
  readonly extensions: VersionedMap<ExtensionInfo>;
}

type Kind = keyof CatalogMaps;
type ValueOf<K extends Kind> = CatalogMaps[K] extends VersionedMap<infer V> ? V : never;
type NamedKind = 'indexes' | 'views' | 'types' | 'sequences';

/** A table as the replay edits it: arrays it may change in place (it owns this copy). */
export interface TableDraft extends TableInfo {
  columns: ColumnInfo[];
  constraints: ConstraintInfo[];
  policies: PolicyInfo[];
}

/**
 * Columns an index depends on beyond its key columns (expression, WHERE and INCLUDE columns), so
 * DROP COLUMN removes it. Kept beside the plain IndexInfo rather than on it: rules see the contract.
 */
export const indexDependencies = new WeakMap<IndexInfo, readonly string[]>();

/**
 * A copy of `table` with arrays of its own, and `id`. Written out rather than spread: V8 gives
 * every `{ ...table, id }` a hidden class of its own (hundreds of bytes per table for the whole
 * run). Keys in the order the replay's tables always have.
 */
function tableDraft(table: TableInfo, id: number | undefined): TableDraft {
  const draft: TableDraft = {
    name: table.name,
    columns: [...table.columns],
    constraints: [...table.constraints],
    rlsEnabled: table.rlsEnabled,
    rlsForced: table.rlsForced,
    policies: [...table.policies],
    kind: table.kind,
  };
  if ('createdIn' in table) draft.createdIn = table.createdIn;
  if (id !== undefined) draft.id = id;
  return draft;
}

/** Tables the current statement changed: each table's columns (name → id) when it first touched it. */
interface Touched {
  table: TableDraft;
  columnsBefore: Map<string, number | undefined>;
  constraintsBefore: number;
}

export class Catalog {
  /** The state the replay is writing: state n is the catalog after n migrations. */
  private readonly clock = { state: 0 };
  readonly identities = new Identities();
  /** Tables by the tables their foreign keys name; views by the relations they read. */
  private readonly foreignKeys = new ReferenceIndex(foreignKeyTargets);
  private readonly viewReaders = new ReferenceIndex(viewReads);
  readonly maps: CatalogMaps = {
    schemas: new VersionedMap(this.clock),
    tables: new VersionedMap(this.clock, this.identities, 'table', this.foreignKeys),
    indexes: new VersionedMap(this.clock, this.identities, 'index', new OwnerIndex((index: IndexInfo) => index.table)),
    views: new VersionedMap(this.clock, this.identities, 'view', this.viewReaders),
    functions: new VersionedMap(this.clock),
    types: new VersionedMap(this.clock, this.identities, 'type'),
    sequences: new VersionedMap(this.clock, this.identities, 'sequence', new OwnerIndex((sequence: SequenceInfo) => sequence.ownedBy?.table)),
    extensions: new VersionedMap(this.clock),
  };
  /** By table id. Flushed into column bindings when the statement ends. */
  private readonly touched = new Map<number, Touched>();

  read<K extends Kind>(kind: K): CatalogMaps[K] {
    return this.maps[kind];
  }

  /** Same map as `read`: writes are recorded under the current state. */
  write<K extends Kind>(kind: K): CatalogMaps[K] {
    return this.maps[kind];
  }

  /** Close the current state (its number is returned) and start the next one. */
  freeze(): number {
    this.endStatement();
    return this.clock.state++;
  }

  /** The statement that changed tables is over: record how their column names moved between ids. */
  endStatement(): void {
    if (this.touched.size === 0) return;
    for (const [id, { table, columnsBefore, constraintsBefore }] of this.touched) {
      this.identities.bindColumns(id, columnsBefore, table.columns);
      // The statement may have changed the draft's foreign keys in place, after the map saw it.
      if (this.foreignKeys.active) {
        const key = keyOf(table.name);
        this.foreignKeys.change(key, undefined, this.maps.tables.get(key));
      }
      // An array pushed onto reserves room for more (~17 entries from empty); the table keeps
      // its arrays for the whole run, so they are cut to size once the statement is done.
      if (table.columns.length !== columnsBefore.size) table.columns = table.columns.slice();
      if (table.constraints.length !== constraintsBefore) table.constraints = table.constraints.slice();
    }
    this.touched.clear();
  }

  /** The current statement changes this table: remember its columns as they were, once. */
  private touch(table: TableDraft): TableDraft {
    const id = table.id!;
    const seen = this.touched.get(id);
    if (seen) seen.table = table;
    else {
      const columnsBefore = new Map<string, number | undefined>();
      for (const c of table.columns) columnsBefore.set(c.name, c.id);
      this.touched.set(id, { table, columnsBefore, constraintsBefore: table.constraints.length });
    }
    return table;
  }

  // --- tables ---------------------------------------------------------------------------------

  table(name: QualifiedName): TableInfo | undefined {
    return this.maps.tables.get(keyOf(name));
  }

  /** A copy of the table this migration may edit in place (the same copy on every later call). */
  draft(name: QualifiedName): TableDraft | undefined {
    const key = keyOf(name);
    const current = this.maps.tables.get(key);
    if (!current) return undefined;
    if (this.maps.tables.changedNow(key)) return this.touch(current as TableDraft);
    const copy = tableDraft(current, current.id);
    this.maps.tables.set(key, copy);
    return this.touch(copy);
  }

  /** Create (a new id) or move (the table's id) a table; the new name is bound to its id. */
  putTable(table: TableInfo): TableDraft {
    const draft = tableDraft(table, table.id ?? this.identities.newId());
    this.maps.tables.set(keyOf(table.name), draft);
    return this.touch(draft);
  }

  /**
   * An external table found in use: a stub that existed from before the history (`before(0)` on),
   * returned as a draft of the current migration. Undefined if the name has a history already.
   */
  putExternalTable(table: TableInfo): TableDraft | undefined {
    if (!this.maps.tables.setFromStart(keyOf(table.name), { ...table, id: table.id ?? this.identities.newId(true) })) return undefined;
    return this.draft(table.name);
  }

  deleteTable(name: QualifiedName): void {
    this.maps.tables.delete(keyOf(name));
  }

  // --- everything else --------------------------------------------------------------------------

  /** Create (a new id) or move (its id) an index, view, type or sequence. */
  put<K extends NamedKind>(kind: K, value: ValueOf<K>): void {
    // In place: the value is fresh, and side tables (indexDependencies) are keyed by the object.
    (value as { id?: number }).id ??= this.identities.newId();
    (this.maps[kind] as VersionedMap<ValueOf<K>>).set(keyOf((value as { name: QualifiedName }).name), value);
  }

  get<K extends NamedKind>(kind: K, name: QualifiedName): ValueOf<K> | undefined {
    return (this.maps[kind] as VersionedMap<ValueOf<K>>).get(keyOf(name));
  }

  remove(kind: Exclude<Kind, 'schemas' | 'extensions'>, name: QualifiedName): boolean {
    return this.maps[kind].delete(keyOf(name));
  }

  overloads(name: QualifiedName): readonly FunctionInfo[] {
    return this.maps.functions.get(keyOf(name)) ?? [];
  }

  setOverloads(name: QualifiedName, overloads: readonly FunctionInfo[]): void {
    this.maps.functions.set(keyOf(name), overloads.length === 0 ? undefined : overloads);
  }

  /**
   * The tables that may have a foreign key to `target`: every one that has one, perhaps some that
   * no longer do (callers check the constraints). In no particular order.
   */
  tablesReferencing(target: QualifiedName): TableInfo[] {
    const keys = new Set(this.foreignKeys.referrersOf(target));
    // Tables this statement changed may have gained one in place since the index saw them.
    for (const { table } of this.touched.values()) keys.add(keyOf(table.name));
    const out: TableInfo[] = [];
    for (const key of keys) {
      const table = this.maps.tables.get(key);
      if (table) out.push(table);
    }
    return out;
  }

  /** The views that read `target`. In no particular order. */
  viewsReading(target: QualifiedName): ViewInfo[] {
    const out: ViewInfo[] = [];
    for (const key of this.viewReaders.referrersOf(target)) {
      const view = this.maps.views.get(key);
      if (view) out.push(view);
    }
    return out;
  }

  /** Is any relation (table, view, index, sequence) called `name`? Postgres keeps them in one namespace. */
  relationExists(name: QualifiedName): boolean {
    const key = keyOf(name);
    const m = this.maps;
    return m.tables.has(key) || m.views.has(key) || m.indexes.has(key) || m.sequences.has(key);
  }
}

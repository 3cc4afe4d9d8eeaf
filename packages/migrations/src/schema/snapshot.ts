// SchemaSnapshot: the catalog as it was at one state (state n = after n migrations). Lookups read
// the versioned maps at that state; lists (`tables()`, `indexes(table)`, …) are built on first use
// and cached, since a snapshot never changes and most snapshots are never listed at all.

import type { FunctionInfo, IndexInfo, QualifiedName, SchemaSnapshot, TableInfo, TypeInfo, ViewInfo } from '@migralint/core';
import type { CatalogMaps, SequenceInfo } from './catalog.js';
import type { ExternalRegistry } from './external-objects.js';
import { keyOf } from './names.js';

export class Snapshot implements SchemaSnapshot {
  private tableList?: TableInfo[];
  private viewList?: ViewInfo[];
  private typeList?: TypeInfo[];
  private functionList?: FunctionInfo[];
  private indexesByTable?: Map<string, IndexInfo[]>;
  private indexList?: IndexInfo[];
  private schemaList?: string[];
  private extensionList?: string[];

  /**
   * Every sequence, for snapshots made with `listsSequences` (replay-down's): diffSnapshots compares
   * sequences only when both sides list them, and the model's snapshots do not.
   */
  readonly sequences?: () => SequenceInfo[];
  private sequenceList?: SequenceInfo[];

  constructor(
    private readonly maps: CatalogMaps,
    private readonly state: number,
    private readonly externals: ExternalRegistry,
    private readonly options: {
      listsSequences?: boolean;
      /** Lists name only the objects changed between these states (narrowToChanges). */
      changedIn?: { from: number; to: number };
    } = {},
  ) {
    if (options.listsSequences) this.sequences = () => (this.sequenceList ??= this.maps.sequences.entriesAt(this.state, this.options.changedIn).map(([, s]) => s));
  }

  /**
   * For two snapshots of one catalog, the same two whose lists name only the objects that changed
   * between their states: every other object is the same value in both, so comparing the narrowed
   * pair finds what comparing the whole pair finds (diffSnapshots, once per migration with a down,
   * then costs what the migration changed, not the size of the schema). Undefined for other pairs,
   * and for objects derived from a snapshot (they may answer differently).
   */
  static narrowToChanges(before: SchemaSnapshot, after: SchemaSnapshot): [SchemaSnapshot, SchemaSnapshot] | undefined {
    const plain = (s: SchemaSnapshot): s is Snapshot => Object.getPrototypeOf(s) === Snapshot.prototype && !(s as Snapshot).options.changedIn && ((s as Snapshot).sequences === undefined) === !(s as Snapshot).options.listsSequences;
    if (!plain(before) || !plain(after) || before.maps !== after.maps) return undefined;
    const changedIn = { from: Math.min(before.state, after.state), to: Math.max(before.state, after.state) };
    const narrow = (s: Snapshot) => new Snapshot(s.maps, s.state, s.externals, { listsSequences: s.options.listsSequences, changedIn });
    return [narrow(before), narrow(after)];
  }

  table(name: QualifiedName): TableInfo | undefined {
    return this.maps.tables.getAt(keyOf(name), this.state);
  }

  tables(): TableInfo[] {
    return (this.tableList ??= this.maps.tables.entriesAt(this.state, this.options.changedIn).map(([, t]) => t));
  }

  index(name: QualifiedName): IndexInfo | undefined {
    return this.maps.indexes.getAt(keyOf(name), this.state);
  }

  indexes(table?: QualifiedName): IndexInfo[] {
    this.indexList ??= this.maps.indexes.entriesAt(this.state, this.options.changedIn).map(([, i]) => i);
    if (!table) return this.indexList;
    if (!this.indexesByTable) {
      this.indexesByTable = new Map();
      for (const index of this.indexList) {
        const key = keyOf(index.table);
        const list = this.indexesByTable.get(key);
        if (list) list.push(index);
        else this.indexesByTable.set(key, [index]);
      }
    }
    return this.indexesByTable.get(keyOf(table)) ?? [];
  }

  view(name: QualifiedName): ViewInfo | undefined {
    return this.maps.views.getAt(keyOf(name), this.state);
  }

  views(): ViewInfo[] {
    return (this.viewList ??= this.maps.views.entriesAt(this.state, this.options.changedIn).map(([, v]) => v));
  }

  functions(name?: QualifiedName): FunctionInfo[] {
    if (name) return [...(this.maps.functions.getAt(keyOf(name), this.state) ?? [])];
    return (this.functionList ??= this.maps.functions.entriesAt(this.state, this.options.changedIn).flatMap(([, f]) => f));
  }

  type(name: QualifiedName): TypeInfo | undefined {
    return this.maps.types.getAt(keyOf(name), this.state);
  }

  types(): TypeInfo[] {
    return (this.typeList ??= this.maps.types.entriesAt(this.state, this.options.changedIn).map(([, t]) => t));
  }

  sequence(name: QualifiedName): SequenceInfo | undefined {
    return this.maps.sequences.getAt(keyOf(name), this.state);
  }

  extensions(): string[] {
    return (this.extensionList ??= this.maps.extensions.entriesAt(this.state, this.options.changedIn).map(([name]) => name));
  }

  schemas(): string[] {
    return (this.schemaList ??= this.maps.schemas.entriesAt(this.state, this.options.changedIn).map(([name]) => name));
  }

  isExternal(kind: 'table' | 'view' | 'function' | 'type' | 'schema', name: QualifiedName): boolean {
    return this.externals.isExternal(kind, name);
  }
}

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

  constructor(
    private readonly maps: CatalogMaps,
    private readonly state: number,
    private readonly externals: ExternalRegistry,
  ) {}

  table(name: QualifiedName): TableInfo | undefined {
    return this.maps.tables.getAt(keyOf(name), this.state);
  }

  tables(): TableInfo[] {
    return (this.tableList ??= this.maps.tables.entriesAt(this.state).map(([, t]) => t));
  }

  index(name: QualifiedName): IndexInfo | undefined {
    return this.maps.indexes.getAt(keyOf(name), this.state);
  }

  indexes(table?: QualifiedName): IndexInfo[] {
    this.indexList ??= this.maps.indexes.entriesAt(this.state).map(([, i]) => i);
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
    return (this.viewList ??= this.maps.views.entriesAt(this.state).map(([, v]) => v));
  }

  functions(name?: QualifiedName): FunctionInfo[] {
    if (name) return [...(this.maps.functions.getAt(keyOf(name), this.state) ?? [])];
    return (this.functionList ??= this.maps.functions.entriesAt(this.state).flatMap(([, f]) => f));
  }

  type(name: QualifiedName): TypeInfo | undefined {
    return this.maps.types.getAt(keyOf(name), this.state);
  }

  types(): TypeInfo[] {
    return (this.typeList ??= this.maps.types.entriesAt(this.state).map(([, t]) => t));
  }

  sequence(name: QualifiedName): SequenceInfo | undefined {
    return this.maps.sequences.getAt(keyOf(name), this.state);
  }

  extensions(): string[] {
    return (this.extensionList ??= this.maps.extensions.entriesAt(this.state).map(([name]) => name));
  }

  schemas(): string[] {
    return (this.schemaList ??= this.maps.schemas.entriesAt(this.state).map(([name]) => name));
  }

  isExternal(kind: 'table' | 'view' | 'function' | 'type' | 'schema', name: QualifiedName): boolean {
    return this.externals.isExternal(kind, name);
  }
}

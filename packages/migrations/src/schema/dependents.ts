// What depends on a table or column, for the drops and renames that must take it along:
// its indexes, foreign keys of other tables pointing at it, sequences it owns, views reading it.

import type { ConstraintInfo, IndexInfo, QualifiedName } from '@migralint/core';
import { sameName } from './names.js';
import type { SequenceInfo } from './catalog.js';
import type { Replayer } from './replayer.js';

/** The indexes of a table or materialized view, in the catalog's order. */
export function indexesOf(r: Replayer, table: QualifiedName): IndexInfo[] {
  return r.catalog.read('indexes').ownedBy(table);
}

/** The sequences a table owns, in the catalog's order. */
export function sequencesOwnedBy(r: Replayer, table: QualifiedName): SequenceInfo[] {
  return r.catalog.read('sequences').ownedBy(table);
}

/** Remove foreign keys of other tables that reference `table` (only those over `columns`, when given). */
export function dropForeignKeysTo(r: Replayer, table: QualifiedName, columns?: readonly string[]): void {
  for (const other of r.catalog.tablesReferencing(table)) {
    if (sameName(other.name, table) || !other.constraints.some((c) => isForeignKeyTo(c, table, columns))) continue;
    const draft = r.catalog.draft(other.name)!;
    draft.constraints = draft.constraints.filter((c) => !isForeignKeyTo(c, table, columns));
  }
}

function isForeignKeyTo(c: ConstraintInfo, table: QualifiedName, columns?: readonly string[]): boolean {
  if (c.kind !== 'foreign key' || !c.references || !sameName(c.references.table, table)) return false;
  return !columns || c.references.columns.some((col) => columns.includes(col));
}

export function dropSequencesOwnedBy(r: Replayer, table: QualifiedName, column?: string): void {
  for (const sequence of sequencesOwnedBy(r, table)) {
    if (column === undefined || sequence.ownedBy!.column === column) r.catalog.remove('sequences', sequence.name);
  }
}

/** A view (or materialized view) and its indexes; with `cascade`, the views reading it, transitively. */
export function dropView(r: Replayer, name: QualifiedName, cascade: boolean): void {
  r.catalog.remove('views', name);
  for (const index of indexesOf(r, name)) r.catalog.remove('indexes', index.name);
  if (cascade) dropViewsReading(r, name);
}

/** Views reading `name`, and the views reading those (DROP … CASCADE). */
export function dropViewsReading(r: Replayer, name: QualifiedName): void {
  for (const view of r.catalog.viewsReading(name)) {
    if (view.reads.some((q) => sameName(q, name)) && r.catalog.get('views', view.name)) dropView(r, view.name, true);
  }
}

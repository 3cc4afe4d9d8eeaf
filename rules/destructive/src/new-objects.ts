// "Did this migration create it?" — the question every destructive rule asks before it reports:
// dropping, emptying or renaming an object the same migration created loses no deployed data and
// breaks no deployed code.
//
// With the migration model (`context.schema`) the replayed history answers for the whole migration
// (other files of it, a down that drops what its up created, `IF NOT EXISTS` that created nothing,
// `search_path`). Outside any migration set (no `context.schema`) the rules look back over the file: a `CREATE` earlier in it (not `IF NOT EXISTS`, not `OR REPLACE`:
// those may have created nothing) counts.

import {
  createdBetween,
  creationsIn,
  namedAtRunTime,
  sameObject,
  type ColumnInfo,
  type CreatedKind,
  type CreatedName,
  type RuleContext,
  type SourceFile,
  type Statement,
  type TableInfo,
  type WrittenName,
} from '@migralint/core';
import { columnAddedEarlierInFile, columnAdditions } from './table-names.js';

export type ObjectKind = CreatedKind;
export type ObjectName = CreatedName;

/** Kinds the migration model tracks (`SchemaView.isNew`). */
const MODEL_KINDS = new Set<ObjectKind>(['table', 'view', 'function', 'type', 'schema', 'index', 'sequence']);

/** Did a statement before `before` in this file certainly create the object? */
export function createdEarlierInFile(statements: readonly Statement[], before: Statement, kind: ObjectKind, name: ObjectName): boolean {
  return createdBetween(statements, kind, name, { before });
}

/** Does a statement after `after` in this file create (or replace) the object — a drop-and-recreate? */
export function recreatedLaterInFile(statements: readonly Statement[], after: Statement, kind: ObjectKind, name: ObjectName): boolean {
  return createdBetween(statements, kind, name, { after, certainOnly: false });
}

/**
 * Was the object created by the current migration, before the current statement? Then dropping,
 * emptying or renaming it loses nothing deployed. Uses the replayed model when there is one.
 */
export function isNewObject(context: RuleContext<any>, kind: ObjectKind, name: ObjectName): boolean {
  const { statement, statements } = context;
  if (namedAtRunTime(context, name) || (name.table && namedAtRunTime(context, name.table))) return true;
  // A function body runs later, when whatever this migration created may hold data (docs/plpgsql.md).
  if (statement.nested?.runs === 'later') return false;
  // A certain CREATE earlier in the file makes it new with or without the model (below): an indexed
  // lookup, asked before the model, which may first have to replay the history.
  if (createdEarlierInFile(statements, statement, kind, name)) return true;
  const schema = context.schema;
  if (schema && MODEL_KINDS.has(kind)) {
    // The model names a schema `{ schema: s, name: s }`.
    const written = kind === 'schema' ? { schema: name.name, name: name.name } : { ...(name.schema ? { schema: name.schema } : {}), name: name.name };
    // A certain CREATE earlier in the file also proves it: the model, which looks at migration
    // boundaries, misses a temporary table created and dropped inside one migration.
    if (!schema.isNew(kind as Parameters<typeof schema.isNew>[0], written)) return createdEarlierInFile(statements, statement, kind, name);
    // The model answers for the migration as a whole. Within this file, an object that is only
    // created after the current statement is not the one the statement touches: that one existed.
    return createdBetween(statements, kind, name, { before: statement, certainOnly: false }) || !recreatedLaterInFile(statements, statement, kind, name);
  }
  return createdEarlierInFile(statements, statement, kind, name) || createdByUp(context, kind, name);
}

/**
 * In a down part: did the migration's up create the object? For kinds the model does not track
 * (triggers, databases) — a down that drops what its up made loses nothing deployed.
 */
function createdByUp(context: RuleContext<any>, kind: ObjectKind, name: ObjectName): boolean {
  const place = context.migration;
  if (place?.part.direction !== 'down') return false;
  const files = filesByPath(context.project.files);
  return place.migration.up.some((part) => {
    const file = files.get(part.file);
    if (!file) return false;
    return creationsIn(file.statements, kind, name.name).some(
      (c) => c.statement.start >= part.range.start && c.statement.start < part.range.end && sameObject(kind, c.name, name),
    );
  });
}

const byPath = new WeakMap<readonly SourceFile[], Map<string, SourceFile>>();

/** The run's files by path, built once per run: a lookup per statement, not a scan of the project. */
function filesByPath(files: readonly SourceFile[]): Map<string, SourceFile> {
  let map = byPath.get(files);
  if (!map) byPath.set(files, (map = new Map(files.map((f) => [f.path, f]))));
  return map;
}

/** Was `table` created by the current migration (see `isNewObject`)? */
export function isNewTable(context: RuleContext<any>, table: WrittenName): boolean {
  return isNewObject(context, 'table', { schema: table.schema, name: table.name });
}

/**
 * Did `column` of `table` hold no deployed data before this statement — the table is new, or the
 * column was added by this migration? With the model: by identity (a column renamed earlier in the
 * migration is the old one). Without it, or for a table the history never created: an
 * `ADD COLUMN` earlier in the file.
 */
export function isNewColumn(context: RuleContext<any>, table: WrittenName, column: string): boolean {
  if (namedAtRunTime(context, table)) return true;
  const known = context.schema?.isNewColumn(table, column);
  if (known !== true && addedEarlierInDown(context, table, column)) return true;
  if (known !== undefined) return known;
  if (isNewTable(context, table)) return true;
  return columnAddedEarlierInFile(context.statements, context.statement, table, column);
}

/**
 * In a down part: did an `ADD COLUMN` earlier in it add the column? The model answers "new in this
 * migration" for the up; a down runs after the up, so a column the up dropped and the down adds
 * back holds only its default (a sqitch revert re-adding `amount`, then backfilling it). `ADD COLUMN
 * IF NOT EXISTS` counts when the column is gone after the up.
 */
function addedEarlierInDown(context: RuleContext<any>, table: WrittenName, column: string): boolean {
  const place = context.migration;
  const { statement, statements } = context;
  if (place?.part.direction !== 'down' || statement.nested?.runs === 'later') return false;
  const afterUp = context.schema?.after.table(context.schema.resolve(table));
  const goneAfterUp = afterUp !== undefined && !afterUp.columns.some((c) => c.name === column);
  return columnAdditions(statements, table, column).some(
    (a) => a.statement.index < statement.index && a.statement.start >= place.part.range.start && (!a.ifNotExists || goneAfterUp),
  );
}

/**
 * Was this column name not in use before this migration — a new column, or one the migration
 * renamed to it (a down renaming back what its up renamed breaks no deployed code)? Renames ask
 * about names, not data.
 */
export function isNewColumnName(context: RuleContext<any>, table: WrittenName, column: string): boolean {
  if (isNewColumn(context, table, column)) return true;
  const before = columnBefore(context, table, column);
  return before !== undefined && before.name !== column;
}

/**
 * Is the table, which existed before this migration, gone at its end (by identity: a rename is not
 * a drop)? Then its `DROP TABLE` is the finding that covers what goes with it: keys, columns.
 */
export function droppedByMigration(context: RuleContext<any>, table: WrittenName): boolean {
  const before = tableBefore(context, table);
  const after = context.schema?.after;
  if (!before || !after) return false;
  return before.id !== undefined ? !after.tables().some((t) => t.id === before.id) : after.table(before.name) === undefined;
}

/** The table as it was before the current migration (renames in it followed), when the model knows it. */
export function tableBefore(context: RuleContext<any>, table: WrittenName): TableInfo | undefined {
  return context.schema?.tableBefore(table);
}

/** A column as it was before the current migration (renames in it followed), when the model knows it. */
export function columnBefore(context: RuleContext<any>, table: WrittenName, column: string): ColumnInfo | undefined {
  return context.schema?.columnBefore(table, column);
}

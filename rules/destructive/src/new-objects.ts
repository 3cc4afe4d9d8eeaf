// "Did this migration create it?" — the question every destructive rule asks before it reports:
// dropping, emptying or renaming an object the same migration created loses no deployed data and
// breaks no deployed code.
//
// With the migration model (`context.schema`) the replayed history answers for the whole migration
// (other files of it, a down that drops what its up created, `IF NOT EXISTS` that created nothing,
// `search_path`). Without it — a file outside any migration set, or `lint()` without `buildModel` —
// the rules look back over the file: a `CREATE` earlier in it (not `IF NOT EXISTS`, not `OR REPLACE`:
// those may have created nothing) counts.

import { indexStatements, type AstNode, type ColumnInfo, type RuleContext, type Statement, type TableInfo } from '@migralint/core';
import { columnAddedEarlierInFile, sameTable, tableFromRangeVar, type TableRef } from './table-names.js';

export type ObjectKind = 'table' | 'view' | 'function' | 'type' | 'schema' | 'index' | 'sequence' | 'trigger' | 'database';

/** An object as a statement names it. */
export interface ObjectName {
  /** As written; undefined when unqualified. */
  schema: string | undefined;
  name: string;
  /** Triggers: the table they are on. */
  table?: TableRef;
  /** Functions: argument types (normalised), when the statement lists them. */
  args?: string[];
}

/** One object a statement creates; `certain` is false for `IF NOT EXISTS` / `OR REPLACE` (maybe nothing new). */
export interface Created {
  kind: ObjectKind;
  name: ObjectName;
  certain: boolean;
}

/** Kinds the migration model tracks (`SchemaView.isNew`). */
const MODEL_KINDS = new Set<ObjectKind>(['table', 'view', 'function', 'type', 'schema', 'index', 'sequence']);

const DEFAULT_SCHEMA = 'public';

/** `[schema, name]` or `[name]` string lists (`funcname`, `typeName`, `defnames`) as a name. */
export function nameFromList(items: readonly AstNode[] | undefined): ObjectName | undefined {
  if (!Array.isArray(items)) return undefined;
  const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1]! };
}

/** A function argument's type as a comparable string: `int4`, `text[]`, `app.mood`. */
export function argType(typeName: AstNode | undefined): string {
  const parts: string[] = (typeName?.names ?? []).map((n: AstNode) => n?.String?.sval ?? '');
  const name = parts[0] === 'pg_catalog' && parts.length === 2 ? parts[1]! : parts.join('.');
  return name + '[]'.repeat((typeName?.arrayBounds ?? []).length);
}

/** The argument types of a `CREATE FUNCTION` (IN, INOUT and VARIADIC parameters identify it; OUT ones do not). */
function functionArgs(parameters: readonly AstNode[] | undefined): string[] {
  return (parameters ?? [])
    .map((p) => p.FunctionParameter)
    .filter((p) => p && p.mode !== 'FUNC_PARAM_OUT' && p.mode !== 'FUNC_PARAM_TABLE')
    .map((p) => argType(p.argType));
}

/** What `statement` creates. */
export function objectsCreatedBy(statement: Statement): Created[] {
  const node = statement.node;
  const rel = (rangeVar: AstNode | undefined): ObjectName => ({ schema: rangeVar?.schemaname || undefined, name: String(rangeVar?.relname ?? '') });
  switch (statement.kind) {
    case 'CreateStmt':
    case 'CreateForeignTableStmt':
      return [{ kind: 'table', name: rel(node.relation ?? node.base?.relation), certain: !(node.if_not_exists ?? node.base?.if_not_exists) }];
    case 'CreateTableAsStmt':
      return [{ kind: node.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', name: rel(node.into?.rel), certain: !node.if_not_exists }];
    case 'SelectStmt':
      return node.intoClause ? [{ kind: 'table', name: rel(node.intoClause.rel), certain: true }] : [];
    case 'ViewStmt':
      return [{ kind: 'view', name: rel(node.view), certain: !node.replace }];
    case 'CreateFunctionStmt': {
      const name = nameFromList(node.funcname);
      return name ? [{ kind: 'function', name: { ...name, args: functionArgs(node.parameters) }, certain: !node.replace }] : [];
    }
    case 'CompositeTypeStmt':
      return [{ kind: 'type', name: rel(node.typevar), certain: true }];
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
    case 'CreateDomainStmt':
    case 'DefineStmt': {
      if (statement.kind === 'DefineStmt' && node.kind !== 'OBJECT_TYPE') return [];
      // CREATE DOMAIN's `typeName` is its base type; the domain's own name is `domainname`.
      const list = statement.kind === 'CreateDomainStmt' ? node.domainname : statement.kind === 'DefineStmt' ? node.defnames : node.typeName;
      const name = nameFromList(list);
      return name ? [{ kind: 'type', name, certain: true }] : [];
    }
    case 'CreateSchemaStmt':
      return node.schemaname ? [{ kind: 'schema', name: { schema: undefined, name: node.schemaname }, certain: !node.if_not_exists }] : [];
    case 'IndexStmt':
      // An index lives in its table's schema.
      return node.idxname ? [{ kind: 'index', name: { schema: node.relation?.schemaname || undefined, name: node.idxname }, certain: !node.if_not_exists }] : [];
    case 'CreateSeqStmt':
      return [{ kind: 'sequence', name: rel(node.sequence), certain: !node.if_not_exists }];
    case 'CreateTrigStmt':
      return [{ kind: 'trigger', name: { schema: undefined, name: String(node.trigname ?? ''), table: tableFromRangeVar(node.relation ?? {}) }, certain: !node.replace }];
    case 'CreatedbStmt':
      return [{ kind: 'database', name: { schema: undefined, name: String(node.dbname ?? '') }, certain: true }];
    default:
      return [];
  }
}

/** Same object? Unqualified names are in `public`; function arguments count when both sides list them. */
export function sameObject(kind: ObjectKind, a: ObjectName, b: ObjectName): boolean {
  if (a.name !== b.name) return false;
  if (kind === 'trigger') return a.table !== undefined && b.table !== undefined && sameTable(a.table, b.table);
  if (kind === 'schema' || kind === 'database') return true;
  if ((a.schema ?? DEFAULT_SCHEMA) !== (b.schema ?? DEFAULT_SCHEMA)) return false;
  if (kind === 'function' && a.args && b.args) return a.args.length === b.args.length && a.args.every((t, i) => t === b.args![i]);
  return true;
}

interface Creation extends Created {
  index: number;
}

/** What the statements create, by kind and bare name: one pass per file, then lookups. */
function creationsOf(statements: readonly Statement[]): ReadonlyMap<string, readonly Creation[]> {
  return indexStatements(statements, creationEntries);
}

function creationEntries(statement: Statement): Array<[string, Creation]> {
  return objectsCreatedBy(statement).map((created) => [`${created.kind}\0${created.name.name}`, { ...created, index: statement.index }]);
}

/** Does a statement of `statements` between the indexes `from` and `to` (exclusive) create the object? */
function createdBetween(statements: readonly Statement[], from: number, to: number, kind: ObjectKind, name: ObjectName, certainOnly: boolean): boolean {
  return (creationsOf(statements).get(`${kind}\0${name.name}`) ?? []).some(
    (c) => c.index > from && c.index < to && (c.certain || !certainOnly) && sameObject(kind, c.name, name),
  );
}

/** Did a statement before `before` in this file certainly create the object? */
export function createdEarlierInFile(statements: readonly Statement[], before: Statement, kind: ObjectKind, name: ObjectName): boolean {
  return createdBetween(statements, -1, before.index, kind, name, true);
}

/** Does a statement after `after` in this file create (or replace) the object — a drop-and-recreate? */
export function recreatedLaterInFile(statements: readonly Statement[], after: Statement, kind: ObjectKind, name: ObjectName): boolean {
  return createdBetween(statements, after.index, Infinity, kind, name, false);
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
  const schema = context.schema;
  if (schema && MODEL_KINDS.has(kind)) {
    // The model names a schema `{ schema: s, name: s }`.
    const written = kind === 'schema' ? { schema: name.name, name: name.name } : { ...(name.schema ? { schema: name.schema } : {}), name: name.name };
    // A certain CREATE earlier in the file also proves it: the model, which looks at migration
    // boundaries, misses a temporary table created and dropped inside one migration.
    if (!schema.isNew(kind as Parameters<typeof schema.isNew>[0], written)) return createdEarlierInFile(statements, statement, kind, name);
    // The model answers for the migration as a whole. Within this file, an object that is only
    // created after the current statement is not the one the statement touches: that one existed.
    return createdBetween(statements, -1, statement.index, kind, name, false) || !recreatedLaterInFile(statements, statement, kind, name);
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
  return place.migration.up.some((part) => {
    const file = context.project.files.find((f) => f.path === part.file);
    if (!file) return false;
    const inPart = (c: Creation) => {
      const s = file.statements[c.index]!;
      return s.start >= part.range.start && s.start < part.range.end;
    };
    return (creationsOf(file.statements).get(`${kind}\0${name.name}`) ?? []).some((c) => inPart(c) && sameObject(kind, c.name, name));
  });
}

/** Was `table` created by the current migration (see `isNewObject`)? */
export function isNewTable(context: RuleContext<any>, table: TableRef): boolean {
  return isNewObject(context, 'table', { schema: table.schema, name: table.name });
}

/**
 * Did `column` of `table` hold no deployed data before this statement — the table is new, or the
 * column was added by this migration? With the model: by identity (a column renamed earlier in the
 * migration is the old one). Without it, or for a table the history never created: an
 * `ADD COLUMN` earlier in the file.
 */
export function isNewColumn(context: RuleContext<any>, table: TableRef, column: string): boolean {
  if (namedAtRunTime(context, table)) return true;
  const known = context.schema?.isNewColumn(written(table), column);
  if (known !== true && addedEarlierInDown(context, table, column)) return true;
  if (known !== undefined) return known;
  if (isNewTable(context, table)) return true;
  return columnAddedEarlierInFile(context.statements, context.statement, table, column);
}

/**
 * Is the name, in a statement that an `EXECUTE format('… %I.t …', v)` runs, a variable quoted in
 * (`"{v}"`, constant-execute.ts)? It is known only at run time — a loop over tenant schemas, a
 * partition being swapped — so it is no object the history knows, and a finding about "{v}.t"
 * names nothing a reader can check. The rules skip it as they skip an object the migration created.
 */
function namedAtRunTime(context: RuleContext<any>, name: { schema?: string | undefined; name: string }): boolean {
  const placeholders = context.statement.nested?.embedded.placeholders;
  return placeholders !== undefined && [name.schema, name.name].some((part) => part !== undefined && placeholders.some((p) => part === `{${p}}`));
}

/**
 * In a down part: did an `ADD COLUMN` earlier in it add the column? The model answers "new in this
 * migration" for the up; a down runs after the up, so a column the up dropped and the down adds
 * back holds only its default (a sqitch revert re-adding `amount`, then backfilling it). `ADD COLUMN
 * IF NOT EXISTS` counts when the column is gone after the up.
 */
function addedEarlierInDown(context: RuleContext<any>, table: TableRef, column: string): boolean {
  const place = context.migration;
  const { statement, statements } = context;
  if (place?.part.direction !== 'down' || statement.nested?.runs === 'later') return false;
  const afterUp = context.schema?.after.table(context.schema.resolve(written(table)));
  const goneAfterUp = afterUp !== undefined && !afterUp.columns.some((c) => c.name === column);
  return statements.some(
    (s) =>
      s.index < statement.index &&
      s.start >= place.part.range.start &&
      s.kind === 'AlterTableStmt' &&
      s.node.objtype === 'OBJECT_TABLE' &&
      sameTable(tableFromRangeVar(s.node.relation ?? {}), table) &&
      (s.node.cmds ?? []).some((entry: AstNode) => {
        const cmd = entry.AlterTableCmd;
        return cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname === column && (!cmd.missing_ok || goneAfterUp);
      }),
  );
}

/**
 * Was this column name not in use before this migration — a new column, or one the migration
 * renamed to it (a down renaming back what its up renamed breaks no deployed code)? Renames ask
 * about names, not data.
 */
export function isNewColumnName(context: RuleContext<any>, table: TableRef, column: string): boolean {
  if (isNewColumn(context, table, column)) return true;
  const before = columnBefore(context, table, column);
  return before !== undefined && before.name !== column;
}

/**
 * Is the table, which existed before this migration, gone at its end (by identity: a rename is not
 * a drop)? Then its `DROP TABLE` is the finding that covers what goes with it: keys, columns.
 */
export function droppedByMigration(context: RuleContext<any>, table: TableRef): boolean {
  const before = tableBefore(context, table);
  const after = context.schema?.after;
  if (!before || !after) return false;
  return before.id !== undefined ? !after.tables().some((t) => t.id === before.id) : after.table(before.name) === undefined;
}

/** The table as it was before the current migration (renames in it followed), when the model knows it. */
export function tableBefore(context: RuleContext<any>, table: TableRef): TableInfo | undefined {
  return context.schema?.tableBefore(written(table));
}

/** A column as it was before the current migration (renames in it followed), when the model knows it. */
export function columnBefore(context: RuleContext<any>, table: TableRef, column: string): ColumnInfo | undefined {
  return context.schema?.columnBefore(written(table), column);
}

function written(table: TableRef): { schema?: string; name: string } {
  return { ...(table.schema ? { schema: table.schema } : {}), name: table.name };
}

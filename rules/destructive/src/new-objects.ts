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
import { columnAddedEarlierInFile } from './table-names.js';
import { DEFAULT_SCHEMA, nameOfList, nameOfRangeVar, sameName, type WrittenName } from '@migralint/core';

export type ObjectKind = 'table' | 'view' | 'function' | 'type' | 'schema' | 'index' | 'sequence' | 'trigger' | 'database';

/** An object as a statement names it. */
export interface ObjectName {
  /** As written; undefined when unqualified. */
  schema: string | undefined;
  name: string;
  /** Triggers: the table they are on. */
  table?: WrittenName;
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
      const name = nameOfList(node.funcname);
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
      const name = nameOfList(list);
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
      return [{ kind: 'trigger', name: { schema: undefined, name: String(node.trigname ?? ''), table: nameOfRangeVar(node.relation ?? {}) }, certain: !node.replace }];
    case 'CreatedbStmt':
      return [{ kind: 'database', name: { schema: undefined, name: String(node.dbname ?? '') }, certain: true }];
    default:
      return [];
  }
}

/** Same object? Unqualified names are in `public`; function arguments count when both sides list them. */
export function sameObject(kind: ObjectKind, a: ObjectName, b: ObjectName): boolean {
  if (a.name !== b.name) return false;
  if (kind === 'trigger') return a.table !== undefined && b.table !== undefined && sameName(a.table, b.table);
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
  const known = context.schema?.isNewColumn(table, column);
  if (known !== undefined) return known;
  if (isNewTable(context, table)) return true;
  return columnAddedEarlierInFile(context.statements, context.statement, table, column);
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

/** The table as it was before the current migration (renames in it followed), when the model knows it. */
export function tableBefore(context: RuleContext<any>, table: WrittenName): TableInfo | undefined {
  return context.schema?.tableBefore(table);
}

/** A column as it was before the current migration (renames in it followed), when the model knows it. */
export function columnBefore(context: RuleContext<any>, table: WrittenName, column: string): ColumnInfo | undefined {
  return context.schema?.columnBefore(table, column);
}

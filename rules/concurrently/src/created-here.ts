// "Was this table created by the migration this statement belongs to?" An index built on, rebuilt
// on, or dropped from a table that holds no production rows yet locks nobody out, so the
// CONCURRENTLY rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter).
// On top of it, and as the only answer when there is no model, we look back through the
// statements of the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created
// nothing) earlier in the part proves the table is new, whatever the model could replay.

import { indexStatements, type AstNode, type RuleContext, type Statement } from '@migralint/core';

/** A relation as written: the schema when qualified, the name as Postgres stores it. */
export interface RelationName {
  schema: string | undefined;
  name: string;
}

const DEFAULT_SCHEMA = 'public';

/** A `RangeVar` node (`relation` of CREATE INDEX, REINDEX, ALTER TABLE) as a name. */
export function fromRangeVar(rangeVar: AstNode | undefined): RelationName {
  return { schema: rangeVar?.schemaname || undefined, name: String(rangeVar?.relname ?? '') };
}

/** A `DROP` object (`{List: {items: [{String: {sval}}…]}}`) as a name; the last two parts count. */
export function fromNameList(object: AstNode): RelationName | undefined {
  const items: AstNode[] = object?.List?.items ?? [];
  const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts[parts.length - 1]! };
}

/** How a message names a relation: schema-qualified only when the SQL qualified it. */
export function display(name: RelationName): string {
  return name.schema ? `${name.schema}.${name.name}` : name.name;
}

function same(a: RelationName, b: RelationName): boolean {
  return a.name === b.name && (a.schema ?? DEFAULT_SCHEMA) === (b.schema ?? DEFAULT_SCHEMA);
}

function toModelName(name: RelationName): { schema?: string; name: string } {
  return name.schema ? { schema: name.schema, name: name.name } : { name: name.name };
}

/** Did the current migration create `table` (before the current statement, in the same part, or per the model)? */
export function isNewTable(context: RuleContext<any>, table: RelationName): boolean {
  if (context.schema?.isNew('table', toModelName(table))) return true;
  const current = context.statement;
  // Indexed once per part by table name: a lookup per call, not a pass over the part.
  return (indexStatements(context.statementsOfPart(), createdTables).get(table.name) ?? []).some((c) => c.index < current.index && same(c.name, table));
}

/** The table a statement certainly creates (not IF NOT EXISTS, which may have created nothing), keyed by name. */
function createdTables(statement: Statement): Array<[string, { index: number; name: RelationName }]> {
  if (statement.node.if_not_exists) return [];
  let name: RelationName | undefined;
  if (statement.kind === 'CreateStmt') name = fromRangeVar(statement.node.relation);
  // CREATE TABLE AS, SELECT INTO, CREATE MATERIALIZED VIEW: nothing reads or refreshes it yet.
  else if (statement.kind === 'CreateTableAsStmt' && ['OBJECT_TABLE', 'OBJECT_MATVIEW'].includes(statement.node.objtype)) name = fromRangeVar(statement.node.into?.rel);
  return name ? [[name.name, { index: statement.index, name }]] : [];
}

/** The indexes `CREATE INDEX` statements build, keyed by index name, with their table. */
function builtIndexes(statement: Statement): Array<[string, { index: number; table: RelationName }]> {
  return statement.kind === 'IndexStmt' && statement.node.idxname ? [[statement.node.idxname, { index: statement.index, table: fromRangeVar(statement.node.relation) }]] : [];
}

/**
 * The table of an index: from a `CREATE INDEX` earlier in the part, else from the model (the index
 * as it was before this migration, or after it for one its up created). An index lives in its
 * table's schema. Undefined when neither knows the index.
 */
export function tableOfIndex(context: RuleContext<any>, index: RelationName): RelationName | undefined {
  const current = context.statement;
  const built = (indexStatements(context.statementsOfPart(), builtIndexes).get(index.name) ?? [])
    .filter((s) => s.index < current.index && (s.table.schema ?? DEFAULT_SCHEMA) === (index.schema ?? DEFAULT_SCHEMA))
    .at(-1)?.table;
  if (built) return built;
  const schema = context.schema;
  if (!schema) return undefined;
  const name = schema.resolve(toModelName(index));
  const info = schema.before.index(name) ?? schema.after.index(name);
  return info ? { schema: info.table.schema, name: info.table.name } : undefined;
}

/**
 * Is `index` on a table the current migration created? Dropping or rebuilding an index locks its
 * table, so what matters is the table: an index just built on a production table still locks
 * production when it is dropped again.
 */
export function isOnNewTable(context: RuleContext<any>, index: RelationName): boolean {
  const table = tableOfIndex(context, index);
  return table !== undefined && isNewTable(context, table);
}

/** What the model knows about a table as it was before this migration (undefined without a model). */
export function tableBefore(context: RuleContext<any>, table: RelationName) {
  const schema = context.schema;
  if (!schema) return undefined;
  return schema.before.table(schema.resolve(toModelName(table)));
}

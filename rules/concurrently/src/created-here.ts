// "Was this table created by the migration this statement belongs to?" An index built on, rebuilt
// on, or dropped from a table that holds no production rows yet locks nobody out, so the
// CONCURRENTLY rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter).
// On top of it, and as the only answer when there is no model, we look back through the
// statements of the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created
// nothing) earlier in the part proves the table is new, whatever the model could replay.

import { createdBetween, creationsIn, DEFAULT_SCHEMA, type RuleContext, type WrittenName } from '@migralint/core';

/** Did the current migration create `table` (before the current statement, in the same part, or per the model)? */
export function isNewTable(context: RuleContext<any>, table: WrittenName): boolean {
  // CREATE TABLE, CREATE TABLE AS, SELECT INTO, CREATE MATERIALIZED VIEW: nothing reads or refreshes it yet.
  // Asked first: an indexed lookup in the part, where the model may first have to replay the history.
  const part = context.statementsOfPart();
  const name = { ...table, schema: table.schema };
  if (createdBetween(part, 'table', name, { before: context.statement }) || createdBetween(part, 'view', name, { before: context.statement })) return true;
  return context.schema?.isNew('table', table) === true;
}

/**
 * The table of an index: from a `CREATE INDEX` earlier in the part, else from the model (the index
 * as it was before this migration, or after it for one its up created). An index lives in its
 * table's schema. Undefined when neither knows the index.
 */
export function tableOfIndex(context: RuleContext<any>, index: WrittenName): WrittenName | undefined {
  const current = context.statement;
  const built = creationsIn(context.statementsOfPart(), 'index', index.name)
    .filter((c) => c.statement.index < current.index && (c.name.schema ?? DEFAULT_SCHEMA) === (index.schema ?? DEFAULT_SCHEMA))
    .at(-1)?.name.table;
  if (built) return built;
  const schema = context.schema;
  if (!schema) return undefined;
  const name = schema.resolve(index);
  const info = schema.before.index(name) ?? schema.after.index(name);
  return info ? { schema: info.table.schema, name: info.table.name } : undefined;
}

/**
 * Is `index` on a table the current migration created? Dropping or rebuilding an index locks its
 * table, so what matters is the table: an index just built on a production table still locks
 * production when it is dropped again.
 */
export function isOnNewTable(context: RuleContext<any>, index: WrittenName): boolean {
  const table = tableOfIndex(context, index);
  return table !== undefined && isNewTable(context, table);
}

/** What the model knows about a table as it was before this migration (undefined without a model). */
export function tableBefore(context: RuleContext<any>, table: WrittenName) {
  const schema = context.schema;
  if (!schema) return undefined;
  return schema.before.table(schema.resolve(table));
}

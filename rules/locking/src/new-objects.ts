// "Was this object created by the migration this statement belongs to?" A table created in the
// same migration holds no production rows yet and nobody else queries it, so scanning it, rewriting
// it or locking it hurts nobody: the locking rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter). On
// top of it, and as the only answer when there is no model, we look back through the statements of
// the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created nothing) earlier in
// the part proves the table is new.

import { createdBetween, objectsCreatedBy, sameName, type QualifiedName, type RuleContext, type SchemaSnapshot, type Statement, type WrittenName } from '@migralint/core';

export type ObjectKind = 'table' | 'index' | 'view' | 'type';

/** Did the current migration create this object, before the current statement? */
export function isNew(context: RuleContext<any>, kind: ObjectKind, name: WrittenName): boolean {
  if (namedAtRunTime(context, name)) return true;
  const schema = context.schema;
  // Created by this migration and absent before it. One that existed before was dropped and
  // created again: the statements before the new CREATE still lock the old, busy one.
  if (schema?.isNew(kind, name) && !existedBefore(schema.before, kind, schema.resolve(name))) return true;
  return createdEarlierInPart(context, context.statement, kind, name);
}

/**
 * Is the name, in a statement that an `EXECUTE format('… %I.t …', v)` runs, a variable quoted in
 * (`"{v}"`)? Known only at run time (a loop over tenant schemas), it is no relation the history
 * knows, and a finding about "{v}.t" names nothing a reader can check: treated like a new one.
 */
function namedAtRunTime(context: RuleContext<any>, name: WrittenName): boolean {
  const placeholders = context.statement.nested?.embedded.placeholders;
  return placeholders !== undefined && [name.schema, name.name].some((part) => part !== undefined && placeholders.some((p) => part === `{${p}}`));
}

/**
 * Does `DROP … IF EXISTS` of this relation drop nothing — and so lock nothing? Either the relation
 * existed before this migration and an earlier statement of it removed it already (by identity in
 * the replayed model: a `DROP CONSTRAINT` took its index along), or the statement is in a history's
 * first migration that builds its initial schema (it creates tables) and the relation is neither
 * there before nor after it, nor declared or referenced as external (kestra's initial schema
 * cleaning up indexes of its pre-history). Later migrations are not judged by the second test: a
 * history often starts after objects it drops.
 */
export function dropsNothing(context: RuleContext<any>, statement: Statement, kind: 'table' | 'index' | 'view', name: WrittenName): boolean {
  const schema = context.schema;
  const place = context.migration;
  if (!statement.node.missing_ok || !schema || !place || statement.nested) return false;
  const q = schema.resolve(name);
  if (existedBefore(schema.before, kind, q)) {
    return schema.model.identify(place.migration.index, { file: context.file.path, offset: statement.start }, kind, q) === undefined;
  }
  if (place.migration.index !== 0 || !schema.after.tables().some((t) => t.createdIn === 0)) return false;
  if (kind !== 'index' && schema.before.isExternal(kind, q)) return false;
  return !existedBefore(schema.after, kind, q);
}

function existedBefore(before: SchemaSnapshot, kind: ObjectKind, name: QualifiedName): boolean {
  switch (kind) {
    case 'table':
      return before.table(name) !== undefined;
    case 'index':
      return before.index(name) !== undefined;
    case 'view':
      return before.view(name) !== undefined;
    case 'type':
      return before.type(name) !== undefined;
  }
}

/** Did a statement before `before`, in the same part, certainly create this object? */
export function createdEarlierInPart(context: RuleContext<any>, before: Statement, kind: ObjectKind, name: WrittenName): boolean {
  return createdBetween(context.statementsOfPart(before), kind, { ...name, schema: name.schema }, { before });
}

/** Does `statement` create the object (for sure: IF NOT EXISTS and OR REPLACE may create nothing)? */
export function creates(statement: Statement, kind: ObjectKind, name: WrittenName): boolean {
  return objectsCreatedBy(statement).some((c) => c.certain && c.kind === kind && sameName(c.name, name));
}

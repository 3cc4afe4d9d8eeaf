// "Was this object created by the migration this statement belongs to?" A table created in the
// same migration holds no production rows yet and nobody else queries it, so scanning it, rewriting
// it or locking it hurts nobody: the locking rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter). On
// top of it, and as the only answer when there is no model, we look back through the statements of
// the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created nothing) earlier in
// the part proves the table is new.

import { createdBetween, existsIn, namedAtRunTime, objectsCreatedBy, removedEarlier, sameName, type RuleContext, type Statement, type WrittenName } from '@migralint/core';

export type ObjectKind = 'table' | 'index' | 'view' | 'type';

/** Did the current migration create this object, before the current statement? */
export function isNew(context: RuleContext<any>, kind: ObjectKind, name: WrittenName): boolean {
  // The part first: an indexed lookup, where the model may first have to replay the history.
  if (namedAtRunTime(context, name) || createdEarlierInPart(context, context.statement, kind, name)) return true;
  const schema = context.schema;
  // Created by this migration and absent before it. One that existed before was dropped and
  // created again: the statements before the new CREATE still lock the old, busy one.
  return schema?.isNew(kind, name) === true && !existsIn(schema.before, kind, schema.resolve(name));
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
  if (existsIn(schema.before, kind, q)) return removedEarlier(context, kind, name, statement);
  if (place.migration.index !== 0 || !schema.after.tables().some((t) => t.createdIn === 0)) return false;
  if (kind !== 'index' && schema.before.isExternal(kind, q)) return false;
  return !existsIn(schema.after, kind, q);
}

/** Did a statement before `before`, in the same part, certainly create this object? */
export function createdEarlierInPart(context: RuleContext<any>, before: Statement, kind: ObjectKind, name: WrittenName): boolean {
  return createdBetween(context.statementsOfPart(before), kind, { ...name, schema: name.schema }, { before });
}

/** Does `statement` create the object (for sure: IF NOT EXISTS and OR REPLACE may create nothing)? */
export function creates(statement: Statement, kind: ObjectKind, name: WrittenName): boolean {
  return objectsCreatedBy(statement).some((c) => c.certain && c.kind === kind && sameName(c.name, name));
}

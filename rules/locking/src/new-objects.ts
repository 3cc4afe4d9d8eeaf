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
  const schema = context.schema;
  // Created by this migration and absent before it. One that existed before was dropped and
  // created again: the statements before the new CREATE still lock the old, busy one.
  if (schema?.isNew(kind, name) && !existedBefore(schema.before, kind, schema.resolve(name))) return true;
  return createdEarlierInPart(context, context.statement, kind, name);
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

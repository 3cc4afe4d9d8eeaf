// "Was this object created by the migration this statement belongs to?" A table created in the
// same migration holds no production rows yet and nobody else queries it, so scanning it, rewriting
// it or locking it hurts nobody: the locking rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter). On
// top of it, and as the only answer when there is no model, we look back through the statements of
// the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created nothing) earlier in
// the part proves the table is new.

import type { QualifiedName, RuleContext, SchemaSnapshot, Statement } from '@migralint/core';
import { fromNames, fromRangeVar, sameRelation, toModelName, type RelationName } from './relation-names.js';
import { placesOf } from './transactions.js';

export type ObjectKind = 'table' | 'index' | 'view' | 'type';

/** Did the current migration create this object, before the current statement? */
export function isNew(context: RuleContext<any>, kind: ObjectKind, name: RelationName): boolean {
  const schema = context.schema;
  // Created by this migration and absent before it. One that existed before was dropped and
  // created again: the statements before the new CREATE still lock the old, busy one.
  if (schema?.isNew(kind, toModelName(name)) && !existedBefore(schema.before, kind, schema.resolve(toModelName(name)))) return true;
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

/** Did a statement before `before`, in the same part, create this object? */
export function createdEarlierInPart(context: RuleContext<any>, before: Statement, kind: ObjectKind, name: RelationName): boolean {
  const places = placesOf(context);
  const part = places[before.index]?.part;
  return context.statements.some(
    (statement) => statement.index < before.index && places[statement.index]?.part === part && creates(statement, kind, name),
  );
}

/** Does `statement` create the object (for sure: IF NOT EXISTS and OR REPLACE may create nothing)? */
export function creates(statement: Statement, kind: ObjectKind, name: RelationName): boolean {
  const node = statement.node;
  if (node.if_not_exists || node.replace) return false;
  switch (kind) {
    case 'table':
      if (statement.kind === 'CreateStmt') return sameRelation(fromRangeVar(node.relation), name);
      return statement.kind === 'CreateTableAsStmt' && node.objtype === 'OBJECT_TABLE' && sameRelation(fromRangeVar(node.into?.rel), name);
    case 'view':
      if (statement.kind === 'ViewStmt') return sameRelation(fromRangeVar(node.view), name);
      return statement.kind === 'CreateTableAsStmt' && node.objtype === 'OBJECT_MATVIEW' && sameRelation(fromRangeVar(node.into?.rel), name);
    case 'index':
      // An index lives in its table's schema.
      return (
        statement.kind === 'IndexStmt' &&
        typeof node.idxname === 'string' &&
        sameRelation({ schema: node.relation?.schemaname || undefined, name: node.idxname }, name)
      );
    case 'type': {
      const created =
        statement.kind === 'CreateEnumStmt' || statement.kind === 'CreateRangeStmt'
          ? fromNames(node.typeName)
          : statement.kind === 'CreateDomainStmt'
            ? fromNames(node.domainname)
            : statement.kind === 'CompositeTypeStmt'
              ? fromRangeVar(node.typevar)
              : undefined;
      return created !== undefined && sameRelation(created, name);
    }
  }
}

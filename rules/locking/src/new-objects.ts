// "Was this object created by the migration this statement belongs to?" A table created in the
// same migration holds no production rows yet and nobody else queries it, so scanning it, rewriting
// it or locking it hurts nobody: the locking rules exempt it.
//
// The replayed schema model (`context.schema.isNew`) answers for the whole history — a table
// created earlier in the same migration, with or without BEGIN (Squawk only knows the latter). On
// top of it, and as the only answer when there is no model, we look back through the statements of
// the same part: a `CREATE TABLE` (without IF NOT EXISTS, which may have created nothing) earlier in
// the part proves the table is new.

import { indexStatements, type QualifiedName, type RuleContext, type SchemaSnapshot, type Statement } from '@migralint/core';
import { nameOfList, nameOfRangeVar, sameName, type WrittenName } from '@migralint/core';

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

/** Did a statement before `before`, in the same part, create this object? */
export function createdEarlierInPart(context: RuleContext<any>, before: Statement, kind: ObjectKind, name: WrittenName): boolean {
  const creators = creatorsOf(context.statementsOfPart(before)).get(`${kind}\0${name.name}`) ?? [];
  return creators.some((c) => c.statement.index < before.index && sameName(c.name, name));
}

/** Does `statement` create the object (for sure: IF NOT EXISTS and OR REPLACE may create nothing)? */
export function creates(statement: Statement, kind: ObjectKind, name: WrittenName): boolean {
  const created = createdBy(statement);
  return created !== undefined && created.kind === kind && sameName(created.name, name);
}

interface Creator {
  statement: Statement;
  name: WrittenName;
}

/** The part's statements that create something, by kind and bare name: built once per part. */
function creatorsOf(statements: readonly Statement[]): ReadonlyMap<string, readonly Creator[]> {
  return indexStatements(statements, creatorEntry);
}

function creatorEntry(statement: Statement): Array<[string, Creator]> {
  const created = createdBy(statement);
  return created ? [[`${created.kind}\0${created.name.name}`, { statement, name: created.name }]] : [];
}

/** The object `statement` certainly creates (IF NOT EXISTS and OR REPLACE may create nothing). */
function createdBy(statement: Statement): { kind: ObjectKind; name: WrittenName } | undefined {
  const node = statement.node;
  if (node.if_not_exists || node.replace) return undefined;
  switch (statement.kind) {
    case 'CreateStmt':
      return { kind: 'table', name: nameOfRangeVar(node.relation) };
    case 'CreateTableAsStmt':
      if (node.objtype === 'OBJECT_TABLE') return { kind: 'table', name: nameOfRangeVar(node.into?.rel) };
      return node.objtype === 'OBJECT_MATVIEW' ? { kind: 'view', name: nameOfRangeVar(node.into?.rel) } : undefined;
    case 'ViewStmt':
      return { kind: 'view', name: nameOfRangeVar(node.view) };
    case 'IndexStmt':
      // An index lives in its table's schema.
      return typeof node.idxname === 'string' ? { kind: 'index', name: { schema: node.relation?.schemaname || undefined, name: node.idxname } } : undefined;
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return optional('type', nameOfList(node.typeName));
    case 'CreateDomainStmt':
      return optional('type', nameOfList(node.domainname));
    case 'CompositeTypeStmt':
      return { kind: 'type', name: nameOfRangeVar(node.typevar) };
    default:
      return undefined;
  }
}

function optional(kind: ObjectKind, name: WrittenName | undefined): { kind: ObjectKind; name: WrittenName } | undefined {
  return name ? { kind, name } : undefined;
}

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
import { fromNames, fromRangeVar, sameRelation, toModelName, type RelationName } from './relation-names.js';

export type ObjectKind = 'table' | 'index' | 'view' | 'type';

/** Did the current migration create this object, before the current statement? */
export function isNew(context: RuleContext<any>, kind: ObjectKind, name: RelationName): boolean {
  if (namedAtRunTime(context, name)) return true;
  const schema = context.schema;
  // Created by this migration and absent before it. One that existed before was dropped and
  // created again: the statements before the new CREATE still lock the old, busy one.
  if (schema?.isNew(kind, toModelName(name)) && !existedBefore(schema.before, kind, schema.resolve(toModelName(name)))) return true;
  return createdEarlierInPart(context, context.statement, kind, name);
}

/**
 * Is the name, in a statement that an `EXECUTE format('… %I.t …', v)` runs, a variable quoted in
 * (`"{v}"`)? Known only at run time (a loop over tenant schemas), it is no relation the history
 * knows, and a finding about "{v}.t" names nothing a reader can check: treated like a new one.
 */
function namedAtRunTime(context: RuleContext<any>, name: RelationName): boolean {
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
export function dropsNothing(context: RuleContext<any>, statement: Statement, kind: 'table' | 'index' | 'view', name: RelationName): boolean {
  const schema = context.schema;
  const place = context.migration;
  if (!statement.node.missing_ok || !schema || !place || statement.nested) return false;
  const q = schema.resolve(toModelName(name));
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

/** Did a statement before `before`, in the same part, create this object? */
export function createdEarlierInPart(context: RuleContext<any>, before: Statement, kind: ObjectKind, name: RelationName): boolean {
  const creators = creatorsOf(context.statementsOfPart(before)).get(`${kind}\0${name.name}`) ?? [];
  return creators.some((c) => c.statement.index < before.index && sameRelation(c.name, name));
}

/** Does `statement` create the object (for sure: IF NOT EXISTS and OR REPLACE may create nothing)? */
export function creates(statement: Statement, kind: ObjectKind, name: RelationName): boolean {
  const created = createdBy(statement);
  return created !== undefined && created.kind === kind && sameRelation(created.name, name);
}

interface Creator {
  statement: Statement;
  name: RelationName;
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
function createdBy(statement: Statement): { kind: ObjectKind; name: RelationName } | undefined {
  const node = statement.node;
  if (node.if_not_exists || node.replace) return undefined;
  switch (statement.kind) {
    case 'CreateStmt':
      return { kind: 'table', name: fromRangeVar(node.relation) };
    case 'CreateTableAsStmt':
      if (node.objtype === 'OBJECT_TABLE') return { kind: 'table', name: fromRangeVar(node.into?.rel) };
      return node.objtype === 'OBJECT_MATVIEW' ? { kind: 'view', name: fromRangeVar(node.into?.rel) } : undefined;
    case 'ViewStmt':
      return { kind: 'view', name: fromRangeVar(node.view) };
    case 'IndexStmt':
      // An index lives in its table's schema.
      return typeof node.idxname === 'string' ? { kind: 'index', name: { schema: node.relation?.schemaname || undefined, name: node.idxname } } : undefined;
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return optional('type', fromNames(node.typeName));
    case 'CreateDomainStmt':
      return optional('type', fromNames(node.domainname));
    case 'CompositeTypeStmt':
      return { kind: 'type', name: fromRangeVar(node.typevar) };
    default:
      return undefined;
  }
}

function optional(kind: ObjectKind, name: RelationName | undefined): { kind: ObjectKind; name: RelationName } | undefined {
  return name ? { kind, name } : undefined;
}

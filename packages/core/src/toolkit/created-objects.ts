// "Did a statement here create it?" — what a list of statements (a file, a part) creates, indexed
// once per list, so a rule asks per statement with a lookup, not a scan. The migration model
// (`context.schema.isNew`, by identity) answers for the whole history; this answers for the text
// around a statement: a temporary table created and dropped inside one migration, a drop that the
// same file undoes by creating the object again, a file outside any migration set.

import { indexStatements } from '../statement-index.js';
import type { AstNode, Statement } from '../types.js';
import { nameOfList, nameOfRangeVar, sameName, type WrittenName } from './names.js';

export type CreatedKind = 'table' | 'view' | 'function' | 'type' | 'schema' | 'index' | 'sequence' | 'trigger' | 'database';

/** An object as a statement names it. */
export interface CreatedName extends WrittenName {
  /** As written; undefined when unqualified. */
  schema: string | undefined;
  /** Triggers and indexes: the table they are on. */
  table?: WrittenName;
  /** Functions: argument types (normalised), when the statement lists them. */
  args?: string[];
}

/** One object a statement creates; `certain` is false for `IF NOT EXISTS` / `OR REPLACE` (maybe nothing new). */
export interface CreatedObject {
  kind: CreatedKind;
  name: CreatedName;
  certain: boolean;
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
export function objectsCreatedBy(statement: Pick<Statement, 'kind' | 'node'>): CreatedObject[] {
  const node = statement.node;
  switch (statement.kind) {
    case 'CreateStmt':
    case 'CreateForeignTableStmt':
      return [{ kind: 'table', name: nameOfRangeVar(node.relation ?? node.base?.relation), certain: !(node.if_not_exists ?? node.base?.if_not_exists) }];
    case 'CreateTableAsStmt':
      return [{ kind: node.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', name: nameOfRangeVar(node.into?.rel), certain: !node.if_not_exists }];
    case 'SelectStmt':
      return node.intoClause ? [{ kind: 'table', name: nameOfRangeVar(node.intoClause.rel), certain: true }] : [];
    case 'ViewStmt':
      return [{ kind: 'view', name: nameOfRangeVar(node.view), certain: !node.replace }];
    case 'CreateFunctionStmt': {
      const name = nameOfList(node.funcname);
      return name ? [{ kind: 'function', name: { ...name, args: functionArgs(node.parameters) }, certain: !node.replace }] : [];
    }
    case 'CompositeTypeStmt':
      return [{ kind: 'type', name: nameOfRangeVar(node.typevar), certain: true }];
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
      return node.idxname
        ? [{ kind: 'index', name: { schema: node.relation?.schemaname || undefined, name: node.idxname, table: nameOfRangeVar(node.relation) }, certain: !node.if_not_exists }]
        : [];
    case 'CreateSeqStmt':
      return [{ kind: 'sequence', name: nameOfRangeVar(node.sequence), certain: !node.if_not_exists }];
    case 'CreateTrigStmt':
      return [{ kind: 'trigger', name: { schema: undefined, name: String(node.trigname ?? ''), table: nameOfRangeVar(node.relation) }, certain: !node.replace }];
    case 'CreatedbStmt':
      return [{ kind: 'database', name: { schema: undefined, name: String(node.dbname ?? '') }, certain: true }];
    default:
      return [];
  }
}

/** Same object? Unqualified names are in `public`; function arguments count when both sides list them; a trigger is its table's. */
export function sameObject(kind: CreatedKind, a: CreatedName, b: CreatedName): boolean {
  if (a.name !== b.name) return false;
  if (kind === 'trigger') return a.table !== undefined && b.table !== undefined && sameName(a.table, b.table);
  if (kind === 'schema' || kind === 'database') return true;
  if (!sameName(a, b)) return false;
  if (kind === 'function' && a.args && b.args) return a.args.length === b.args.length && a.args.every((t, i) => t === b.args![i]);
  return true;
}

/** One creation in a list of statements. */
export interface Creation extends CreatedObject {
  statement: Statement;
}

/** What the statements create, by kind and bare name: one pass per list, then lookups. */
export function creationsIn(statements: readonly Statement[], kind: CreatedKind, name: string): readonly Creation[] {
  return indexStatements(statements, creationEntries).get(`${kind}\0${name}`) ?? [];
}

function creationEntries(statement: Statement): Array<[string, Creation]> {
  return objectsCreatedBy(statement).map((created) => [`${created.kind}\0${created.name.name}`, { ...created, statement }]);
}

/**
 * Does a statement of `statements` create the object between the statements `after` and `before`
 * (exclusive; undefined: from the start, to the end)? `certainOnly` leaves out `IF NOT EXISTS` and
 * `OR REPLACE`, which may have created nothing.
 */
export function createdBetween(
  statements: readonly Statement[],
  kind: CreatedKind,
  name: CreatedName,
  { after, before, certainOnly = true }: { after?: Statement; before?: Statement; certainOnly?: boolean },
): boolean {
  const from = after?.index ?? -1;
  const to = before?.index ?? Infinity;
  return creationsIn(statements, kind, name.name).some(
    (c) => c.statement.index > from && c.statement.index < to && (c.certain || !certainOnly) && sameObject(kind, c.name, name),
  );
}

// The names a statement gives to objects: the table and columns of CREATE TABLE, an index, a
// constraint (named, or named by Postgres when the SQL gives none), a view, a function, the new
// name of a RENAME … — each with where it is written and what a naming template may mention
// (its table, its columns, the table a foreign key references). References to existing objects
// are not definitions: `CREATE INDEX … ON "Users"` defines an index, not a table.

import type { AstNode, Range, RuleContext, SchemaSnapshot, SqlToken, Statement } from '@migralint/core';
import { generatedName, type GeneratedKind } from './postgres-names.js';
import { findTopLevelKeyword, isKeyword, isName, lastNameIn, readQualifiedName, skipIfExists, tokenAt } from '@migralint/core';

export type NamedKind =
  | 'table'
  | 'column'
  | 'view'
  | 'index'
  | 'uniqueIndex'
  | 'primaryKey'
  | 'foreignKey'
  | 'unique'
  | 'check'
  | 'exclusion'
  | 'sequence'
  | 'function'
  | 'trigger'
  | 'type'
  | 'schema'
  | 'policy';

/** Words for messages. */
export const KIND_LABEL: Record<NamedKind, string> = {
  table: 'Table',
  column: 'Column',
  view: 'View',
  index: 'Index',
  uniqueIndex: 'Unique index',
  primaryKey: 'Primary key',
  foreignKey: 'Foreign key',
  unique: 'Unique constraint',
  check: 'Check constraint',
  exclusion: 'Exclusion constraint',
  sequence: 'Sequence',
  function: 'Function',
  trigger: 'Trigger',
  type: 'Type',
  schema: 'Schema',
  policy: 'Policy',
};

export interface DefinedName {
  kind: NamedKind;
  /** As Postgres stores it: written in the migration, or chosen by Postgres for an unnamed constraint or index. */
  name: string;
  /** The name token, when the SQL writes the name. */
  token?: SqlToken;
  /** Where a finding points: the name token, or the constraint's or index's keyword when it has no name. */
  range: Range;
  /** For an unnamed constraint or index: where a name goes and how (`CONSTRAINT x ` before a constraint, `x ` before `ON`). */
  nameInsertion?: { at: number; text: (name: string) => string };
  /** The table the object belongs to (unqualified). */
  table?: string;
  /** Key columns (constraints, indexes) or the columns a check reads; undefined when unknown. */
  columns?: string[];
  refTable?: string;
  refColumns?: string[];
}

const CONSTRAINT_KINDS: Record<string, GeneratedKind & NamedKind> = {
  CONSTR_PRIMARY: 'primaryKey',
  CONSTR_UNIQUE: 'unique',
  CONSTR_FOREIGN: 'foreignKey',
  CONSTR_CHECK: 'check',
  CONSTR_EXCLUSION: 'exclusion',
};

const CATALOG_CONSTRAINT_KINDS: Record<string, NamedKind> = {
  'primary key': 'primaryKey',
  unique: 'unique',
  'foreign key': 'foreignKey',
  check: 'check',
  exclusion: 'exclusion',
};

const strings = (items: readonly AstNode[] | undefined): string[] =>
  (items ?? []).map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');

const namesOf = new WeakMap<Statement, readonly DefinedName[]>();

/**
 * Every name `statement` defines. Worked out once per statement: identifier-pattern and
 * identifier-needs-quotes both ask, and the answer depends only on the statement and its file.
 */
export function definedNames(context: RuleContext<any>, node: AstNode, statement: Statement): readonly DefinedName[] {
  let names = namesOf.get(statement);
  if (!names) namesOf.set(statement, (names = readDefinedNames(context, node, statement)));
  return names;
}

function readDefinedNames(context: RuleContext<any>, node: AstNode, statement: Statement): DefinedName[] {
  const reader = new NameReader(context, statement);
  switch (statement.kind) {
    case 'CreateStmt':
      return reader.createTable(node);
    case 'AlterTableStmt':
      return reader.alterTable(node);
    case 'IndexStmt':
      return reader.index(node);
    case 'ViewStmt':
      return reader.relation('view', node.view);
    case 'CreateTableAsStmt':
      if (node.into?.rel?.relpersistence === 't') return [];
      return reader.relation(node.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', node.into?.rel);
    case 'CreateSeqStmt':
      if (node.sequence?.relpersistence === 't') return [];
      return reader.relation('sequence', node.sequence);
    case 'CompositeTypeStmt':
      return reader.relation('type', node.typevar);
    case 'CreateFunctionStmt':
      return reader.afterKeyword('function', node.is_procedure ? 'procedure' : 'function', strings(node.funcname));
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return reader.afterKeyword('type', 'type', strings(node.typeName));
    case 'CreateDomainStmt':
      return reader.afterKeyword('type', 'domain', strings(node.domainname));
    case 'CreateTrigStmt':
      return reader.afterKeyword('trigger', 'trigger', [node.trigname], { table: node.relation?.relname });
    case 'CreatePolicyStmt':
      return reader.afterKeyword('policy', 'policy', [node.policy_name], { table: node.table?.relname });
    case 'CreateSchemaStmt':
      return typeof node.schemaname === 'string' ? reader.afterKeyword('schema', 'schema', [node.schemaname]) : [];
    case 'RenameStmt':
      return reader.rename(node);
    default:
      return [];
  }
}

class NameReader {
  private tokenCache: readonly SqlToken[] | undefined;

  constructor(
    private readonly context: RuleContext<any>,
    private readonly statement: Statement,
  ) {}

  /** Scanned only for statements that define something. */
  private get tokens(): readonly SqlToken[] {
    return (this.tokenCache ??= this.context.tokensOf(this.statement));
  }

  /** The name token of a RangeVar (the last part of `schema.name`). */
  private relationToken(rangeVar: AstNode | undefined): SqlToken | undefined {
    if (!rangeVar || typeof rangeVar.location !== 'number') return undefined;
    return lastNameIn(this.tokens, this.context.rangeOf(rangeVar));
  }

  private named(kind: NamedKind, name: string, token: SqlToken | undefined, extra: Partial<DefinedName> = {}): DefinedName[] {
    if (!token || token.value !== name) return [];
    return [{ kind, name, token, range: { start: token.start, end: token.end }, ...extra }];
  }

  relation(kind: NamedKind, rangeVar: AstNode | undefined): DefinedName[] {
    if (typeof rangeVar?.relname !== 'string') return [];
    return this.named(kind, rangeVar.relname, this.relationToken(rangeVar));
  }

  /** `CREATE … <keyword> [IF NOT EXISTS] [schema.]name`: the last part of the name after the first `keyword`. */
  afterKeyword(kind: NamedKind, keyword: string, parts: Array<string | undefined>, extra: Partial<DefinedName> = {}): DefinedName[] {
    const name = parts[parts.length - 1];
    if (typeof name !== 'string') return [];
    const at = this.tokens.findIndex((t) => isKeyword(t, keyword));
    if (at === -1) return [];
    const read = readQualifiedName(this.tokens, skipIfExists(this.tokens, at + 1));
    return this.named(kind, name, read?.tokens[read.tokens.length - 1], extra);
  }

  createTable(node: AstNode): DefinedName[] {
    const relation = node.relation;
    if (relation?.relpersistence === 't' || typeof relation?.relname !== 'string') return [];
    const table: string = relation.relname;
    const out = this.relation('table', relation);
    for (const element of node.tableElts ?? []) {
      if (element.ColumnDef) out.push(...this.column(element.ColumnDef, table));
      else if (element.Constraint) out.push(...this.constraint(element.Constraint, table));
    }
    return out;
  }

  alterTable(node: AstNode): DefinedName[] {
    if (node.objtype !== undefined && node.objtype !== 'OBJECT_TABLE' && node.objtype !== 'OBJECT_FOREIGN_TABLE') return [];
    const table = node.relation?.relname;
    if (typeof table !== 'string') return [];
    const out: DefinedName[] = [];
    for (const item of node.cmds ?? []) {
      const cmd = item.AlterTableCmd;
      if (cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) out.push(...this.column(cmd.def.ColumnDef, table));
      else if (cmd?.subtype === 'AT_AddConstraint' && cmd.def?.Constraint) out.push(...this.constraint(cmd.def.Constraint, table));
    }
    return out;
  }

  private column(def: AstNode, table: string): DefinedName[] {
    const out: DefinedName[] = [];
    if (typeof def.colname === 'string' && typeof def.location === 'number') {
      const at = tokenAt(this.tokens, this.context.rangeOf(def).start);
      out.push(...this.named('column', def.colname, this.tokens[at], { table }));
    }
    for (const item of def.constraints ?? []) {
      if (item.Constraint) out.push(...this.constraint(item.Constraint, table, def.colname));
    }
    return out;
  }

  private constraint(constraint: AstNode, table: string, column?: string): DefinedName[] {
    const kind = CONSTRAINT_KINDS[constraint.contype];
    if (!kind || typeof constraint.location !== 'number') return [];
    const columns = this.constraintColumns(kind, constraint, column);
    const extra: Partial<DefinedName> = { table, ...(columns ? { columns } : {}) };
    if (kind === 'foreignKey') {
      const refTable = constraint.pktable?.relname;
      if (typeof refTable === 'string') extra.refTable = refTable;
      const refColumns = constraint.pk_attrs ? strings(constraint.pk_attrs) : this.primaryKeyOf(constraint.pktable);
      if (refColumns) extra.refColumns = refColumns;
    }
    // The statement's tokens first: the locator then finds the constraint in them instead of
    // scanning a window of text for it (which it does for a statement not scanned yet).
    const tokens = this.tokens;
    const at = tokenAt(tokens, this.context.rangeOf(constraint).start);
    if (typeof constraint.conname === 'string') {
      const token = isKeyword(this.tokens[at], 'constraint') ? this.tokens[at + 1] : undefined;
      return this.named(kind, constraint.conname, token, extra);
    }
    if (at === -1 || !columns) return [];
    const first = this.tokens[at]!;
    const second = this.tokens[at + 1];
    const twoWords = (isKeyword(first, 'primary') || isKeyword(first, 'foreign')) && isKeyword(second, 'key');
    return [
      {
        kind,
        name: generatedName(kind, table, columns),
        range: { start: first.start, end: twoWords ? second!.end : first.end },
        nameInsertion: { at: first.start, text: (name) => `CONSTRAINT ${name} ` },
        ...extra,
      },
    ];
  }

  private constraintColumns(kind: NamedKind, constraint: AstNode, column: string | undefined): string[] | undefined {
    switch (kind) {
      case 'primaryKey':
      case 'unique':
        if (constraint.indexname) return undefined; // USING INDEX: the index's columns
        return constraint.keys ? strings(constraint.keys) : column !== undefined ? [column] : undefined;
      case 'foreignKey':
        return constraint.fk_attrs ? strings(constraint.fk_attrs) : column !== undefined ? [column] : undefined;
      case 'check':
        return columnsRead(constraint.raw_expr);
      case 'exclusion':
        return indexColumnNames((constraint.exclusions ?? []).map((pair: AstNode) => pair?.List?.items?.[0]?.IndexElem ?? {}));
      default:
        return undefined;
    }
  }

  /** The primary key columns of a referenced table, from the replayed schema. */
  private primaryKeyOf(rangeVar: AstNode | undefined): string[] | undefined {
    const schema = this.context.schema;
    if (!schema || typeof rangeVar?.relname !== 'string') return undefined;
    const name = schema.resolve({ ...(rangeVar.schemaname ? { schema: rangeVar.schemaname } : {}), name: rangeVar.relname });
    for (const snapshot of [schema.after, schema.before]) {
      const pk = snapshot.table(name)?.constraints.find((c) => c.kind === 'primary key');
      if (pk) return [...pk.columns];
    }
    return undefined;
  }

  index(node: AstNode): DefinedName[] {
    const table = node.relation?.relname;
    if (typeof table !== 'string') return [];
    const kind: NamedKind = node.unique ? 'uniqueIndex' : 'index';
    const columns = indexColumnNames((node.indexParams ?? []).map((p: AstNode) => p?.IndexElem ?? {}));
    const keyword = this.tokens.findIndex((t) => isKeyword(t, 'index'));
    if (keyword === -1) return [];
    let i = keyword + 1;
    if (isKeyword(this.tokens[i], 'concurrently')) i++;
    i = skipIfExists(this.tokens, i);
    if (typeof node.idxname === 'string') return this.named(kind, node.idxname, this.tokens[i], { table, columns });
    const on = findTopLevelKeyword(this.tokens, 'on', keyword);
    if (on === -1) return [];
    const indexToken = this.tokens[keyword]!;
    return [
      {
        kind,
        name: generatedName('index', table, columns),
        range: { start: indexToken.start, end: indexToken.end },
        nameInsertion: { at: this.tokens[on]!.start, text: (name) => `${name} ` },
        table,
        columns,
      },
    ];
  }

  rename(node: AstNode): DefinedName[] {
    const newname = node.newname;
    if (typeof newname !== 'string') return [];
    let token: SqlToken | undefined;
    for (let i = this.tokens.length - 1; i >= 0; i--) {
      const t = this.tokens[i]!;
      if (isName(t) && t.value === newname) {
        token = t;
        break;
      }
    }
    const table = node.relation?.relname as string | undefined;
    const onTable = table === undefined ? {} : { table };
    switch (node.renameType) {
      case 'OBJECT_TABLE':
      case 'OBJECT_FOREIGN_TABLE':
        return this.named('table', newname, token);
      case 'OBJECT_COLUMN':
        return this.named('column', newname, token, onTable);
      case 'OBJECT_VIEW':
      case 'OBJECT_MATVIEW':
        return this.named('view', newname, token);
      case 'OBJECT_SEQUENCE':
        return this.named('sequence', newname, token);
      case 'OBJECT_FUNCTION':
      case 'OBJECT_PROCEDURE':
      case 'OBJECT_ROUTINE':
        return this.named('function', newname, token);
      case 'OBJECT_TYPE':
      case 'OBJECT_DOMAIN':
        return this.named('type', newname, token);
      case 'OBJECT_SCHEMA':
        return this.named('schema', newname, token);
      case 'OBJECT_TRIGGER':
        return this.named('trigger', newname, token, onTable);
      case 'OBJECT_POLICY':
        return this.named('policy', newname, token, onTable);
      case 'OBJECT_TABCONSTRAINT':
        return this.renamedConstraint(node, newname, token);
      case 'OBJECT_INDEX':
        return this.renamedIndex(node, newname, token);
      default:
        return [];
    }
  }

  /** RENAME CONSTRAINT: what kind of constraint it is comes from the replayed schema. */
  private renamedConstraint(node: AstNode, newname: string, token: SqlToken | undefined): DefinedName[] {
    const schema = this.context.schema;
    const table = node.relation?.relname;
    if (!schema || typeof table !== 'string') return [];
    const name = schema.resolve({ ...(node.relation.schemaname ? { schema: node.relation.schemaname } : {}), name: table });
    const find = (snapshot: SchemaSnapshot, constraint: string) => snapshot.table(name)?.constraints.find((c) => c.name === constraint);
    const info = find(schema.before, node.subname) ?? find(schema.after, newname);
    const kind = info && CATALOG_CONSTRAINT_KINDS[info.kind];
    if (!info || !kind) return [];
    return this.named(kind, newname, token, {
      table,
      columns: [...info.columns],
      ...(info.references ? { refTable: info.references.table.name, refColumns: [...info.references.columns] } : {}),
    });
  }

  /** ALTER INDEX … RENAME: its table and columns come from the replayed schema. */
  private renamedIndex(node: AstNode, newname: string, token: SqlToken | undefined): DefinedName[] {
    const schema = this.context.schema;
    const relation = node.relation;
    if (!schema || typeof relation?.relname !== 'string') return [];
    const old = schema.resolve({ ...(relation.schemaname ? { schema: relation.schemaname } : {}), name: relation.relname });
    const info = schema.before.index(old) ?? schema.after.index({ schema: old.schema, name: newname });
    if (!info) return [];
    // An index that backs a constraint is renamed with it; its name follows the constraint's pattern.
    return this.named(info.unique ? 'uniqueIndex' : 'index', newname, token, { table: info.table.name, columns: [...info.columns] });
  }
}

/** Column names of an index as Postgres names them: the column, the function of an expression, else `expr`; repeats numbered. */
export function indexColumnNames(elements: readonly AstNode[]): string[] {
  const out: string[] = [];
  for (const element of elements) {
    const base: string = element.indexcolname ?? element.name ?? expressionName(element.expr) ?? 'expr';
    let name = base;
    for (let i = 1; out.includes(name); i++) name = `${base}${i}`;
    out.push(name);
  }
  return out;
}

/** FigureColname for the expressions an index can have: a column, a function call, a cast of either. */
function expressionName(expr: AstNode | undefined): string | undefined {
  if (!expr) return undefined;
  if (expr.ColumnRef) return strings(expr.ColumnRef.fields).pop();
  if (expr.FuncCall) return strings(expr.FuncCall.funcname).pop();
  if (expr.TypeCast) return expressionName(expr.TypeCast.arg) ?? strings(expr.TypeCast.typeName?.names).pop();
  if (expr.CoalesceExpr) return 'coalesce';
  if (expr.CaseExpr) return 'case';
  return undefined;
}

/** Columns an expression reads, in order of first appearance (what Postgres counts when naming a check). */
export function columnsRead(expr: AstNode | undefined): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as AstNode;
    if (node.ColumnRef) {
      const name = strings(node.ColumnRef.fields).pop();
      if (name !== undefined && !out.includes(name)) out.push(name);
      return;
    }
    // A subquery's columns are not this table's.
    if (node.SubLink) return visit(node.SubLink.testexpr);
    for (const child of Object.values(node)) visit(child);
  };
  visit(expr);
  return out;
}


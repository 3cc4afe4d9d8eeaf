// Tables: CREATE TABLE (columns, constraints, LIKE, INHERITS, PARTITION OF), CREATE TABLE AS,
// ALTER TABLE's commands, CREATE INDEX, and the cascades a column or constraint change implies.

import type { AstNode, ColumnInfo, IndexInfo, QualifiedName, TableInfo } from '@migralint/core';
import { columnRefs, defElemText, expressionFallback, figureColname, isTrueOption } from './ast.js';
import { indexDependencies, type TableDraft } from './catalog.js';
import { columnDefaultAt, parenthesisedAt, setDefaultExpressions } from './expression-source.js';
import { chooseName, keyOf, sameName, stringList } from './names.js';
import type { Replayer } from './replayer.js';
import { dropForeignKeysTo, dropSequencesOwnedBy, indexesOf } from './dependents.js';

// --- CREATE TABLE -----------------------------------------------------------------------------

export function createTable(r: Replayer, node: AstNode): void {
  const rv = node.relation;
  if (!rv?.relname) return r.note('CREATE TABLE without a name');
  const persistence = rv.relpersistence;
  const name = r.nameForCreate(persistence === 't' && rv.schemaname === undefined ? 'pg_temp' : rv.schemaname, rv.relname);
  const existing = r.catalog.table(name);
  // A stub the replay made for a table it saw used before created (not one the settings declare)
  // knows nothing: the history's definition replaces it.
  const stub = existing !== undefined && existing.createdIn === undefined && !r.externals.isDeclared('table', name);
  if (!stub && (existing || r.catalog.relationExists(name))) {
    if (!node.if_not_exists) r.note(`relation ${name.schema}.${name.name} already exists`);
    return;
  }

  const kind: TableInfo['kind'] = node.partspec ? 'partitioned' : persistence === 't' ? 'temporary' : persistence === 'u' ? 'unlogged' : 'table';
  const draft = r.catalog.putTable({ name, columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind, createdIn: r.migration });
  r.created('table', name);

  // Parents first (INHERITS, PARTITION OF): their columns come before the table's own.
  for (const parentNode of node.inhRelations ?? []) {
    const parentRv = parentNode.RangeVar;
    const parentName = r.findTable(parentRv);
    if (!parentName) {
      r.referenced('table', r.missingName(parentRv?.schemaname, parentRv?.relname ?? ''));
      continue;
    }
    const parent = r.catalog.table(parentName)!;
    for (const column of parent.columns) {
      if (draft.columns.some((c) => c.name === column.name)) continue;
      // A column of its own (an id of its own), with the parent's definition.
      const { identity: _identity, id: _id, ...inherited } = column;
      draft.columns.push(node.partbound ? { ...inherited, ...(column.identity ? { identity: column.identity } : {}) } : inherited);
    }
    for (const constraint of parent.constraints) {
      if (constraint.kind === 'check' && !draft.constraints.some((c) => c.name === constraint.name)) draft.constraints.push(constraint);
    }
  }

  const tableConstraints: AstNode[] = [];
  for (const element of node.tableElts ?? []) {
    if (element.ColumnDef) addColumn(r, draft, element.ColumnDef, false);
    else if (element.Constraint) tableConstraints.push(element.Constraint);
    else if (element.TableLikeClause) copyLike(r, draft, element.TableLikeClause);
  }
  for (const constraint of tableConstraints) addConstraint(r, draft, constraint, undefined, false);
}

// CREATE_TABLE_LIKE_* bits (src/include/nodes/parsenodes.h).
const LIKE_CONSTRAINTS = 1 << 2;
const LIKE_DEFAULTS = 1 << 3;
const LIKE_GENERATED = 1 << 4;
const LIKE_IDENTITY = 1 << 5;
const LIKE_INDEXES = 1 << 6;

function copyLike(r: Replayer, draft: TableDraft, like: AstNode): void {
  const sourceName = r.findTable(like.relation);
  if (!sourceName) {
    r.referenced('table', r.missingName(like.relation?.schemaname, like.relation?.relname ?? ''));
    return r.note(`LIKE ${like.relation?.relname ?? '?'}: the table is not in the catalog, its columns are unknown`);
  }
  const source = r.catalog.table(sourceName)!;
  const options = Number(like.options ?? 0);
  for (const column of source.columns) {
    const copy: ColumnInfo = { name: column.name, type: column.type, notNull: column.notNull };
    if (column.default !== undefined && options & LIKE_DEFAULTS) copy.default = column.default;
    if (column.generated && options & LIKE_GENERATED) copy.generated = column.generated;
    if (column.identity && options & LIKE_IDENTITY) {
      copy.identity = column.identity;
      addOwnedSequence(r, draft.name, column.name);
    }
    draft.columns.push(copy);
  }
  if (options & LIKE_CONSTRAINTS) {
    for (const constraint of source.constraints) if (constraint.kind === 'check') draft.constraints.push(constraint);
  }
  if (options & LIKE_INDEXES) {
    for (const constraint of source.constraints) {
      if (constraint.kind !== 'primary key' && constraint.kind !== 'unique' && constraint.kind !== 'exclusion') continue;
      const label = constraint.kind === 'primary key' ? 'pkey' : constraint.kind === 'unique' ? 'key' : 'excl';
      const indexName = chooseIndexName(r, draft.name, constraint.kind === 'primary key' ? undefined : constraint.columns.join('_'), label);
      draft.constraints.push({ ...constraint, name: indexName });
      putIndex(r, { name: { schema: draft.name.schema, name: indexName }, table: draft.name, columns: constraint.columns, unique: constraint.kind !== 'exclusion', partial: false, expression: false }, []);
    }
    for (const index of indexesOf(r, sourceName)) {
      if (source.constraints.some((c) => c.name === index.name.name)) continue;
      const indexName = chooseIndexName(r, draft.name, index.columns.join('_') || 'expr', 'idx');
      putIndex(r, { ...index, name: { schema: draft.name.schema, name: indexName }, table: draft.name }, indexDependencies.get(index) ?? []);
    }
  }
}

// --- CREATE TABLE AS / SELECT INTO ---------------------------------------------------------------

/** `CREATE TABLE t AS SELECT …`: the table and its column names; types only when a column is copied from a known table. */
export function createTableAs(r: Replayer, into: AstNode, query: AstNode | undefined, ifNotExists: boolean): void {
  const rv = into.rel;
  if (!rv?.relname) return r.note('CREATE TABLE AS without a name');
  const name = r.nameForCreate(rv.relpersistence === 't' && rv.schemaname === undefined ? 'pg_temp' : rv.schemaname, rv.relname);
  if (r.catalog.relationExists(name)) {
    if (!ifNotExists) r.note(`relation ${name.schema}.${name.name} already exists`);
    return;
  }
  const columns = queryColumns(r, query);
  const explicit = stringList(into.colNames);
  explicit.forEach((column, i) => {
    if (columns[i]) columns[i] = { ...columns[i]!, name: column };
    else columns.push({ name: column, type: 'unknown', notNull: false });
  });
  const kind: TableInfo['kind'] = rv.relpersistence === 't' ? 'temporary' : rv.relpersistence === 'u' ? 'unlogged' : 'table';
  r.catalog.putTable({ name, columns, constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind, createdIn: r.migration });
  r.created('table', name);
}

/** Output columns of a simple SELECT: named targets, `*` over one known table, columns copied from it. */
function queryColumns(r: Replayer, query: AstNode | undefined): ColumnInfo[] {
  const select = query?.SelectStmt;
  if (!select) return [];
  const from: AstNode[] = select.fromClause ?? [];
  const single = from.length === 1 && from[0]!.RangeVar ? r.findTable(from[0]!.RangeVar) : undefined;
  const source = single ? r.catalog.table(single) : undefined;
  const out: ColumnInfo[] = [];
  for (const target of select.targetList ?? []) {
    const res = target.ResTarget;
    const ref = res?.val?.ColumnRef;
    if (ref && ref.fields?.some((f: AstNode) => f.A_Star)) {
      for (const column of source?.columns ?? []) out.push({ name: column.name, type: column.type, notNull: false });
      continue;
    }
    const figured = res?.name ?? figureColname(res?.val) ?? '?column?';
    const copied = ref ? source?.columns.find((c) => c.name === figureColname(res.val)) : undefined;
    out.push({ name: figured, type: copied?.type ?? 'unknown', notNull: false });
  }
  return out;
}

// --- columns ------------------------------------------------------------------------------------

/** A ColumnDef of CREATE TABLE or ADD COLUMN, with its column constraints. */
function addColumn(r: Replayer, draft: TableDraft, def: AstNode, inAlter: boolean): void {
  const name: string | undefined = def.colname;
  if (name === undefined) return;
  const { type, serial } = r.type(def.typeName);
  const existingAt = inAlter ? -1 : draft.columns.findIndex((c) => c.name === name);
  // PARTITION OF / INHERITS: `col WITH OPTIONS …` or a redeclared column merges into the inherited one.
  let column: ColumnInfo = existingAt !== -1 ? { ...draft.columns[existingAt]! } : { name, type, notNull: false };
  if (existingAt !== -1 && def.typeName?.names?.length) column.type = type;
  if (serial) {
    const sequence = addOwnedSequence(r, draft.name, name);
    column = { ...column, notNull: true, default: `nextval('${regclassText(sequence)}'::regclass)` };
  }
  if (def.is_not_null) column.notNull = true;
  if (existingAt !== -1) draft.columns[existingAt] = column;
  else draft.columns.push(column);
  const at = existingAt !== -1 ? existingAt : draft.columns.length - 1;
  for (const item of def.constraints ?? []) {
    const constraint = item.Constraint;
    if (constraint) addColumnConstraint(r, draft, at, constraint, inAlter);
  }
}

/**
 * A column constraint. `draft.columns[at]` was made by this statement (addColumn), so it is edited
 * in place; no snapshot has seen it.
 */
function addColumnConstraint(r: Replayer, draft: TableDraft, at: number, constraint: AstNode, inAlter: boolean): void {
  const column = draft.columns[at]!;
  switch (constraint.contype) {
    case 'CONSTR_NOTNULL':
      column.notNull = true;
      return;
    case 'CONSTR_NULL':
      column.notNull = false;
      return;
    case 'CONSTR_DEFAULT':
      column.default = columnDefaultAt(r.file, r.statement, constraint.location) ?? expressionFallback(constraint.raw_expr);
      return;
    case 'CONSTR_IDENTITY':
      column.identity = constraint.generated_when === 'a' ? 'always' : 'by default';
      column.notNull = true;
      addOwnedSequence(r, draft.name, column.name);
      return;
    case 'CONSTR_GENERATED':
      column.generated = constraint.generated_kind === 's' ? 'stored' : 'virtual';
      return;
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_FOREIGN':
    case 'CONSTR_CHECK':
    case 'CONSTR_EXCLUSION':
      addConstraint(r, draft, constraint, column.name, inAlter);
      return;
    default:
      // DEFERRABLE, INITIALLY …, COLLATE: no fact the model keeps.
      return;
  }
}

/** The sequence a serial or identity column gets: `table_column_seq`, owned by the column. */
function addOwnedSequence(r: Replayer, table: QualifiedName, column: string): QualifiedName {
  const seqName = chooseName(table.name, column, 'seq', (n) => r.catalog.relationExists({ schema: table.schema, name: n }));
  const name = { schema: table.schema, name: seqName };
  r.catalog.put('sequences', { name, ownedBy: { table, column } });
  r.created('sequence', name);
  return name;
}

/** How `nextval('…'::regclass)` names a sequence: unqualified in `public`. */
function regclassText(name: QualifiedName): string {
  const quote = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`);
  return name.schema === 'public' ? quote(name.name) : `${quote(name.schema)}.${quote(name.name)}`;
}

// --- constraints --------------------------------------------------------------------------------

/** A table constraint (or a column constraint that is one), with the index it implies. */
function addConstraint(r: Replayer, draft: TableDraft, c: AstNode, column: string | undefined, inAlter: boolean): void {
  const table = draft.name;
  const taken = (n: string) => draft.constraints.some((x) => x.name === n);
  const relationTaken = (n: string) => taken(n) || r.catalog.relationExists({ schema: table.schema, name: n });
  switch (c.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE': {
      const primary = c.contype === 'CONSTR_PRIMARY';
      let columns = c.keys ? stringList(c.keys) : column !== undefined ? [column] : [];
      let name: string | undefined = c.conname;
      if (c.indexname) {
        // ADD … USING INDEX: the index becomes the constraint's, renamed to the constraint's name.
        const indexName = { schema: table.schema, name: c.indexname as string };
        const index = r.catalog.get('indexes', indexName);
        if (index) {
          columns = index.columns;
          r.catalog.remove('indexes', indexName);
        }
        name ??= c.indexname as string;
      }
      name ??= chooseName(table.name, primary ? undefined : columns.join('_'), primary ? 'pkey' : 'key', relationTaken);
      if (primary) setNotNull(draft, columns);
      draft.constraints.push({ name, kind: primary ? 'primary key' : 'unique', columns, notValid: false });
      putIndex(r, { name: { schema: table.schema, name }, table, columns, unique: true, partial: false, expression: false }, [...columns, ...stringList(c.including)]);
      return;
    }
    case 'CONSTR_FOREIGN': {
      const columns = c.fk_attrs ? stringList(c.fk_attrs) : column !== undefined ? [column] : [];
      const target = r.findRelation(c.pktable);
      let targetName: QualifiedName;
      if (target) targetName = target.name;
      else {
        targetName = r.missingName(c.pktable?.schemaname, c.pktable?.relname ?? '');
        r.referenced('table', targetName);
      }
      let targetColumns = stringList(c.pk_attrs);
      if (targetColumns.length === 0) {
        const targetTable = sameName(targetName, table) ? draft : r.catalog.table(targetName);
        targetColumns = targetTable?.constraints.find((x) => x.kind === 'primary key')?.columns ?? [];
      }
      const name = c.conname ?? chooseName(table.name, columns.join('_'), 'fkey', taken);
      draft.constraints.push({ name, kind: 'foreign key', columns, references: { table: targetName, columns: targetColumns }, notValid: inAlter && c.skip_validation === true });
      return;
    }
    case 'CONSTR_CHECK': {
      const refs = columnRefs(c.raw_expr);
      const name = c.conname ?? chooseName(table.name, refs.length === 1 ? refs[0] : undefined, 'check', taken);
      const expression = parenthesisedAt(r.file, r.statement, c.location) ?? expressionFallback(c.raw_expr);
      draft.constraints.push({ name, kind: 'check', columns: refs, notValid: inAlter && c.skip_validation === true, expression });
      return;
    }
    case 'CONSTR_EXCLUSION': {
      const columns: string[] = [];
      const deps: string[] = [];
      let expression = false;
      for (const pair of c.exclusions ?? []) {
        const elem = pair.List?.items?.[0]?.IndexElem;
        if (elem?.name) columns.push(elem.name);
        else if (elem?.expr) {
          expression = true;
          deps.push(...columnRefs(elem.expr));
        }
      }
      const name = c.conname ?? chooseName(table.name, columns.join('_') || 'expr', 'excl', relationTaken);
      draft.constraints.push({ name, kind: 'exclusion', columns, notValid: false });
      putIndex(r, { name: { schema: table.schema, name }, table, columns, unique: false, partial: c.where_clause !== undefined, expression }, [...columns, ...deps, ...columnRefs(c.where_clause)]);
      return;
    }
    case 'CONSTR_NOTNULL':
      // Postgres 18's table-level `NOT NULL col` constraint.
      setNotNull(draft, c.keys ? stringList(c.keys) : column !== undefined ? [column] : []);
      return;
    default:
      return;
  }
}

function setNotNull(draft: TableDraft, columns: readonly string[]): void {
  draft.columns.forEach((column, i) => {
    if (columns.includes(column.name) && !column.notNull) draft.columns[i] = { ...column, notNull: true };
  });
}

/** Drop a constraint by name (and the index it owns). False when the table has no such constraint. */
function dropConstraint(r: Replayer, draft: TableDraft, name: string, cascade: boolean): boolean {
  const at = draft.constraints.findIndex((c) => c.name === name);
  if (at === -1) {
    // Postgres 18 names NOT NULL constraints `table_column_not_null`.
    const column = draft.columns.findIndex((c) => c.notNull && `${draft.name.name}_${c.name}_not_null` === name);
    if (column === -1) return false;
    draft.columns[column] = { ...draft.columns[column]!, notNull: false };
    return true;
  }
  const constraint = draft.constraints[at]!;
  draft.constraints.splice(at, 1);
  if (constraint.kind === 'primary key' || constraint.kind === 'unique' || constraint.kind === 'exclusion') {
    r.catalog.remove('indexes', { schema: draft.name.schema, name });
    // Foreign keys elsewhere that lean on this key go with it only under CASCADE (else Postgres refuses).
    if (cascade) dropForeignKeysTo(r, draft.name, constraint.columns);
  }
  return true;
}

// --- ALTER TABLE ---------------------------------------------------------------------------------

/** ALTER commands with no effect on what the model keeps (storage, statistics, triggers, ownership, …). */
const NO_MODEL_EFFECT = new Set([
  'AT_ChangeOwner', 'AT_SetStatistics', 'AT_SetStorage', 'AT_SetCompression', 'AT_ClusterOn', 'AT_DropCluster',
  'AT_SetTableSpace', 'AT_SetAccessMethod', 'AT_EnableTrig', 'AT_EnableAlwaysTrig', 'AT_EnableReplicaTrig',
  'AT_DisableTrig', 'AT_EnableTrigAll', 'AT_DisableTrigAll', 'AT_EnableTrigUser', 'AT_DisableTrigUser',
  'AT_EnableRule', 'AT_EnableAlwaysRule', 'AT_EnableReplicaRule', 'AT_DisableRule', 'AT_ReplicaIdentity',
  'AT_AddInherit', 'AT_DropInherit', 'AT_AddOf', 'AT_DropOf', 'AT_GenericOptions', 'AT_AlterColumnGenericOptions',
  'AT_SetOptions', 'AT_ResetOptions', 'AT_AttachPartition', 'AT_DetachPartition', 'AT_DetachPartitionFinalize',
  'AT_AlterConstraint', 'AT_SetWithoutOids', 'AT_DropOids', 'AT_SetRelOptions', 'AT_ResetRelOptions', 'AT_ReplaceRelOptions',
  'AT_CookedColumnDefault', 'AT_SplitPartition', 'AT_MergePartitions',
]);

export function alterTable(r: Replayer, node: AstNode): void {
  const objtype: string = node.objtype ?? 'OBJECT_TABLE';
  if (objtype === 'OBJECT_VIEW' || objtype === 'OBJECT_MATVIEW') return alterViewOptions(r, node);
  if (objtype !== 'OBJECT_TABLE' && objtype !== 'OBJECT_FOREIGN_TABLE') return;
  const relation = r.findRelation(node.relation);
  if (relation && relation.kind === 'view') return alterViewOptions(r, node);
  if (relation && relation.kind !== 'table') return;
  const draft = relation ? r.catalog.draft(relation.name) : r.tableToChange(node.relation, node.missing_ok === true);
  if (!draft) return;
  for (const item of node.cmds ?? []) {
    const cmd = item.AlterTableCmd;
    if (cmd) alterTableCommand(r, draft, cmd);
  }
}

function alterTableCommand(r: Replayer, draft: TableDraft, cmd: AstNode): void {
  const subtype: string = cmd.subtype;
  const name: string | undefined = cmd.name;
  const columnAt = name === undefined ? -1 : draft.columns.findIndex((c) => c.name === name);
  const column = columnAt === -1 ? undefined : draft.columns[columnAt];
  const external = draft.createdIn === undefined;
  /** A command on a column the model does not know: a stub column for external tables, else a note. */
  const needColumn = (): number => {
    if (columnAt !== -1) return columnAt;
    if (external && name !== undefined) {
      draft.columns.push(r.stubColumn(name));
      return draft.columns.length - 1;
    }
    if (!cmd.missing_ok) r.note(`${subtype}: column ${name ?? '?'} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
    return -1;
  };

  switch (subtype) {
    case 'AT_AddColumn':
    case 'AT_AddColumnToView': {
      const def = cmd.def?.ColumnDef;
      if (!def) return;
      if (draft.columns.some((c) => c.name === def.colname)) {
        if (!cmd.missing_ok) r.note(`column ${def.colname} of ${draft.name.schema}.${draft.name.name} already exists`);
        return;
      }
      addColumn(r, draft, def, true);
      return;
    }
    case 'AT_DropColumn': {
      if (columnAt === -1) {
        if (!cmd.missing_ok && !external) r.note(`DROP COLUMN: column ${name ?? '?'} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
        return;
      }
      dropColumn(r, draft, name!, cmd.behavior === 'DROP_CASCADE');
      return;
    }
    case 'AT_AlterColumnType': {
      const at = needColumn();
      if (at === -1) return;
      const { type } = r.type(cmd.def?.ColumnDef?.typeName);
      draft.columns[at] = { ...draft.columns[at]!, type };
      return;
    }
    case 'AT_ColumnDefault': {
      const text = cmd.def ? (r.nextSetDefault(() => setDefaultExpressions(r.file, r.statement)) || expressionFallback(cmd.def)) : undefined;
      const at = needColumn();
      if (at === -1) return;
      const { default: _old, ...rest } = draft.columns[at]!;
      draft.columns[at] = text === undefined ? rest : { ...rest, default: text };
      return;
    }
    case 'AT_SetNotNull':
    case 'AT_DropNotNull': {
      const at = needColumn();
      if (at === -1) return;
      draft.columns[at] = { ...draft.columns[at]!, notNull: subtype === 'AT_SetNotNull' };
      return;
    }
    case 'AT_AddIdentity': {
      const at = needColumn();
      if (at === -1) return;
      const when = cmd.def?.Constraint?.generated_when;
      draft.columns[at] = { ...draft.columns[at]!, identity: when === 'a' ? 'always' : 'by default', notNull: true };
      addOwnedSequence(r, draft.name, draft.columns[at]!.name);
      return;
    }
    case 'AT_SetIdentity': {
      const at = needColumn();
      if (at === -1) return;
      for (const option of cmd.def?.List?.items ?? []) {
        const elem = option.DefElem;
        if (elem?.defname !== 'generated') continue;
        const value = elem.arg?.Integer?.ival;
        // `generated` carries the ATTRIBUTE_IDENTITY_* character code: 'a' (97) or 'd' (100).
        draft.columns[at] = { ...draft.columns[at]!, identity: value === 97 ? 'always' : 'by default' };
      }
      return;
    }
    case 'AT_DropIdentity': {
      if (columnAt === -1) {
        if (!cmd.missing_ok && !external) r.note(`DROP IDENTITY: column ${name ?? '?'} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
        return;
      }
      const { identity: _identity, ...rest } = column!;
      draft.columns[columnAt] = rest;
      dropSequencesOwnedBy(r, draft.name, column!.name);
      return;
    }
    case 'AT_SetExpression': {
      const at = needColumn();
      if (at === -1) return;
      draft.columns[at] = { ...draft.columns[at]!, generated: draft.columns[at]!.generated ?? 'stored' };
      return;
    }
    case 'AT_DropExpression': {
      if (columnAt === -1) return;
      const { generated: _generated, ...rest } = column!;
      draft.columns[columnAt] = rest;
      return;
    }
    case 'AT_AddConstraint':
    case 'AT_AddIndexConstraint': {
      const constraint = cmd.def?.Constraint;
      if (!constraint) return;
      if (constraint.conname && draft.constraints.some((c) => c.name === constraint.conname)) {
        return r.note(`constraint ${constraint.conname} of ${draft.name.schema}.${draft.name.name} already exists`);
      }
      addConstraint(r, draft, constraint, undefined, true);
      return;
    }
    case 'AT_DropConstraint': {
      if (name === undefined) return;
      if (!dropConstraint(r, draft, name, cmd.behavior === 'DROP_CASCADE') && !cmd.missing_ok && !external) {
        r.note(`DROP CONSTRAINT: constraint ${name} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
      }
      return;
    }
    case 'AT_ValidateConstraint': {
      const at = draft.constraints.findIndex((c) => c.name === name);
      if (at === -1) {
        if (!external) r.note(`VALIDATE CONSTRAINT: constraint ${name ?? '?'} of ${draft.name.schema}.${draft.name.name} is not in the catalog`);
        return;
      }
      draft.constraints[at] = { ...draft.constraints[at]!, notValid: false };
      return;
    }
    case 'AT_EnableRowSecurity':
      draft.rlsEnabled = true;
      return;
    case 'AT_DisableRowSecurity':
      draft.rlsEnabled = false;
      return;
    case 'AT_ForceRowSecurity':
      draft.rlsForced = true;
      return;
    case 'AT_NoForceRowSecurity':
      draft.rlsForced = false;
      return;
    case 'AT_SetLogged':
      if (draft.kind === 'unlogged') draft.kind = 'table';
      return;
    case 'AT_SetUnLogged':
      if (draft.kind === 'table') draft.kind = 'unlogged';
      return;
    default:
      if (!NO_MODEL_EFFECT.has(subtype)) r.note(`ALTER TABLE ${subtype} is not modelled`);
      return;
  }
}

/** DROP COLUMN: the column, the indexes and constraints over it, its owned sequences; FKs elsewhere under CASCADE. */
function dropColumn(r: Replayer, draft: TableDraft, column: string, cascade: boolean): void {
  draft.columns = draft.columns.filter((c) => c.name !== column);
  for (const constraint of draft.constraints.filter((c) => c.columns.includes(column))) dropConstraint(r, draft, constraint.name, cascade);
  for (const index of indexesOf(r, draft.name)) {
    if (index.columns.includes(column) || indexDependencies.get(index)?.includes(column)) r.catalog.remove('indexes', index.name);
  }
  dropSequencesOwnedBy(r, draft.name, column);
  if (cascade) dropForeignKeysTo(r, draft.name, [column]);
}

// --- views' options (ALTER VIEW … SET / RESET) ------------------------------------------------------

function alterViewOptions(r: Replayer, node: AstNode): void {
  const rv = node.relation;
  const name = r.find(rv?.schemaname, rv?.relname ?? '', (q) => r.catalog.read('views').has(keyOf(q)));
  if (!name) {
    if (!node.missing_ok) r.referenced('view', r.missingName(rv?.schemaname, rv?.relname ?? ''));
    return;
  }
  const before = r.catalog.get('views', name)!;
  let view = before;
  for (const item of node.cmds ?? []) {
    const cmd = item.AlterTableCmd;
    if (cmd?.subtype !== 'AT_SetRelOptions' && cmd?.subtype !== 'AT_ResetRelOptions') continue;
    for (const option of cmd.def?.List?.items ?? []) {
      const elem = option.DefElem;
      if (elem?.defname !== 'security_invoker') continue;
      view = { ...view, securityInvoker: cmd.subtype === 'AT_SetRelOptions' && isTrueOption(defElemText(elem)) };
    }
  }
  if (view !== before) r.catalog.put('views', view);
}

// --- indexes -------------------------------------------------------------------------------------

export function putIndex(r: Replayer, index: IndexInfo, deps: readonly string[]): void {
  // Only what the key columns do not already say (most indexes are plain column lists).
  const extra = deps.filter((d, i) => !index.columns.includes(d) && deps.indexOf(d) === i);
  if (extra.length > 0) indexDependencies.set(index, extra);
  r.catalog.put('indexes', index);
  r.created('index', index.name);
}

function chooseIndexName(r: Replayer, table: QualifiedName, columns: string | undefined, label: string): string {
  return chooseName(table.name, columns, label, (n) => r.catalog.relationExists({ schema: table.schema, name: n }));
}

export function createIndex(r: Replayer, node: AstNode): void {
  const relation = r.findRelation(node.relation);
  let table: QualifiedName;
  if (relation && (relation.kind === 'table' || relation.kind === 'view')) table = relation.name;
  else if (relation) return r.note(`CREATE INDEX on ${relation.kind} ${relation.name.schema}.${relation.name.name}`);
  else {
    const stub = r.tableToChange(node.relation, false);
    if (!stub) return;
    table = stub.name;
  }

  const columns: string[] = [];
  const deps: string[] = [];
  const nameParts: string[] = [];
  let expression = false;
  for (const item of node.indexParams ?? []) {
    const elem = item.IndexElem;
    if (!elem) continue;
    if (elem.name) {
      columns.push(elem.name);
      nameParts.push(elem.indexcolname ?? elem.name);
    } else {
      expression = true;
      deps.push(...columnRefs(elem.expr));
      nameParts.push(elem.indexcolname ?? figureColname(elem.expr) ?? 'expr');
    }
  }
  for (const item of node.indexIncludingParams ?? []) {
    const elem = item.IndexElem;
    if (elem?.name) {
      deps.push(elem.name);
      nameParts.push(elem.name);
    }
  }
  deps.push(...columnRefs(node.whereClause));

  const name = node.idxname
    ? { schema: table.schema, name: node.idxname as string }
    : { schema: table.schema, name: chooseIndexName(r, table, nameParts.join('_'), 'idx') };
  if (r.catalog.relationExists(name)) {
    if (!node.if_not_exists) r.note(`relation ${name.schema}.${name.name} already exists`);
    return;
  }
  putIndex(r, { name, table, columns, unique: node.unique === true, partial: node.whereClause !== undefined, expression }, [...columns, ...deps]);
}

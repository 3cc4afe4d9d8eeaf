// replaySchema: every up part of a MigrationSet, in order, applied to an in-memory catalog; the
// SchemaModel rules read answers "what existed before / after migration i, at the end, and did
// migration i create this object" from the snapshot frozen after each migration (DESIGN.md §2).
// What the replay does not understand goes to `skipped` with a reason; it never throws.
// docs/schema-model.md describes what is modelled.

import type { AstNode, ColumnIdentity, IdentifiedKind, MigrationPart, MigrationSet, ObjectIdentity, QualifiedName, SchemaModel, SchemaSnapshot, Settings, SourceFile, Statement } from '@migralint/core';
import { readExternalObjects, type DeclaredExternals } from './external-objects.js';
import { creationSchema, DEFAULT_SEARCH_PATH, keyOf, lookupSchemas } from './names.js';
import { Replayer, type CreatedKind, type SkippedStatement } from './replayer.js';
import { drop, rename, setSchema } from './replay-cascade.js';
import { rememberBody, replayCalls, replayDo } from './replay-bodies.js';
import {
  alterEnum,
  alterFunction,
  alterPolicy,
  alterSequence,
  createComposite,
  createDomain,
  createEnum,
  createExtension,
  createFunction,
  createMaterializedView,
  createPolicy,
  createRange,
  createSchema,
  createSequence,
  createView,
  noteGrantReferences,
  noteTriggerReferences,
  searchPathOfSelect,
  searchPathOfSet,
} from './replay-objects.js';
import { alterTable, createIndex, createTable, createTableAs } from './replay-tables.js';
import { Snapshot } from './snapshot.js';

export interface ReplaySchemaInput {
  set: MigrationSet;
  /** The parsed files of the run by `SourceFile.path` (the paths parts name). */
  files: ReadonlyMap<string, SourceFile>;
  /** Reads `externalObjects` (see ExternalObjectsSetting). */
  settings: Settings;
}

export function replaySchema(input: ReplaySchemaInput): SchemaModel {
  const r = new Replayer();
  declareExternals(r, readExternalObjects(input.settings));
  r.catalog.freeze(); // state 0: before(0), the external objects only
  const places = new PlaceIndex();

  input.set.migrations.forEach((migration, i) => {
    for (const part of migration.up) replayPart(r, i, part, input.files, places, true);
    // Down parts change nothing, but their search_path still steers `resolve()` inside them.
    for (const part of migration.down) replayPart(r, i, part, input.files, places, false);
    r.catalog.freeze(); // state i + 1: after(i)
  });
  return new ReplayedSchema(input.set.migrations.length, r, places);
}

function declareExternals(r: Replayer, declared: DeclaredExternals): void {
  const schemas = r.catalog.write('schemas');
  // Every database starts with `public` (it can be dropped and created again like any schema).
  schemas.set('public', { name: 'public' });
  const declareSchema = (name: string) => {
    if (name === 'public') return;
    schemas.set(name, { name, declared: true });
    r.externals.declare('schema', { schema: name, name });
  };
  declared.schemas.forEach(declareSchema);
  for (const name of declared.tables) {
    declareSchema(name.schema);
    r.externals.declare('table', name);
    r.catalog.putTable({ name, columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind: 'table' });
  }
  for (const name of declared.views) {
    declareSchema(name.schema);
    r.externals.declare('view', name);
    r.catalog.put('views', { name, materialized: false, securityInvoker: false, reads: [] });
  }
  for (const name of declared.functions) {
    declareSchema(name.schema);
    r.externals.declare('function', name);
  }
  for (const name of declared.types) {
    declareSchema(name.schema);
    r.externals.declare('type', name);
  }
}

function replayPart(r: Replayer, migration: number, part: MigrationPart, files: ReadonlyMap<string, SourceFile>, places: PlaceIndex, apply: boolean): void {
  const file = files.get(part.file);
  places.addPart(part, migration);
  if (!file) {
    if (apply) r.skipped.push({ file: part.file, offset: part.range.start, kind: 'File', reason: 'the file of this part was not parsed' });
    return;
  }
  if (apply) r.catalog.identities.startPart(migration, part);
  // Every part runs in a session of its own as far as the model knows: the default search_path.
  r.searchPath = DEFAULT_SEARCH_PATH;
  for (const statement of file.statements) {
    if (statement.start < part.range.start || statement.end > part.range.end) continue;
    r.begin(migration, file, statement);
    const path = searchPathChange(statement, r.searchPath);
    if (path) {
      r.searchPath = path;
      places.addSearchPath(file.path, statement.end, part, path);
      continue;
    }
    if (!apply) continue;
    try {
      applyStatement(r, statement.kind, statement.node);
    } catch (error) {
      // A statement shape the handlers did not expect: the model stays usable, the run goes on.
      r.note(`replay error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** How a statement changes the search_path (`SET search_path`, `set_config`), if it does. */
export function searchPathChange(statement: Statement, current: readonly string[]): readonly string[] | undefined {
  if (statement.kind === 'VariableSetStmt') return searchPathOfSet(statement.node, current);
  if (statement.kind === 'SelectStmt' && !statement.node.intoClause) return searchPathOfSelect(statement.node);
  return undefined;
}

/** Statements that change nothing the model keeps: not applied, not reported as skipped. */
const NO_MODEL_EFFECT = new Set([
  'TransactionStmt', 'CommentStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'SelectStmt', 'CopyStmt',
  'TruncateStmt', 'VacuumStmt', 'ClusterStmt', 'ReindexStmt', 'ExplainStmt', 'NotifyStmt', 'ListenStmt', 'UnlistenStmt',
  'LockStmt', 'RefreshMatViewStmt', 'CheckPointStmt', 'DiscardStmt', 'VariableShowStmt', 'VariableSetStmt',
  'PrepareStmt', 'ExecuteStmt', 'DeallocateStmt', 'AlterSystemStmt', 'LoadStmt', 'ConstraintsSetStmt',
  'GrantRoleStmt', 'AlterDefaultPrivilegesStmt', 'AlterOwnerStmt', 'CreateRoleStmt', 'AlterRoleStmt', 'AlterRoleSetStmt',
  'DropRoleStmt', 'DropOwnedStmt', 'ReassignOwnedStmt', 'CreatePublicationStmt', 'AlterPublicationStmt',
  'CreateSubscriptionStmt', 'AlterSubscriptionStmt', 'DropSubscriptionStmt', 'CreateStatsStmt', 'AlterStatsStmt',
  'CreateEventTrigStmt', 'AlterEventTrigStmt', 'AlterExtensionStmt', 'AlterExtensionContentsStmt', 'AlterDomainStmt',
  'AlterDatabaseStmt', 'AlterDatabaseSetStmt', 'AlterDatabaseRefreshCollStmt', 'CreatedbStmt', 'DropdbStmt',
  'SecLabelStmt', 'AlterTSConfigurationStmt', 'AlterTSDictionaryStmt', 'CreateTableSpaceStmt', 'AlterTableSpaceOptionsStmt',
  'DropTableSpaceStmt', 'AlterCollationStmt', 'AlterOperatorStmt', 'AlterTypeStmt', 'CreateForeignServerStmt',
  'AlterForeignServerStmt', 'CreateUserMappingStmt', 'AlterUserMappingStmt', 'DropUserMappingStmt', 'CreateFdwStmt',
  'AlterFdwStmt', 'ImportForeignSchemaStmt', 'ReturnStmt', 'PLAssignStmt', 'CreateCastStmt', 'CreateTransformStmt',
  'CreateConversionStmt', 'CreateOpClassStmt', 'CreateOpFamilyStmt', 'AlterOpFamilyStmt', 'CreatePLangStmt',
  'CreateAmStmt', 'CreateTrigStmt', 'GrantStmt',
]);

/** Applies one statement; a tree shape the handlers did not expect is noted as skipped, never thrown. */
export function applyReplayStatement(r: Replayer, kind: string, node: AstNode): void {
  try {
    applyStatement(r, kind, node);
  } catch (error) {
    r.note(`replay error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function applyStatement(r: Replayer, kind: string, node: AstNode): void {
  switch (kind) {
    case 'CreateStmt':
      return createTable(r, node);
    case 'AlterTableStmt':
      return alterTable(r, node);
    case 'IndexStmt':
      return createIndex(r, node);
    case 'DropStmt':
      return drop(r, node);
    case 'RenameStmt':
      return rename(r, node);
    case 'AlterObjectSchemaStmt':
      return setSchema(r, node);
    case 'CreateTableAsStmt':
      if (node.objtype === 'OBJECT_MATVIEW') return createMaterializedView(r, node);
      if (node.into) return createTableAs(r, node.into, node.query, node.if_not_exists === true);
      return;
    case 'SelectStmt':
      if (node.intoClause) return createTableAs(r, node.intoClause, { SelectStmt: node }, false);
      return replayCalls(r, node, applyStatement);
    case 'ViewStmt':
      return createView(r, node);
    case 'CreateFunctionStmt':
      createFunction(r, node);
      return rememberBody(r, node);
    case 'AlterFunctionStmt':
      return alterFunction(r, node);
    case 'CreateEnumStmt':
      return createEnum(r, node);
    case 'AlterEnumStmt':
      return alterEnum(r, node);
    case 'CompositeTypeStmt':
      return createComposite(r, node);
    case 'CreateDomainStmt':
      return createDomain(r, node);
    case 'CreateRangeStmt':
      return createRange(r, node);
    case 'CreateSeqStmt':
      return createSequence(r, node);
    case 'AlterSeqStmt':
      return alterSequence(r, node);
    case 'CreateSchemaStmt':
      return createSchema(r, node, (elementKind, element) => applyStatement(r, elementKind, element));
    case 'CreateExtensionStmt':
      return createExtension(r, node);
    case 'CreatePolicyStmt':
      return createPolicy(r, node);
    case 'AlterPolicyStmt':
      return alterPolicy(r, node);
    case 'CreateTrigStmt':
      return noteTriggerReferences(r, node);
    case 'GrantStmt':
      return noteGrantReferences(r, node);
    case 'DoStmt':
      return replayDo(r, applyStatement);
    case 'CallStmt':
      return replayCalls(r, node, applyStatement);
    case 'RuleStmt':
      return r.note('rules are not modelled');
    case 'DefineStmt':
      return r.note(`CREATE ${String(node.kind ?? '').replace(/^OBJECT_/, '')} is not modelled`);
    case 'CreateForeignTableStmt':
      return r.note('foreign tables are not modelled');
    case 'ParseError':
      return r.note('the statement did not parse');
    default:
      if (!NO_MODEL_EFFECT.has(kind)) r.note(`${kind} is not modelled`);
      return;
  }
}

// --- where statements are: parts, search_path changes -------------------------------------------------

interface PartPlace {
  start: number;
  end: number;
  migration: number;
}

interface SearchPathChange {
  /** Takes effect from this offset (the end of the SET statement) to the end of its part. */
  offset: number;
  partStart: number;
  partEnd: number;
  path: readonly string[];
}

class PlaceIndex {
  private readonly parts = new Map<string, PartPlace[]>();
  private readonly paths = new Map<string, SearchPathChange[]>();

  addPart(part: MigrationPart, migration: number): void {
    const list = this.parts.get(part.file);
    const place = { start: part.range.start, end: part.range.end, migration };
    if (list) list.push(place);
    else this.parts.set(part.file, [place]);
  }

  addSearchPath(file: string, offset: number, part: MigrationPart, path: readonly string[]): void {
    const change = { offset, partStart: part.range.start, partEnd: part.range.end, path };
    const list = this.paths.get(file);
    if (list) list.push(change);
    else this.paths.set(file, [change]);
  }

  migrationAt(file: string, offset: number): number | undefined {
    return this.parts.get(file)?.find((p) => p.start <= offset && offset <= p.end)?.migration;
  }

  searchPathAt(file: string, offset: number): readonly string[] {
    let path: readonly string[] = DEFAULT_SEARCH_PATH;
    for (const change of this.paths.get(file) ?? []) {
      if (change.offset <= offset && change.partStart <= offset && offset <= change.partEnd) path = change.path;
    }
    return path;
  }
}

// --- the SchemaModel ---------------------------------------------------------------------------------

class ReplayedSchema implements SchemaModel {
  readonly skipped: SkippedStatement[];
  private readonly snapshots = new Map<number, Snapshot>();

  constructor(
    private readonly migrations: number,
    private readonly replayer: Replayer,
    private readonly places: PlaceIndex,
  ) {
    this.skipped = replayer.skipped;
  }

  /** State `n` is the catalog after `n` migrations; indexes outside the history are clamped. */
  private at(n: number): SchemaSnapshot {
    const state = Math.max(0, Math.min(Math.trunc(n) || 0, this.migrations));
    let snapshot = this.snapshots.get(state);
    if (!snapshot) this.snapshots.set(state, (snapshot = new Snapshot(this.replayer.catalog.maps, state, this.replayer.externals)));
    return snapshot;
  }

  before(index: number): SchemaSnapshot {
    return this.at(index);
  }

  after(index: number): SchemaSnapshot {
    return this.at(index + 1);
  }

  atEnd(): SchemaSnapshot {
    return this.at(this.migrations);
  }

  createdIn(index: number, kind: CreatedKind, name: QualifiedName): boolean {
    // A schema is named by `name` (its `schema` field may say anything).
    const created = this.replayer.createdBy.get(index);
    if (created?.has(kind, kind === 'schema' ? { schema: name.name, name: name.name } : name)) return true;
    return kind === 'table' && this.after(index).table(name)?.createdIn === index;
  }

  identify(index: number, at: { file: string; offset: number }, kind: IdentifiedKind, name: QualifiedName): ObjectIdentity | undefined {
    const identities = this.replayer.catalog.identities;
    const found = identities.resolve(index, at, kind, keyOf(name));
    const id = found.bound ? found.id : objectIn(this.before(index), kind, name)?.id;
    if (id === undefined) return undefined;
    const createdIn = identities.originOf(id);
    if (createdIn === index) return { id, createdIn };
    const renamedFrom = found.bound ? identities.nameBefore(index, id) : undefined;
    const nameBefore = renamedFrom === undefined ? name : parseKey(renamedFrom);
    return { id, ...(createdIn !== undefined ? { createdIn } : {}), nameBefore };
  }

  identifyColumn(index: number, at: { file: string; offset: number }, table: QualifiedName, column: string): ColumnIdentity | undefined {
    const owner = this.identify(index, at, 'table', table);
    if (!owner) return undefined;
    const identities = this.replayer.catalog.identities;
    const found = identities.resolve(index, at, owner.id, column);
    const tableBefore = owner.nameBefore ? this.before(index).table(owner.nameBefore) : undefined;
    const id = found.bound ? found.id : tableBefore?.columns.find((c) => c.name === column)?.id;
    if (id === undefined) return undefined;
    const createdIn = identities.originOf(id);
    const before = createdIn === index ? undefined : tableBefore?.columns.find((c) => c.id === id);
    return { id, ...(createdIn !== undefined ? { createdIn } : {}), ...(before ? { before } : {}) };
  }

  private tempTables?: boolean;

  /** Did any state of the history hold a table in `pg_temp`? */
  private hasTempTables(): boolean {
    this.tempTables ??= this.replayer.catalog.maps.tables.anyKeyEver((key) => key.startsWith('pg_temp\0'));
    return this.tempTables;
  }

  resolve(name: { schema?: string; name: string }, at?: { file: string; offset: number }): QualifiedName {
    if (name.schema !== undefined) return { schema: name.schema, name: name.name };
    const path = at ? this.places.searchPathAt(at.file, at.offset) : DEFAULT_SEARCH_PATH;
    // Rules ask for most names, most histories have no temporary table and one schema to look in:
    // then the answer needs no lookup.
    if (!this.hasTempTables() && lookupSchemas(path).length <= 1) return { schema: creationSchema(path), name: name.name };
    // The first schema of the path holding the name, before or after the place's migration (a DROP
    // looks at what was there, a CREATE at what it made); temporary tables come first, as in Postgres.
    const migration = at ? this.places.migrationAt(at.file, at.offset) : undefined;
    const snapshots = migration === undefined ? [this.atEnd()] : [this.before(migration), this.after(migration)];
    const temp = { schema: 'pg_temp', name: name.name };
    if (snapshots.some((s) => s.table(temp))) return temp;
    const schemas = lookupSchemas(path);
    if (schemas.length > 1) {
      for (const schema of schemas) {
        const q = { schema, name: name.name };
        if (snapshots.some((s) => s.table(q) || s.view(q) || s.index(q) || s.sequence(q) || s.type(q) || s.functions(q).length > 0)) return q;
      }
    }
    return { schema: creationSchema(path), name: name.name };
  }
}

/** The object of that kind and name in a snapshot. */
function objectIn(snapshot: SchemaSnapshot, kind: IdentifiedKind, name: QualifiedName): { id?: number } | undefined {
  switch (kind) {
    case 'table':
      return snapshot.table(name);
    case 'view':
      return snapshot.view(name);
    case 'index':
      return snapshot.index(name);
    case 'sequence':
      return snapshot.sequence(name);
    case 'type':
      return snapshot.type(name);
  }
}

/** A catalog key (`keyOf`) back to the name. */
function parseKey(key: string): QualifiedName {
  const at = key.indexOf('\0');
  return { schema: key.slice(0, at), name: key.slice(at + 1) };
}

export { externalObjectsSchema, type ExternalObjectsSetting } from './external-objects.js';

// The replay state shared by the statement handlers: the catalog, the place in the history
// (migration, file, statement), the search_path in effect, and the bookkeeping the SchemaModel
// answers from (what each migration created, what was skipped, what is external).

import type { AstNode, ColumnInfo, QualifiedName, SourceFile, Statement, TableInfo } from '@migralint/core';
import { Catalog, type TableDraft } from './catalog.js';
import { ExternalRegistry, type ExternalKind } from './external-objects.js';
import { creationSchema, DEFAULT_SEARCH_PATH, keyOf, lookupSchemas } from './names.js';
import { normaliseType, type NormalisedType, type TypeResolver } from './type-name.js';

export type CreatedKind = 'table' | 'index' | 'view' | 'function' | 'type' | 'sequence' | 'schema';

export interface SkippedStatement {
  file: string;
  offset: number;
  kind: string;
  reason: string;
}

/** A relation found by name: which map holds it. */
export interface FoundRelation {
  kind: 'table' | 'view' | 'index' | 'sequence';
  name: QualifiedName;
}

/** Schemas that exist without being created and are never reported as external. */
const BUILT_IN_SCHEMAS = new Set(['public', 'pg_catalog', 'pg_temp', 'information_schema', 'pg_toast']);

/**
 * Names of objects by kind and schema. Nested maps rather than one key string per name: a big
 * migration creates hundreds of thousands of objects, and the parts are strings held anyway.
 */
export class CreatedNames {
  private readonly byKind = new Map<CreatedKind, Map<string, Set<string>>>();

  add(kind: CreatedKind, name: QualifiedName): void {
    let schemas = this.byKind.get(kind);
    if (!schemas) this.byKind.set(kind, (schemas = new Map()));
    const names = schemas.get(name.schema);
    if (names) names.add(name.name);
    else schemas.set(name.schema, new Set([name.name]));
  }

  has(kind: CreatedKind, name: QualifiedName): boolean {
    return this.byKind.get(kind)?.get(name.schema)?.has(name.name) ?? false;
  }
}

export class Replayer implements TypeResolver {
  readonly catalog = new Catalog();
  readonly externals: ExternalRegistry;
  readonly skipped: SkippedStatement[] = [];
  /** The objects each migration created. */
  readonly createdBy = new Map<number, CreatedNames>();

  migration = -1;
  file!: SourceFile;
  statement!: Statement;
  /** The search_path in effect: reset at the start of every part, changed by `SET search_path`. */
  searchPath: readonly string[] = DEFAULT_SEARCH_PATH;
  private hasTemp = false;
  private setDefaults: string[] | undefined;

  /** `externals`: the registry to start from (a replay seeded from another one), else an empty one. */
  constructor(externals = new ExternalRegistry()) {
    this.externals = externals;
  }

  /** Start a statement: handlers read the place from here. */
  begin(migration: number, file: SourceFile, statement: Statement): void {
    // The previous statement's column changes are recorded at its own place.
    this.catalog.endStatement();
    this.catalog.identities.at(migration, statement.start);
    this.migration = migration;
    this.file = file;
    this.statement = statement;
    this.setDefaults = undefined;
  }

  note(reason: string, kind: string = this.statement.kind): void {
    this.skipped.push({ file: this.file.path, offset: this.statement.start, kind, reason });
  }

  created(kind: CreatedKind, name: QualifiedName): void {
    let names = this.createdBy.get(this.migration);
    if (!names) this.createdBy.set(this.migration, (names = new CreatedNames()));
    names.add(kind, name);
    if (kind === 'table' || kind === 'view' || kind === 'function' || kind === 'type' || kind === 'schema') this.externals.markCreated(kind, name);
    if (kind === 'table' && name.schema === 'pg_temp') this.hasTemp = true;
  }

  /** A rename or move of an object this migration created: the new name counts as created here too. */
  carryCreated(kind: CreatedKind, from: QualifiedName, to: QualifiedName): void {
    const names = this.createdBy.get(this.migration);
    if (names?.has(kind, from)) names.add(kind, to);
    if (this.externals.wasCreated(kind as ExternalKind, from) && kind !== 'index' && kind !== 'sequence') this.externals.markCreated(kind as ExternalKind, to);
  }

  /** A column of an external table the history uses without having created it: there before the history. */
  stubColumn(name: string): ColumnInfo {
    return { name, type: 'unknown', notNull: false, id: this.catalog.identities.newId(true) };
  }

  // --- names ------------------------------------------------------------------------------------

  /** Where an unqualified CREATE puts its object. */
  creationSchema(): string {
    return creationSchema(this.searchPath);
  }

  /** The name a CREATE gives its object (`schema` as written, else the search_path's target). */
  nameForCreate(schema: string | undefined, name: string): QualifiedName {
    const target = { schema: schema ?? this.creationSchema(), name };
    this.ensureSchema(target.schema);
    return target;
  }

  /** The first schema of the search_path where `has` finds `name` (an explicit schema is taken as is). */
  find(schema: string | undefined, name: string, has: (name: QualifiedName) => boolean): QualifiedName | undefined {
    if (schema !== undefined) {
      const q = { schema, name };
      return has(q) ? q : undefined;
    }
    if (this.hasTemp) {
      const temp = { schema: 'pg_temp', name };
      if (has(temp)) return temp;
    }
    for (const s of lookupSchemas(this.searchPath)) {
      const q = { schema: s, name };
      if (has(q)) return q;
    }
    return undefined;
  }

  /** The name a lookup that found nothing stands for: where Postgres would have looked first. */
  missingName(schema: string | undefined, name: string): QualifiedName {
    return { schema: schema ?? this.creationSchema(), name };
  }

  findRelation(rv: AstNode | undefined): FoundRelation | undefined {
    if (!rv?.relname) return undefined;
    const name: string = rv.relname;
    if (rv.schemaname !== undefined) return this.relationIn(rv.schemaname, name);
    if (this.hasTemp) {
      const temp = this.relationIn('pg_temp', name);
      if (temp) return temp;
    }
    for (const schema of lookupSchemas(this.searchPath)) {
      const found = this.relationIn(schema, name);
      if (found) return found;
    }
    return undefined;
  }

  private relationIn(schema: string, name: string): FoundRelation | undefined {
    const key = keyOf({ schema, name });
    const maps = this.catalog.maps;
    const kind: FoundRelation['kind'] | undefined = maps.tables.has(key)
      ? 'table'
      : maps.views.has(key)
        ? 'view'
        : maps.indexes.has(key)
          ? 'index'
          : maps.sequences.has(key)
            ? 'sequence'
            : undefined;
    return kind ? { kind, name: { schema, name } } : undefined;
  }

  findTable(rv: AstNode | undefined): QualifiedName | undefined {
    if (!rv?.relname) return undefined;
    return this.find(rv.schemaname, rv.relname, (q) => this.catalog.read('tables').has(keyOf(q)));
  }

  /**
   * The table a statement changes, as a draft. A table the history never created becomes an external
   * stub (no columns, `createdIn` undefined) so later statements can still attach facts to it.
   * Undefined when the name is another kind of relation, or missing and `missingOk`.
   */
  tableToChange(rv: AstNode | undefined, missingOk: boolean): TableDraft | undefined {
    if (!rv?.relname) return undefined;
    const found = this.findTable(rv);
    if (found) return this.catalog.draft(found);
    if (missingOk) return undefined;
    const other = this.findRelation(rv);
    if (other) return undefined;
    const name = this.missingName(rv.schemaname, rv.relname);
    this.referenced('table', name);
    const stub: TableInfo = { name, columns: [], constraints: [], rlsEnabled: false, rlsForced: false, policies: [], kind: 'table', id: this.catalog.identities.newId(true) };
    // Never seen before: it existed before the history began. Seen before (created, then dropped):
    // the history is broken here; the stub starts now.
    return this.catalog.putExternalTable(stub) ?? this.catalog.putTable(stub);
  }

  /** A statement used an object that is not in the catalog: remember it as external. */
  referenced(kind: ExternalKind, name: QualifiedName): void {
    this.externals.referenced(kind, name);
    if (kind !== 'schema') this.ensureSchema(name.schema);
  }

  /** Make sure a schema an object lives in is listed; one the history never created is external. */
  ensureSchema(schema: string): void {
    if (BUILT_IN_SCHEMAS.has(schema) || this.catalog.read('schemas').has(schema)) return;
    this.externals.referenced('schema', { schema, name: schema });
    const schemas = this.catalog.write('schemas');
    if (!schemas.setFromStart(schema, { name: schema, external: true })) schemas.set(schema, { name: schema, external: true });
  }

  // --- types ------------------------------------------------------------------------------------

  userType(schema: string | undefined, name: string): QualifiedName | undefined {
    const types = this.catalog.read('types');
    // Most histories define few types: skip the search_path walk when there are none.
    if (types.size === 0 && schema === undefined) return undefined;
    const found = this.find(schema, name, (q) => types.has(keyOf(q)));
    if (!found && schema !== undefined && !BUILT_IN_SCHEMAS.has(schema)) this.referenced('type', { schema, name });
    return found;
  }

  type(typeName: AstNode | undefined): NormalisedType {
    return normaliseType(typeName, this);
  }

  // --- per-statement text -----------------------------------------------------------------------

  /** The next `SET DEFAULT` expression text of the current ALTER TABLE statement. */
  nextSetDefault(read: () => string[]): string | undefined {
    this.setDefaults ??= read();
    return this.setDefaults.shift();
  }
}

// The migration project model as the engine and rules see it (DESIGN.md §2–§3). Core defines the
// shapes; @migralint/migrations builds them (layouts, ordering, transaction modes, schema replay)
// and hands its builder to the engine (`runEngine(options, { buildModel })`), so core never
// depends on it. Rules always get a model: `context.project.model` is never undefined.

import type { Range, ReportDescriptor, Settings, SourceFile, Statement } from './types.js';

export type LayoutName =
  | 'supabase'
  | 'golang-migrate'
  | 'paired-down'
  | 'dbmate'
  | 'goose'
  | 'flyway'
  | 'sqitch'
  | 'prisma'
  | 'directory-per-migration'
  | 'drizzle'
  | 'plain';

export type Direction = 'up' | 'down';

/**
 * How the runner executes a part: `transaction` — every statement inside one transaction (the
 * runner's BEGIN/COMMIT, or a multi-statement simple query's implicit one); `none` — statement by
 * statement in autocommit. Explicit BEGIN/COMMIT in the file is tracked per statement on top.
 */
export type TransactionMode = 'transaction' | 'none';

/** One piece of SQL the runner applies: a whole file, or a section of one (dbmate, goose). */
export interface MigrationPart {
  /** Path as in `SourceFile.path`. */
  file: string;
  direction: Direction;
  /** UTF-16 range of the part in its file (the whole text for file-per-part layouts). */
  range: Range;
  transaction: TransactionMode;
  /**
   * The transaction is only the implicit block of a multi-statement query (golang-migrate, dbmate
   * `transaction:false`, Prisma): an explicit BEGIN/COMMIT inside the part takes it over instead of
   * nesting, and CONCURRENTLY still fails. Undefined/false: the runner itself issued BEGIN.
   */
  implicit?: boolean;
  /** Why that mode, citing the runner's behaviour (shown in docs, JSON and `--debug`). */
  transactionReason: string;
}

export interface Migration {
  /** Position in the ordered history, from 0. */
  index: number;
  /** The version as the runner reads it (`20260219120000`, `001`, `1.2`, a sqitch change name). */
  version: string;
  name: string;
  up: MigrationPart[];
  down: MigrationPart[];
  /** Flyway repeatable (`R__`) and the like: re-applied when changed, outside the version order. */
  repeatable?: boolean;
}

export interface MigrationSet {
  layout: LayoutName;
  /** The migrations directory (in the files' path form). */
  dir: string;
  /** The layout can express a down (golang-migrate, dbmate, …); Supabase, Prisma, plain cannot. */
  supportsDown: boolean;
  migrations: Migration[];
}

/** What the layout analysis found wrong (duplicate versions, files the runner skips, …). */
export interface LayoutFinding {
  /** A `migrations/*` rule id. */
  ruleId: string;
  file: string;
  descriptor: ReportDescriptor;
}

/** Where a statement sits in the history. */
export interface StatementPlace {
  set: MigrationSet;
  migration: Migration;
  part: MigrationPart;
  /** Inside a transaction when it runs: the part's mode, or an explicit BEGIN … COMMIT around it. */
  inTransaction: boolean;
}

export interface QualifiedName {
  schema: string;
  name: string;
}

/** Objects the replayed catalog knows. Kept deliberately plain: rules read them, never mutate. */
export interface ColumnInfo {
  name: string;
  /** Stable identity in the replay: a rename or move keeps it (a create makes a new one). */
  id?: number;
  /** Type as written, normalised (`int4`, `varchar(255)`, `text[]`, `public.mood`). */
  type: string;
  notNull: boolean;
  default?: string;
  identity?: 'always' | 'by default';
  generated?: 'stored' | 'virtual';
}

export interface ConstraintInfo {
  name: string;
  kind: 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclusion' | 'not null';
  columns: string[];
  /** Foreign keys: the referenced table and columns. */
  references?: { table: QualifiedName; columns: string[] };
  /** `NOT VALID` and not validated since. */
  notValid: boolean;
  /** Deparsed expression for checks. */
  expression?: string;
}

export interface IndexInfo {
  name: QualifiedName;
  /** Stable identity in the replay: a rename or move keeps it (a create makes a new one). */
  id?: number;
  table: QualifiedName;
  columns: string[];
  unique: boolean;
  partial: boolean;
  expression: boolean;
}

export interface PolicyInfo {
  name: string;
  command: 'all' | 'select' | 'insert' | 'update' | 'delete';
  roles: string[];
  permissive: boolean;
  using?: string;
  withCheck?: string;
}

export interface TableInfo {
  name: QualifiedName;
  /** Stable identity in the replay: a rename or move keeps it (a create makes a new one). */
  id?: number;
  columns: ColumnInfo[];
  constraints: ConstraintInfo[];
  rlsEnabled: boolean;
  rlsForced: boolean;
  policies: PolicyInfo[];
  /** `partitioned` tables, `unlogged` ones. */
  kind: 'table' | 'partitioned' | 'unlogged' | 'temporary';
  /** Where it was created: migration index, or undefined for external (platform) objects. */
  createdIn?: number;
}

export interface ViewInfo {
  name: QualifiedName;
  /** Stable identity in the replay: a rename or move keeps it (a create makes a new one). */
  id?: number;
  materialized: boolean;
  securityInvoker: boolean;
  /** Tables the view reads (as far as the AST shows). */
  reads: QualifiedName[];
}

export interface FunctionInfo {
  name: QualifiedName;
  /** Argument types, normalised, to tell overloads apart. */
  args: string[];
  securityDefiner: boolean;
  /** `SET search_path = …` on the function, when fixed. */
  searchPath?: string;
  language: string;
}

export interface TypeInfo {
  name: QualifiedName;
  /** Stable identity in the replay: a rename or move keeps it (a create makes a new one). */
  id?: number;
  kind: 'enum' | 'composite' | 'domain' | 'range';
  /** Enum labels in order. */
  values?: string[];
}

/** Kinds whose objects have an identity in the replay (renames followed). */
export type IdentifiedKind = 'table' | 'view' | 'index' | 'sequence' | 'type';

/** The object a name stands for at one place of the history, by identity. */
export interface ObjectIdentity {
  id: number;
  /** The migration that created it; undefined when it was there before the history (external). */
  createdIn?: number;
  /** Its name when the migration asked about started; undefined when that migration created it. */
  nameBefore?: QualifiedName;
}

/** A column a name stands for at one place of the history, by identity. */
export interface ColumnIdentity {
  id: number;
  /** The migration that created it (ADD COLUMN, its table's CREATE); undefined: before the history. */
  createdIn?: number;
  /** The column as it was when the migration asked about started (any earlier rename followed). */
  before?: ColumnInfo;
}

/** The catalog at one point of the history. */
export interface SchemaSnapshot {
  table(name: QualifiedName): TableInfo | undefined;
  tables(): TableInfo[];
  index(name: QualifiedName): IndexInfo | undefined;
  indexes(table?: QualifiedName): IndexInfo[];
  view(name: QualifiedName): ViewInfo | undefined;
  views(): ViewInfo[];
  functions(name?: QualifiedName): FunctionInfo[];
  type(name: QualifiedName): TypeInfo | undefined;
  types(): TypeInfo[];
  sequence(name: QualifiedName): { name: QualifiedName; id?: number; ownedBy?: { table: QualifiedName; column: string } } | undefined;
  extensions(): string[];
  schemas(): string[];
  /** Declared external (settings.externalObjects) or referenced-but-never-created objects. */
  isExternal(kind: 'table' | 'view' | 'function' | 'type' | 'schema', name: QualifiedName): boolean;
}

export interface SchemaModel {
  /** Before migration `index` was applied (`before(0)` is the empty or external-only catalog). */
  before(index: number): SchemaSnapshot;
  /** After migration `index` was applied. */
  after(index: number): SchemaSnapshot;
  /** After the whole history. */
  atEnd(): SchemaSnapshot;
  /** Did migration `index` create this object (in its up part)? Rules exempt such objects. */
  createdIn(index: number, kind: 'table' | 'index' | 'view' | 'function' | 'type' | 'sequence' | 'schema', name: QualifiedName): boolean;
  /**
   * What `name` stands for just before the statement at `at` in migration `index`, by identity:
   * renames, drops and creates earlier in the migration are followed (a place in the migration's
   * down sees its whole up). Undefined when nothing by that name exists there.
   */
  identify(index: number, at: { file: string; offset: number }, kind: IdentifiedKind, name: QualifiedName): ObjectIdentity | undefined;
  /** The same for a column of the table `table` names at that place. */
  identifyColumn(index: number, at: { file: string; offset: number }, table: QualifiedName, column: string): ColumnIdentity | undefined;
  /** Resolve a name as written (`users`, `app.users`) to schema + name, using the search_path in effect. */
  resolve(name: { schema?: string; name: string }, at?: { file: string; offset: number }): QualifiedName;
  /** Statements the replay did not understand (kind and place), for `--debug`. */
  skipped: Array<{ file: string; offset: number; kind: string; reason: string }>;
}

/** Everything the layout analysis and the replay produced for one run. */
export interface ProjectModel {
  sets: MigrationSet[];
  /** Files that belong to no set (and why), e.g. an unknown layout. */
  findings: LayoutFinding[];
  /** The place of a statement: set, migration, part, transaction state. Undefined outside any set. */
  placeOf(file: string, statement: Statement): StatementPlace | undefined;
  schemaOf(set: MigrationSet): SchemaModel;
  /** True for a file its runner applies with psql (psql -f, sqitch): meta-commands and variables are its language. */
  runByPsql?(file: string): boolean;
}

export interface BuildModelInput {
  /** Every parsed SQL file of the run, in path order. */
  files: readonly SourceFile[];
  /** Reads a file that is not SQL but steers the layout (sqitch.plan, meta/_journal.json, *.sql.conf). */
  readAux(path: string): string | undefined;
  /** Settings that govern a file (`layout`, `externalObjects`, `postgresVersion`, …), overrides applied. */
  settingsFor(path: string): Settings;
  /** The directory relative paths are relative to. */
  cwd: string;
}

export type BuildModel = (input: BuildModelInput) => ProjectModel;

/** The model of a run whose model could not be built: no migration sets, so no file is in one. */
export function emptyModel(): ProjectModel {
  return {
    sets: [],
    findings: [],
    placeOf: () => undefined,
    schemaOf: () => {
      throw new Error('The empty migration model has no sets.');
    },
  };
}

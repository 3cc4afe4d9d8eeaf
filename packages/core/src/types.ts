// The shapes every migralint package agrees on: rules, plugins, statements, messages, results.
// Rules and reporters read these; the engine (lint.ts) produces them.

import type { VFile } from 'vfile';
import type { AstAncestor, AstNodeOf, AstNodeType } from './ast-nodes.js';
import type { ColumnInfo, ProjectModel, QualifiedName, SchemaModel, SchemaSnapshot, StatementPlace, TableInfo } from './project-model.js';
import type { EmbeddedStatement, PlpgsqlBody } from './plpgsql/types.js';

/** How loud a finding is. `info` never fails a run. */
export type Severity = 'error' | 'warning' | 'info';

/** What a config may say for a rule (ESLint-style; `warn` is the config spelling of `warning`). */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'error';

/** A JSON Schema (draft-07 / 2019 subset that ajv accepts) describing one rule's options object. */
export type JsonSchema = Record<string, unknown>;

export interface RuleDocs {
  /** One sentence: what the rule reports. */
  description: string;
  /** The docs page. Built-in rules point at docs/rules/<pack>/<rule>.md in the repository. */
  url: string;
  /** Why it matters, one short paragraph; shown by `--verbose` and SARIF `fullDescription`. */
  why?: string;
}

export interface RuleMeta {
  /** `problem`: will break or lose data; `suggestion`: a safer way exists; `directive`: about migralint comments. */
  type: 'problem' | 'suggestion' | 'directive';
  docs: RuleDocs;
  /** Severity when a config turns the rule on without saying one, and in the presets. */
  defaultSeverity: Severity;
  /** Part of the `recommended` preset. */
  recommended: boolean;
  /** Message templates by id; `{{name}}` placeholders are filled from `report({data})`. */
  messages: Record<string, string>;
  /** JSON Schema of the options object (always one object, never positional arrays). */
  schema?: JsonSchema;
  /** Options used when the config gives none; config options are shallow-merged over these. */
  defaultOptions?: Record<string, unknown>;
  /** The rule can fix some findings mechanically (`--fix`). */
  fixable?: boolean;
  /** The rule offers suggestions (edits an editor may apply, never `--fix`). */
  hasSuggestions?: boolean;
  /** The same check in other tools, e.g. `{ tool: 'squawk', rule: 'ban-drop-column' }`. */
  sources?: Array<{ tool: string; rule: string }>;
  /** Rules that report the same risk more specifically: where one reported a statement, this rule stays quiet there. */
  supersededBy?: string[];
}

/** A UTF-16 range in the file text: `start` inclusive, `end` exclusive. */
export interface Range {
  start: number;
  end: number;
}

/** A text edit. Ranges are UTF-16 offsets in the whole file. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface Suggestion {
  /** Message id from `meta.messages`, or a literal description. */
  messageId?: string;
  desc?: string;
  data?: Record<string, unknown>;
  fix: Fix | Fix[];
}

/** A libpg-query AST node: `{ KindName: {...fields} }` unwrapped to its fields, with an optional byte `location`. */
export type AstNode = Record<string, any>;

/** One SQL statement of a file, with positions already converted to UTF-16 (DESIGN.md §5). */
export interface Statement {
  /** 0-based index within the file. */
  index: number;
  /** Node kind from libpg-query, e.g. `AlterTableStmt`; `ParseError` when the statement did not parse. */
  kind: string;
  /** The statement node's fields (the value under `kind`). Empty object for `ParseError`. */
  node: AstNode;
  /** UTF-16 offset of the statement's first token. */
  start: number;
  /** UTF-16 offset just after its last token (the `;` is not part of the statement). */
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** For `ParseError`: Postgres' message. */
  error?: { message: string; offset: number };
  /** `DO` / `CREATE FUNCTION … LANGUAGE plpgsql`: what its body runs (docs/plpgsql.md). */
  plpgsql?: PlpgsqlBody;
  /** The body's SQL statements as statements of this file (rules visit them after this one). */
  embedded?: Statement[];
  /** Set on a statement from inside a body: where it sits. Its `index` is the top-level statement's. */
  nested?: NestedPlace;
}

/** Where an embedded statement sits: its parent, whether it runs now (`DO`) or later (a function). */
export interface NestedPlace {
  /** The `DO` / `CREATE FUNCTION` statement (or embedded statement) whose body holds it. */
  parent: Statement;
  /** The top-level statement of the file it is inside. */
  top: Statement;
  runs: 'now' | 'later';
  /** The function or procedure whose body holds it (innermost); undefined inside a `DO`. */
  functionName?: string;
  /** What core's PL/pgSQL reader found: place (IF/loop/handler), guard, `via`, byte map. */
  embedded: EmbeddedStatement;
}

/**
 * A token from Postgres' own scanner (comments left out), for rules that need the position of
 * something the AST gives no `location` for (the names in `DROP TABLE a, b`, say).
 */
export interface SqlToken {
  kind: 'keyword' | 'identifier' | 'string' | 'number' | 'operator' | 'punctuation' | 'parameter';
  /** For keywords: how reserved (an unreserved keyword can also be a name, e.g. `name`). */
  keyword?: 'unreserved' | 'column-name' | 'type-function-name' | 'reserved';
  /** The text as written. */
  text: string;
  /** Unquoted identifiers and keywords folded to lower case (Postgres' rule); quoted identifiers unescaped. */
  value: string;
  /** UTF-16 offsets in the file. */
  start: number;
  end: number;
}

/** Where a finding points. Default: the current statement. */
export type ReportTarget =
  | Statement
  /** An AST node with a `location`: the finding spans the token at that location. */
  | AstNode
  | Range;

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, unknown>;
  at?: ReportTarget;
  /** Extra text shown after the message (e.g. the safe recipe in full). */
  note?: string;
  fix?: Fix | Fix[];
  suggest?: Suggestion[];
}

/** What a file-phase rule sees. */
export interface RuleContext<Options = Record<string, unknown>> {
  readonly id: string;
  readonly options: Options;
  readonly settings: Settings;
  readonly file: SourceFile;
  /** The statement being visited. */
  readonly statement: Statement;
  /** Every statement of the file, in order (for rules that look back or ahead). */
  readonly statements: readonly Statement[];
  /** The project: all files of this run and, when built, the migration model. */
  readonly project: ProjectInfo;
  /** Where the current statement sits in the history (set, migration, part, transaction state). */
  readonly migration: StatementPlace | undefined;
  /** The replayed schema around the current statement's migration (undefined outside any set). */
  readonly schema: SchemaView | undefined;
  /** UTF-16 range of an AST node (the token at its `location`) or of a statement. */
  rangeOf(target: ReportTarget): Range;
  /** The scanner's tokens of a statement (default: the current one), comments left out. */
  tokensOf(statement?: Statement): readonly SqlToken[];
  /**
   * The statements of the part a statement (default: the current one) belongs to — the section the
   * runner sends on its own; the whole file outside any migration set — in order, parse errors left
   * out. Indexed once per file, so asking per statement costs nothing.
   */
  statementsOfPart(statement?: Statement): readonly Statement[];
  report(descriptor: ReportDescriptor): void;
}

export interface ProjectReportDescriptor extends ReportDescriptor {
  /** The file the finding belongs to (path as in `SourceFile.path`). */
  file: string;
}

/** What a project-phase rule sees: every file of the run, once. */
export interface ProjectContext<Options = Record<string, unknown>> {
  readonly id: string;
  readonly options: Options;
  readonly settings: Settings;
  readonly project: ProjectInfo;
  rangeOf(file: string, target: ReportTarget): Range;
  tokensOf(file: string, statement: Statement): readonly SqlToken[];
  report(descriptor: ProjectReportDescriptor): void;
}

/**
 * Visitors, keyed by libpg-query node type:
 * - a statement kind (`IndexStmt`, `AlterTableStmt`, …: the names ending in `Stmt`), or `Statement`
 *   for every statement — called once per statement with its node;
 * - any other node type (`AlterTableCmd`, `ColumnDef`, `Constraint`, `FuncCall`, …) — called for
 *   every such node inside a statement, in document order, with its ancestors (the statement's node
 *   first, the node's parent last), so a rule never walks a tree itself.
 */
// `node: any`: a statement handler reads the node as an AstNode; a TypedVisitors handler as its @pgsql/types type.
export type Visitors = Record<string, ((node: any, statement: Statement, ancestors: readonly AstAncestor[]) => void) | undefined>;

/**
 * Visitors typed from @pgsql/types: annotate `create`'s result with it (`create(context): TypedVisitors`)
 * and each handler gets its node type (`ColumnDef`, `AlterTableCmd`, …).
 */
export type TypedVisitors = {
  [K in AstNodeType]?: (node: AstNodeOf<K>, statement: Statement, ancestors: readonly AstAncestor[]) => void;
} & { Statement?: (node: AstNode, statement: Statement) => void };

export interface Rule<Options = any> {
  meta: RuleMeta;
  /** File phase: called once per file; returns visitors. */
  create?(context: RuleContext<Options>): Visitors;
  /** Project phase: called once per run after every file was parsed. */
  project?(context: ProjectContext<Options>): void;
}

/** A rule pack. Rule ids are `<name>/<rule>`. */
export interface Plugin {
  /** The namespace, e.g. `destructive` or `acme`. */
  name: string;
  version?: string;
  rules: Record<string, Rule>;
  /** Presets the plugin ships, e.g. `{ recommended: { rules: {...} } }`. */
  configs?: Record<string, { rules: Record<string, RuleSetting> }>;
}

export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

/** Shared settings every rule can read. */
export interface Settings {
  /** Target PostgreSQL major version. Default 17. */
  postgresVersion: number;
  [key: string]: unknown;
}

/** A rule as configured for one file: severity plus validated, defaulted options. */
export interface ConfiguredRule {
  severity: Severity;
  options: Record<string, unknown>;
}

/** The config the engine needs, after @migralint/config found, validated and merged it. */
export interface ResolvedConfig {
  /** Directory globs in `overrides` and `ignores` are relative to. */
  root: string;
  /** The config file, or undefined when defaults are used. */
  filepath?: string;
  settings: Settings;
  /** Rule id → setting. `off` rules are absent or `off`. */
  rules: Record<string, RuleSetting>;
  overrides: Array<{ files: string[]; rules?: Record<string, RuleSetting>; settings?: Partial<Settings> }>;
  ignores: string[];
  /** Rule id patterns (`rls/*`, `destructive/no-drop-table`) that inline directives may not disable. */
  noInlineDisable: string[];
  plugins: Plugin[];
  /**
   * Rule ids that exist without running in this lint: rules of built-in packs the config does not
   * load, and rules another command reports (`verify/*`). A directive naming one is not an unknown
   * rule, and not "unused" either: this run cannot tell.
   */
  knownRules?: readonly string[];
}

/** One input file. `path` is what reports show (relative to the cwd when the CLI runs). */
export interface SourceInput {
  path: string;
  /** Raw bytes (preferred: the engine checks encoding) or already-decoded text. */
  content: Uint8Array | string;
}

/** A file as rules see it. */
export interface SourceFile {
  path: string;
  /** Decoded text without a BOM. Offsets are into this string. */
  text: string;
  statements: readonly Statement[];
}

export interface ProjectInfo {
  /** Every file of the run that decoded as text, in path order. */
  files: readonly SourceFile[];
  /** The migration model (layouts, order, pairs, schema replay). Always there: when building it failed, an empty one (no sets), and a notification says so. */
  model: ProjectModel;
  /** Reads a non-SQL file (a lockfile, sqitch.plan) by path; undefined when absent. */
  readAux?: (path: string) => string | undefined;
  /** What version control says changed, when the run is scoped by `--changed-since` / `--staged`. */
  vcs?: VcsChanges;
}

/** Changes since a git revision, in the files' path form (relative to the cwd, `/`-separated). */
export interface VcsChanges {
  /** The revision compared against (`main`, `HEAD` for staged changes). */
  ref: string;
  added: string[];
  modified: string[];
  deleted: string[];
  /** The file's content at `ref`, or undefined when it did not exist there. */
  contentAtRef(path: string): string | undefined;
}

/** The schema as a rule sees it from one statement. */
export interface SchemaView {
  model: SchemaModel;
  /** Before the current migration: what already existed in production. */
  before: SchemaSnapshot;
  /** After the current migration's up. */
  after: SchemaSnapshot;
  /** At the end of the history. */
  atEnd: SchemaSnapshot;
  /** Resolve a name as written at the current statement (search_path in effect). */
  resolve(name: { schema?: string; name: string }): QualifiedName;
  /**
   * Was the object this name stands for at this statement created by the current migration (its
   * up)? By identity: `ALTER TABLE t_new RENAME TO t` makes `t` new, but a `DROP TABLE t` before it
   * drops the old one. Destructive and locking rules exempt new objects: they hold no production
   * data yet. Also true in a down for what its up created.
   */
  isNew(kind: 'table' | 'index' | 'view' | 'function' | 'type' | 'sequence' | 'schema', name: { schema?: string; name: string }): boolean;
  /**
   * Did this column (as named at this statement) hold no deployed data: its table or the column is
   * new in this migration, by identity (a column renamed earlier in the migration is the old one).
   * Undefined when the model cannot say (a table the history never created, a column it never saw).
   */
  isNewColumn(table: { schema?: string; name: string }, column: string): boolean | undefined;
  /** The table this name stands for at this statement, as it was before the current migration (renames followed). */
  tableBefore(table: { schema?: string; name: string }): TableInfo | undefined;
  /** The column this name stands for at this statement, as it was before the current migration (renames followed). */
  columnBefore(table: { schema?: string; name: string }, column: string): ColumnInfo | undefined;
}

/** Why a finding is not counted. */
export interface Suppression {
  kind: 'directive' | 'baseline';
  /** The written reason (after ` -- `), when there was one. */
  reason?: string;
  /** 1-based line of the directive. */
  line?: number;
}

/** A finding, as reporters read it. Lines 1-based, columns 1-based in UTF-16 code units, end exclusive. */
export interface LintMessage {
  ruleId: string;
  messageId?: string;
  severity: Severity;
  message: string;
  note?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  url?: string;
  fix?: Fix[];
  suggestions?: Array<{ desc: string; fix: Fix[] }>;
  suppressed?: Suppression;
}

/** Per-file result. `file` is the VFile (messages as VFileMessage) that vfile-reporter reads. */
export interface FileResult {
  path: string;
  file: VFile;
  /** Every finding, suppressed ones included, in position order. */
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  suppressedCount: number;
  /** The file could not be read as SQL text (binary, bad encoding, missing). */
  unreadable: boolean;
}

/** A problem with the run itself, not a finding in a file (e.g. a rule that threw). */
export interface Notification {
  level: 'error' | 'warning' | 'note';
  message: string;
  ruleId?: string;
  file?: string;
  /** Stack or detail, for `--debug`. */
  detail?: string;
}

export interface LintResult {
  files: FileResult[];
  /** Metadata of every rule known to the run (enabled or not), by id. Reporters read this. */
  rules: Record<string, RuleMeta & { id: string; enabled: boolean }>;
  notifications: Notification[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  suppressedCount: number;
  /** An internal error (a rule threw) or unreadable input happened: the CLI exits 2. */
  failed: boolean;
  stats: { files: number; statements: number; bytes: number; durationMs: number };
}

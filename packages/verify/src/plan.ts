// `migralint plan`: what each migration creates, alters and drops, read from the schema model (the
// catalog replayed before and after each migration), with what is risky marked and the static
// findings of the migration listed. No database: this is the "show what tables and columns will be
// affected" review before anything runs.

import type { ColumnInfo, ConstraintInfo, LintMessage, Migration, QualifiedName, SchemaModel, SchemaSnapshot, SourceFile, Statement, TableInfo } from '@migralint/core';
import type { ProjectRead } from './read-project.js';

export interface PlannedChange {
  action: 'create' | 'alter' | 'drop' | 'rename';
  kind: string;
  /** Qualified: `public.users`, `public.users.email`. */
  name: string;
  /** Type and nullability of a column, an index's columns, `varchar(100) → text`. */
  detail?: string;
  /** Why the change needs care, when it does. */
  risk?: string;
  /** Column, constraint, index and policy changes of an altered table. */
  changes?: PlannedChange[];
}

export interface PlannedFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  line: number;
  column: number;
}

export interface PlannedMigration {
  index: number;
  version: string;
  name: string;
  /** Why the migration exists: its leading `-- Why:` comment (added by the CLI, history/require-intent). */
  intent?: string;
  up: string[];
  down: string[];
  changes: PlannedChange[];
  /** How many changes are marked risky (nested ones included). */
  risky: number;
  /** The static rules' findings on the migration's up (errors and warnings, not suppressed). */
  findings: PlannedFinding[];
  /** Statements of the up the schema model does not follow (DO blocks, …): the plan may miss their effect. */
  unmodelled: Array<{ file: string; line: number; kind: string; reason: string }>;
}

export interface Plan {
  version: 1;
  sets: Array<{
    dir: string;
    layout: string;
    /** The runner the history is read as, whether it was guessed, and its transaction mode (docs/layouts.md#runners). */
    runner?: { runner: string; guessed: boolean; evidence: string[]; transaction: string };
    migrations: PlannedMigration[];
    total: number;
  }>;
}

export interface PlanOptions {
  /** Only migrations with a part in one of these files (paths as in `SourceFile.path`). */
  onlyFiles?: ReadonlySet<string>;
}

export function buildPlan(read: ProjectRead, options: PlanOptions = {}): Plan {
  const plan: Plan = { version: 1, sets: [] };
  for (const set of read.model.sets) {
    const schema = read.model.schemaOf(set);
    const migrations: PlannedMigration[] = [];
    for (const migration of set.migrations) {
      const files = [...migration.up, ...migration.down].map((p) => p.file);
      if (options.onlyFiles && !files.some((f) => options.onlyFiles!.has(f))) continue;
      migrations.push(planMigration(migration, schema, read));
    }
    if (migrations.length > 0 || !options.onlyFiles) plan.sets.push({ dir: set.dir, layout: set.layout, migrations, total: set.migrations.length });
  }
  return plan;
}

function planMigration(migration: Migration, schema: SchemaModel, read: ProjectRead): PlannedMigration {
  const before = schema.before(migration.index);
  const after = schema.after(migration.index);
  const statements = upStatements(migration, read.files);
  const renames = renamesOf(statements, schema);
  const changes: PlannedChange[] = [
    ...diffNames('schema', before.schemas(), after.schemas(), (n) => n, { drop: 'drops the schema (CASCADE drops what is in it)' }),
    ...diffNames('extension', before.extensions(), after.extensions(), (n) => n, {}),
    ...diffTypes(before, after),
    ...diffSequences(statements, before, after, schema),
    ...diffTables(before, after, renames, migration.index),
    ...diffIndexes(before, after, statements),
    ...diffNames('view', before.views().map((v) => q(v.name) + (v.materialized ? ' (materialized)' : '')), after.views().map((v) => q(v.name) + (v.materialized ? ' (materialized)' : '')), (n) => n, {}),
    ...diffNames('function', before.functions().map(fn), after.functions().map(fn), (n) => n, { drop: 'callers (code, triggers, policies) fail once it is gone' }),
  ];
  const up = new Set(migration.up.map((p) => p.file));
  const findings: PlannedFinding[] = [];
  for (const file of read.result.files) {
    if (!up.has(file.path)) continue;
    const ranges = migration.up.filter((p) => p.file === file.path).map((p) => p.range);
    for (const m of file.messages) {
      if (m.suppressed || m.severity === 'info') continue;
      if (!ranges.some((r) => m.offset >= r.start && m.offset <= r.end)) continue;
      findings.push(toFinding(m, file.path));
    }
  }
  const unmodelled = schema.skipped
    .filter((s) => migration.up.some((p) => p.file === s.file && s.offset >= p.range.start && s.offset < p.range.end))
    .map((s) => ({ file: s.file, line: lineAt(read.files.get(s.file)?.text ?? '', s.offset), kind: s.kind, reason: s.reason }));
  return {
    index: migration.index,
    version: migration.version,
    name: migration.name,
    up: [...up],
    down: [...new Set(migration.down.map((p) => p.file))],
    changes,
    risky: countRisky(changes),
    findings,
    unmodelled,
  };
}

function countRisky(changes: readonly PlannedChange[]): number {
  return changes.reduce((n, c) => n + (c.risk ? 1 : 0) + countRisky(c.changes ?? []), 0);
}

function toFinding(m: LintMessage, file: string): PlannedFinding {
  return { ruleId: m.ruleId, severity: m.severity, message: m.message, file, line: m.line, column: m.column };
}

function upStatements(migration: Migration, files: ReadonlyMap<string, SourceFile>): Array<{ file: string; statement: Statement }> {
  const out: Array<{ file: string; statement: Statement }> = [];
  for (const part of migration.up) {
    for (const statement of files.get(part.file)?.statements ?? []) {
      if (statement.start >= part.range.start && statement.start < part.range.end) out.push({ file: part.file, statement });
    }
  }
  return out;
}

const q = (name: QualifiedName) => `${name.schema}.${name.name}`;
const fn = (f: { name: QualifiedName; args: string[] }) => `${q(f.name)}(${f.args.join(', ')})`;

function diffNames(kind: string, before: readonly string[], after: readonly string[], show: (n: string) => string, risks: { drop?: string }): PlannedChange[] {
  const was = new Set(before);
  const now = new Set(after);
  const out: PlannedChange[] = [];
  for (const name of after) if (!was.has(name)) out.push({ action: 'create', kind, name: show(name) });
  for (const name of before) if (!now.has(name)) out.push({ action: 'drop', kind, name: show(name), ...(risks.drop ? { risk: risks.drop } : {}) });
  return out;
}

function diffTypes(before: SchemaSnapshot, after: SchemaSnapshot): PlannedChange[] {
  const out: PlannedChange[] = [];
  for (const type of after.types()) {
    const old = before.type(type.name);
    if (!old) out.push({ action: 'create', kind: type.kind === 'enum' ? 'enum type' : `${type.kind} type`, name: q(type.name), ...(type.values ? { detail: type.values.join(', ') } : {}) });
    else if (type.values && old.values && type.values.join('\0') !== old.values.join('\0')) {
      const added = type.values.filter((v) => !old.values!.includes(v));
      const removed = old.values.filter((v) => !type.values!.includes(v));
      out.push({
        action: 'alter',
        kind: 'enum type',
        name: q(type.name),
        detail: [added.length ? `+ ${added.join(', ')}` : '', removed.length ? `- ${removed.join(', ')}` : ''].filter(Boolean).join('; '),
        ...(removed.length ? { risk: 'rows holding a removed value break the change' } : {}),
      });
    }
  }
  for (const type of before.types()) {
    if (!after.type(type.name)) out.push({ action: 'drop', kind: type.kind === 'enum' ? 'enum type' : `${type.kind} type`, name: q(type.name), risk: 'columns of this type go with it (CASCADE) or the drop fails' });
  }
  return out;
}

/** The model lists no sequences: the candidates are what the up's statements name. */
function diffSequences(statements: ReadonlyArray<{ file: string; statement: Statement }>, before: SchemaSnapshot, after: SchemaSnapshot, schema: SchemaModel): PlannedChange[] {
  const out: PlannedChange[] = [];
  const seen = new Set<string>();
  for (const { file, statement } of statements) {
    const names: Array<{ schema?: string; name: string }> = [];
    if (statement.kind === 'CreateSeqStmt' && statement.node.sequence) names.push(rangeVarName(statement.node.sequence));
    if (statement.kind === 'DropStmt' && statement.node.removeType === 'OBJECT_SEQUENCE') {
      for (const item of statement.node.objects ?? []) {
        const parts = (item.List?.items ?? []).map((i: any) => i?.String?.sval).filter((s: unknown): s is string => typeof s === 'string');
        if (parts.length > 0) names.push(parts.length > 1 ? { schema: parts[parts.length - 2], name: parts[parts.length - 1] } : { name: parts[0] });
      }
    }
    for (const written of names) {
      const name = schema.resolve(written, { file, offset: statement.start });
      const key = q(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const was = before.sequence(name);
      const now = after.sequence(name);
      if (!was && now) out.push({ action: 'create', kind: 'sequence', name: key });
      else if (was && !now) out.push({ action: 'drop', kind: 'sequence', name: key, risk: 'defaults that call nextval() on it fail' });
    }
  }
  return out;
}

function rangeVarName(node: any): { schema?: string; name: string } {
  return node.schemaname ? { schema: node.schemaname, name: node.relname } : { name: node.relname };
}

interface Renames {
  /** Old table key → new table name. */
  tables: Map<string, QualifiedName>;
  /** `schema.table` (the name after the migration) → old column → new column. */
  columns: Map<string, Map<string, string>>;
}

function renamesOf(statements: ReadonlyArray<{ file: string; statement: Statement }>, schema: SchemaModel): Renames {
  const tables = new Map<string, QualifiedName>();
  const columns = new Map<string, Map<string, string>>();
  for (const { file, statement } of statements) {
    if (statement.kind !== 'RenameStmt' || !statement.node.relation) continue;
    const table = schema.resolve(rangeVarName(statement.node.relation), { file, offset: statement.start });
    if (statement.node.renameType === 'OBJECT_TABLE') {
      tables.set(q(table), { schema: table.schema, name: statement.node.newname });
    } else if (statement.node.renameType === 'OBJECT_COLUMN') {
      const current = [...tables.entries()].find(([, v]) => q(v) === q(table))?.[1] ?? table;
      const key = q(current);
      let map = columns.get(key);
      if (!map) columns.set(key, (map = new Map()));
      map.set(statement.node.subname, statement.node.newname);
    }
  }
  return { tables, columns };
}

function diffTables(before: SchemaSnapshot, after: SchemaSnapshot, renames: Renames, index: number): PlannedChange[] {
  const out: PlannedChange[] = [];
  const renamedTo = new Set([...renames.tables.values()].map(q));
  for (const table of after.tables()) {
    const oldName = [...renames.tables.entries()].find(([, v]) => q(v) === q(table.name))?.[0];
    const old = oldName ? before.table(parse(oldName)) : before.table(table.name);
    if (!old) {
      out.push({ action: 'create', kind: table.kind === 'partitioned' ? 'partitioned table' : 'table', name: q(table.name), detail: table.columns.map(columnText).join(', ') });
      continue;
    }
    const changes = diffColumns(old, table, renames.columns.get(q(table.name)) ?? new Map());
    changes.push(...diffConstraints(old, table));
    changes.push(...diffRls(old, table));
    if (oldName) out.push({ action: 'rename', kind: 'table', name: `${oldName} → ${q(table.name)}`, risk: 'deployed code that uses the old name fails', ...(changes.length ? { changes } : {}) });
    else if (changes.length > 0) out.push({ action: 'alter', kind: 'table', name: q(table.name), changes });
  }
  for (const table of before.tables()) {
    if (after.table(table.name) || renames.tables.has(q(table.name)) || renamedTo.has(q(table.name))) continue;
    const fresh = table.createdIn === index;
    out.push({ action: 'drop', kind: 'table', name: q(table.name), ...(fresh ? {} : { risk: 'drops the table and every row in it' }) });
  }
  return out;
}

function parse(key: string): QualifiedName {
  const dot = key.indexOf('.');
  return { schema: key.slice(0, dot), name: key.slice(dot + 1) };
}

function columnText(c: ColumnInfo): string {
  return `${c.name} ${c.type}${c.notNull ? ' not null' : ''}${c.default !== undefined ? ` default ${c.default}` : ''}${c.identity ? ` identity` : ''}${c.generated ? ` generated` : ''}`;
}

function diffColumns(old: TableInfo, now: TableInfo, renamed: ReadonlyMap<string, string>): PlannedChange[] {
  const out: PlannedChange[] = [];
  const table = q(now.name);
  const newToOld = new Map([...renamed].map(([o, n]) => [n, o]));
  for (const column of now.columns) {
    const oldName = newToOld.get(column.name) ?? column.name;
    const was = old.columns.find((c) => c.name === oldName);
    if (!was) {
      const required = column.notNull && column.default === undefined && !column.identity && !column.generated;
      const risk = required
        ? 'NOT NULL without a default: fails when the table has rows, and inserts from deployed code fail'
        : column.identity || column.generated === 'stored'
          ? 'fills every existing row: rewrites the table under an ACCESS EXCLUSIVE lock'
          : undefined;
      out.push({ action: 'create', kind: 'column', name: `${table}.${column.name}`, detail: columnText(column).slice(column.name.length + 1), ...(risk ? { risk } : {}) });
      continue;
    }
    if (oldName !== column.name) out.push({ action: 'rename', kind: 'column', name: `${table}.${oldName} → ${column.name}`, risk: 'deployed code that uses the old name fails' });
    const details: string[] = [];
    const risks: string[] = [];
    if (was.type !== column.type) {
      details.push(`type ${was.type} → ${column.type}`);
      risks.push('a type change rewrites the table under an ACCESS EXCLUSIVE lock unless the types are binary compatible (verify shows whether it does)');
    }
    if (!was.notNull && column.notNull) {
      details.push('set not null');
      risks.push('SET NOT NULL scans every row under an ACCESS EXCLUSIVE lock (unless a validated CHECK proves it)');
    }
    if (was.notNull && !column.notNull) details.push('drop not null');
    if ((was.default ?? '') !== (column.default ?? '')) details.push(column.default === undefined ? 'drop default' : `default ${column.default}`);
    if (details.length > 0) out.push({ action: 'alter', kind: 'column', name: `${table}.${column.name}`, detail: details.join(', '), ...(risks.length ? { risk: risks.join('; ') } : {}) });
  }
  for (const was of old.columns) {
    if (renamed.has(was.name) || now.columns.some((c) => c.name === was.name)) continue;
    out.push({ action: 'drop', kind: 'column', name: `${table}.${was.name}`, detail: was.type, risk: 'drops the column and its data; deployed code that reads it fails' });
  }
  return out;
}

function constraintText(c: ConstraintInfo): string {
  const target = c.references ? ` → ${q(c.references.table)}(${c.references.columns.join(', ')})` : '';
  return `${c.kind}${c.columns.length ? ` (${c.columns.join(', ')})` : ''}${target}${c.expression ? ` ${c.expression}` : ''}${c.notValid ? ' not valid' : ''}`;
}

function diffConstraints(old: TableInfo, now: TableInfo): PlannedChange[] {
  const out: PlannedChange[] = [];
  const table = q(now.name);
  for (const c of now.constraints) {
    if (c.kind === 'not null') continue;
    const was = old.constraints.find((o) => o.name === c.name);
    if (was && constraintText(was) === constraintText(c)) continue;
    if (was && was.notValid && !c.notValid) {
      out.push({ action: 'alter', kind: 'constraint', name: `${table}.${c.name}`, detail: 'validate' });
      continue;
    }
    const risk =
      (c.kind === 'foreign key' || c.kind === 'check') && !c.notValid
        ? 'checks every existing row while holding a lock that blocks writes (add it NOT VALID, then VALIDATE CONSTRAINT)'
        : c.kind === 'unique' || c.kind === 'primary key' || c.kind === 'exclusion'
          ? 'builds an index while blocking writes (build it CONCURRENTLY first, then add the constraint USING INDEX)'
          : undefined;
    out.push({ action: was ? 'alter' : 'create', kind: 'constraint', name: `${table}.${c.name}`, detail: constraintText(c), ...(risk ? { risk } : {}) });
  }
  for (const c of old.constraints) {
    if (c.kind === 'not null' || now.constraints.some((o) => o.name === c.name)) continue;
    out.push({ action: 'drop', kind: 'constraint', name: `${table}.${c.name}`, detail: constraintText(c) });
  }
  return out;
}

function diffRls(old: TableInfo, now: TableInfo): PlannedChange[] {
  const out: PlannedChange[] = [];
  const table = q(now.name);
  if (old.rlsEnabled !== now.rlsEnabled) {
    out.push({ action: 'alter', kind: 'rls', name: table, detail: now.rlsEnabled ? 'enable row level security' : 'disable row level security', ...(now.rlsEnabled ? {} : { risk: 'every role with table privileges sees and changes every row' }) });
  }
  if (old.rlsForced !== now.rlsForced) out.push({ action: 'alter', kind: 'rls', name: table, detail: now.rlsForced ? 'force row level security' : 'no force row level security' });
  for (const p of now.policies) {
    const was = old.policies.find((o) => o.name === p.name);
    const text = `for ${p.command} to ${p.roles.join(', ') || 'public'}${p.using ? ` using (${p.using})` : ''}${p.withCheck ? ` with check (${p.withCheck})` : ''}`;
    if (!was) out.push({ action: 'create', kind: 'policy', name: `${table}.${p.name}`, detail: text });
    else if (JSON.stringify(was) !== JSON.stringify(p)) out.push({ action: 'alter', kind: 'policy', name: `${table}.${p.name}`, detail: text });
  }
  for (const p of old.policies) {
    if (!now.policies.some((o) => o.name === p.name)) out.push({ action: 'drop', kind: 'policy', name: `${table}.${p.name}`, ...(now.rlsEnabled ? { risk: 'rows the policy allowed become invisible (or visible, for a restrictive policy)' } : {}) });
  }
  return out;
}

function diffIndexes(before: SchemaSnapshot, after: SchemaSnapshot, statements: ReadonlyArray<{ file: string; statement: Statement }>): PlannedChange[] {
  const out: PlannedChange[] = [];
  const concurrent = new Set(statements.filter((s) => s.statement.kind === 'IndexStmt' && s.statement.node.concurrent).map((s) => String(s.statement.node.idxname)));
  for (const index of after.indexes()) {
    if (before.index(index.name)) continue;
    const tableExisted = before.table(index.table) !== undefined;
    const risk = tableExisted && !concurrent.has(index.name.name) ? 'builds while blocking writes to the table (use CREATE INDEX CONCURRENTLY)' : undefined;
    out.push({ action: 'create', kind: index.unique ? 'unique index' : 'index', name: q(index.name), detail: `on ${q(index.table)} (${index.columns.join(', ')})${index.partial ? ' partial' : ''}`, ...(risk ? { risk } : {}) });
  }
  for (const index of before.indexes()) {
    if (after.index(index.name) || !after.table(index.table)) continue;
    out.push({ action: 'drop', kind: index.unique ? 'unique index' : 'index', name: q(index.name), detail: `on ${q(index.table)}`, risk: 'queries that used it slow down' });
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// A migration set as the project-phase rules of this pack read it: every statement of every up
// part, in the order the runner applies them, with the replayed schema beside it (replayed when
// first asked). Facts about "the end of the history" come from the schema model; this module adds
// what the model does not keep — which statement made a table what it is at the end, through later
// renames.

import { sameName, type AstNode, type Migration, type MigrationPart, type MigrationSet, type ProjectInfo, type QualifiedName, type SchemaModel, type SourceFile, type Statement } from '@migralint/core';

export interface HistoryEntry {
  /** Position in the whole history (0-based), for "before" / "after" between statements. */
  pos: number;
  migration: Migration;
  part: MigrationPart;
  file: SourceFile;
  statement: Statement;
}

interface RenameEvent {
  pos: number;
  from: QualifiedName;
  to: QualifiedName;
}

export class History {
  readonly entries: HistoryEntry[] = [];
  private renameEvents: RenameEvent[] | undefined;
  private lastPosOf = new Map<number, number>();
  private replayed: SchemaModel | undefined;

  constructor(
    readonly set: MigrationSet,
    private readonly project: ProjectInfo,
  ) {
    const files = new Map(project.files.map((f) => [f.path, f]));
    for (const migration of set.migrations) {
      for (const part of migration.up) {
        const file = files.get(part.file);
        if (!file) continue;
        for (const statement of file.statements) {
          if (statement.kind === 'ParseError' || statement.start < part.range.start || statement.start >= part.range.end) continue;
          this.entries.push({ pos: this.entries.length, migration, part, file, statement });
        }
      }
      this.lastPosOf.set(migration.index, this.entries.length - 1);
    }
  }

  /**
   * The replayed schema, replayed on first use: a history whose statements give the rules nothing
   * to check (no RLS, no policy, no view) is never replayed for them.
   */
  get schema(): SchemaModel {
    return (this.replayed ??= this.project.model.schemaOf(this.set));
  }

  /** A relation as written at a statement (`RangeVar`, or schema + name) → where Postgres finds it. */
  resolve(entry: HistoryEntry, name: { schema?: string | undefined; name: string }): QualifiedName {
    const written = name.schema ? { schema: name.schema, name: name.name } : { name: name.name };
    return this.schema.resolve(written, { file: entry.file.path, offset: entry.statement.start });
  }

  resolveRangeVar(entry: HistoryEntry, rangeVar: AstNode): QualifiedName {
    return this.resolve(entry, { schema: rangeVar.schemaname || undefined, name: String(rangeVar.relname) });
  }

  /** The last position of migration `index` (the statement after which `after(index)` holds). */
  endOfMigration(index: number): number {
    return this.lastPosOf.get(index) ?? -1;
  }

  /**
   * The name a relation called `name` just after position `pos` has later on: every table or view
   * rename (`RENAME TO`, `SET SCHEMA`) after `pos`, up to `until` (default: the end), applied.
   */
  follow(name: QualifiedName, pos: number, until = Number.POSITIVE_INFINITY): QualifiedName {
    let current = name;
    for (const event of this.renames()) {
      if (event.pos <= pos || event.pos > until) continue;
      if (sameName(event.from, current)) current = event.to;
    }
    return current;
  }

  /** Does any up statement enable row-level security or create a policy? */
  usesRls(): boolean {
    return this.entries.some(({ statement }) => {
      if (statement.kind === 'CreatePolicyStmt') return true;
      if (statement.kind !== 'AlterTableStmt') return false;
      return (statement.node.cmds ?? []).some((c: AstNode) => c.AlterTableCmd?.subtype === 'AT_EnableRowSecurity');
    });
  }

  private renames(): RenameEvent[] {
    if (this.renameEvents) return this.renameEvents;
    const events: RenameEvent[] = [];
    for (const entry of this.entries) {
      const { kind, node } = entry.statement;
      if (kind === 'RenameStmt' && RELATION_KINDS.has(node.renameType) && node.relation && typeof node.newname === 'string') {
        const from = this.resolveRangeVar(entry, node.relation);
        events.push({ pos: entry.pos, from, to: { schema: from.schema, name: node.newname } });
      } else if (kind === 'AlterObjectSchemaStmt' && RELATION_KINDS.has(node.objectType) && node.relation && typeof node.newschema === 'string') {
        const from = this.resolveRangeVar(entry, node.relation);
        events.push({ pos: entry.pos, from, to: { schema: node.newschema, name: from.name } });
      }
    }
    return (this.renameEvents = events);
  }
}

const RELATION_KINDS = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE']);

const cache = new WeakMap<object, History[]>();

/** One `History` per migration set of the run, shared by the pack's rules. */
export function historiesOf(project: ProjectInfo): History[] {
  const model = project.model;
  let histories = cache.get(model);
  if (!histories) cache.set(model, (histories = model.sets.map((set) => new History(set, project))));
  return histories;
}

export function nameKey(name: QualifiedName): string {
  return `${name.schema}\u0000${name.name}`;
}

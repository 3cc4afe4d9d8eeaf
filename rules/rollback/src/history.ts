// The migration history as the rollback rules walk it: the sets whose layout can express a down,
// each migration's parts and their statements, and the names the messages use.

import type { AstNode, LayoutName, Migration, MigrationPart, MigrationSet, ProjectInfo, SourceFile, Statement } from '@migralint/core';

export function filesOf(project: ProjectInfo): ReadonlyMap<string, SourceFile> {
  return new Map(project.files.map((f) => [f.path, f]));
}

/** Sets of layouts that have downs (`supportsDown`), in the model's order. */
export function setsWithDowns(project: ProjectInfo): MigrationSet[] {
  return project.model.sets.filter((set) => set.supportsDown);
}

/** The statements of a part: those that start inside its range (what the runner sends with it). */
export function statementsOf(file: SourceFile | undefined, part: MigrationPart): Statement[] {
  if (!file) return [];
  return file.statements.filter((s) => s.start >= part.range.start && s.start < part.range.end);
}

/** `003_add_orders`: the migration as its file names show it (diesel: its folder, `2026-01-02-000000_orders`). */
export function migrationLabel(migration: Migration, layout?: LayoutName): string {
  const file = (migration.up[0] ?? migration.down[0])?.file;
  if (layout === 'directory-per-migration' && file) {
    const parts = file.split('/');
    if (parts.length >= 2) return parts[parts.length - 2]!;
  }
  if (!migration.name || migration.name === migration.version) return migration.version;
  return `${migration.version}_${migration.name}`;
}

/**
 * Does the statement change anything when it runs? Transaction control, settings and a constant
 * `SELECT` (goose's template writes `SELECT 'down SQL query';`) do not.
 */
export function changesSomething(statement: Statement): boolean {
  switch (statement.kind) {
    case 'TransactionStmt':
    case 'VariableSetStmt':
    case 'VariableShowStmt':
      return false;
    case 'SelectStmt':
      return !isConstantSelect(statement.node);
    default:
      return true;
  }
}

function isConstantSelect(node: AstNode): boolean {
  if (node.intoClause || node.fromClause || node.op !== 'SETOP_NONE' || node.withClause) return false;
  return (node.targetList ?? []).every((target: AstNode) => target.ResTarget?.val?.A_Const !== undefined);
}

/** The part's statements that change something. */
export function effectiveStatements(file: SourceFile | undefined, part: MigrationPart): Statement[] {
  return statementsOf(file, part).filter(changesSomething);
}

/** Every file a migration's parts live in (a dbmate file once, a golang-migrate pair twice). */
export function filesOfMigration(migration: Migration): string[] {
  return [...new Set([...migration.up, ...migration.down].map((p) => p.file))];
}

/** Where a part starts, as a range on its first line that holds text (a marker, a comment), or the empty range at its start. */
export function partStartRange(file: SourceFile | undefined, part: MigrationPart): { start: number; end: number } {
  const text = file?.text ?? '';
  let at = part.range.start;
  const end = Math.min(part.range.end, text.length);
  while (at < end && /\s/.test(text[at]!)) at++;
  if (at >= end) return { start: part.range.start, end: part.range.start };
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd === -1 || lineEnd > end) lineEnd = end;
  let last = lineEnd;
  while (last > at && /\s/.test(text[last - 1]!)) last--;
  return { start: at, end: last };
}

/** Layouts that can express a down, and what a runner calls the down of a migration. */
export const DOWN_LAYOUTS = ['golang-migrate', 'paired-down', 'dbmate', 'goose', 'flyway', 'sqitch', 'directory-per-migration'] as const satisfies readonly LayoutName[];

/** A `layouts` option: which of the down-carrying layouts a rule applies to. */
export function downLayoutsOption(description: string) {
  return { type: 'array', items: { enum: [...DOWN_LAYOUTS] }, uniqueItems: true, description } as const;
}
export type DownLayout = (typeof DOWN_LAYOUTS)[number];

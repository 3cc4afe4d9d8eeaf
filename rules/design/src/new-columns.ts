// The columns a statement defines — `CREATE TABLE` columns, `ALTER TABLE … ADD COLUMN`, and the new
// type of `ALTER COLUMN … TYPE` — with their type, for the rules that prefer one type over another.
// Temporary tables are left out: they live for a session, their types never reach production data.

import type { AstNode, Range, RuleContext, SqlToken, Statement } from '@migralint/core';
import { isKeyword, isPunctuation } from '@migralint/core';
import { nameOfRangeVar, type WrittenName } from '@migralint/core';

export interface NewColumn {
  table: WrittenName;
  column: string;
  /** The `TypeName` node. */
  typeName: AstNode;
  /** `create` (CREATE TABLE), `add` (ADD COLUMN) or `alter` (ALTER COLUMN … TYPE). */
  how: 'create' | 'add' | 'alter';
  /** A primary key, foreign key, serial or identity column: the columns ids live in. */
  isKey: boolean;
}

/** Internal type name of a `TypeName` (`int4`, `varchar`, `serial`), or undefined for types outside pg_catalog. */
export function builtinTypeName(typeName: AstNode | undefined): string | undefined {
  const names: string[] = (typeName?.names ?? []).map((n: AstNode) => String(n?.String?.sval ?? ''));
  if (names.length === 1) return names[0];
  if (names.length === 2 && names[0] === 'pg_catalog') return names[1];
  return undefined;
}

const SERIALS = new Set(['serial', 'serial2', 'serial4', 'serial8', 'smallserial', 'bigserial']);

export function isSerial(typeName: AstNode | undefined): boolean {
  return (typeName?.names ?? []).length === 1 && SERIALS.has(builtinTypeName(typeName) ?? '');
}

function constraintsOf(column: AstNode): AstNode[] {
  return (column.constraints ?? []).map((c: AstNode) => c.Constraint).filter(Boolean);
}

function keyColumnsOfTable(elements: readonly AstNode[]): Set<string> {
  const keys = new Set<string>();
  for (const element of elements) {
    const c = element.Constraint;
    if (c?.contype === 'CONSTR_PRIMARY') for (const k of c.keys ?? []) keys.add(String(k.String?.sval));
    if (c?.contype === 'CONSTR_FOREIGN') for (const k of c.fk_attrs ?? []) keys.add(String(k.String?.sval));
  }
  return keys;
}

function isKeyColumn(column: AstNode, tableKeys: Set<string>): boolean {
  if (tableKeys.has(column.colname) || isSerial(column.typeName) || column.identity) return true;
  return constraintsOf(column).some((c) => c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_FOREIGN' || c.contype === 'CONSTR_IDENTITY');
}

const columnsOf = new WeakMap<Statement, readonly NewColumn[]>();

/** The columns `statement` defines or retypes, in the order written (worked out once: every type-preference rule asks). */
export function newColumns(statement: Statement): readonly NewColumn[] {
  let columns = columnsOf.get(statement);
  if (!columns) columnsOf.set(statement, (columns = columnsDefinedBy(statement)));
  return columns;
}

function columnsDefinedBy(statement: Statement): NewColumn[] {
  const node = statement.node;
  if (statement.kind === 'CreateStmt') {
    if (node.relation?.relpersistence === 't') return [];
    const table = nameOfRangeVar(node.relation);
    const elements: AstNode[] = node.tableElts ?? [];
    const keys = keyColumnsOfTable(elements);
    return elements
      .map((e) => e.ColumnDef)
      .filter((c) => c?.typeName)
      .map((c) => ({ table, column: String(c.colname), typeName: c.typeName, how: 'create' as const, isKey: isKeyColumn(c, keys) }));
  }
  if (statement.kind === 'AlterTableStmt' && node.objtype === 'OBJECT_TABLE' && node.relation?.relpersistence !== 't') {
    const table = nameOfRangeVar(node.relation);
    const out: NewColumn[] = [];
    for (const entry of node.cmds ?? []) {
      const cmd = entry.AlterTableCmd;
      const def = cmd?.def?.ColumnDef;
      if (!def?.typeName) continue;
      if (cmd.subtype === 'AT_AddColumn') out.push({ table, column: String(def.colname), typeName: def.typeName, how: 'add', isKey: isKeyColumn(def, new Set()) });
      if (cmd.subtype === 'AT_AlterColumnType') out.push({ table, column: String(cmd.name), typeName: def.typeName, how: 'alter', isKey: false });
    }
    return out;
  }
  return [];
}

/** `column "a"` or `columns "a", "b"`. */
export function columnList(columns: readonly string[]): string {
  return `${columns.length === 1 ? 'column' : 'columns'} ${columns.map((c) => `"${c}"`).join(', ')}`;
}

/** Index after the bracket group opened at `tokens[i]` (`(`/`[`), or `i` when none opens there. */
function skipGroup(tokens: readonly SqlToken[], i: number): number {
  const open = tokens[i]?.text;
  const close = open === '(' ? ')' : open === '[' ? ']' : undefined;
  if (!close || tokens[i]?.kind !== 'punctuation') return i;
  let depth = 0;
  for (let j = i; j < tokens.length; j++) {
    if (isPunctuation(tokens[j], open!)) depth++;
    else if (isPunctuation(tokens[j], close) && --depth === 0) return j + 1;
  }
  return i;
}

/**
 * The whole type as written — `varchar(255)[]`, `timestamp(3) without time zone`,
 * `character varying(20)`, `double precision` — from the token at the TypeName's location.
 * With `arrays: false`, without the array brackets (the part a suggestion replaces).
 */
export function typeRange(context: RuleContext<any>, typeName: AstNode, arrays = true): Range {
  const first = context.rangeOf(typeName);
  const tokens = context.tokensOf();
  let j = tokens.findIndex((t) => t.end === first.end);
  if (j === -1 || tokens[j]!.start < first.start) return first;
  if (isKeyword(tokens[j + 1], 'varying') || isKeyword(tokens[j + 1], 'precision')) j++;
  for (;;) {
    const next = tokens[j + 1];
    if (isPunctuation(next, '(') || (arrays && isPunctuation(next, '['))) {
      const after = skipGroup(tokens, j + 1);
      if (after === j + 1) break;
      j = after - 1;
    } else if ((isKeyword(next, 'with') || isKeyword(next, 'without')) && isKeyword(tokens[j + 2], 'time') && isKeyword(tokens[j + 3], 'zone')) {
      j += 3;
    } else if (arrays && isKeyword(next, 'array')) {
      j++;
    } else break;
  }
  return { start: first.start, end: tokens[j]!.end };
}

// "Was the function's last user dropped just before?" A trigger function whose trigger the migration
// dropped, or the function of a generated column it dropped, is left over: dropping it breaks
// nothing that is still there. Deployed code could call a helper itself, so the exemption holds only
// when the history shows the function's users (triggers, column defaults and generation
// expressions, expression indexes), every one of them is gone by this statement, and this file removed at least one
// of them. Any other mention of the function (a view, a policy, another function's body,
// a call in a migration) is a user we cannot follow: the drop is reported then.

import { nameOfDropObject, nameOfList, nameOfRangeVar, sameName, type AstNode, type MigrationPart, type RuleContext, type SourceFile, type Statement, type WrittenName } from '@migralint/core';
import type { ObjectName } from './new-objects.js';

/** A lasting user of the function: a trigger on a table, a column whose default or generation calls it, an expression index. */
interface User {
  kind: 'trigger' | 'column' | 'index';
  table: WrittenName;
  name: string;
}

interface Scan {
  users: User[];
  /** The function is named somewhere else: a user we cannot follow. */
  other: boolean;
}

/** Did the statements before this one drop every user of `fn`, at least one of them in this file? */
export function lastUserDropped(context: RuleContext<any>, fn: ObjectName): boolean {
  const history = statementsBefore(context);
  const scan: Scan = { users: [], other: false };
  const lower = fn.name.toLowerCase();
  for (const statement of history) {
    if (!lowerText(statement).includes(lower)) continue;
    collectUsers(statement, fn, scan);
    if (scan.other) return false;
  }
  if (scan.users.length === 0) return false;
  const here = context.statements.filter((s) => s.index < context.statement.index);
  return scan.users.every((user) => history.some((s) => drops(s, user))) && scan.users.some((user) => here.some((s) => drops(s, user)));
}

/**
 * The statements that ran before the current one, in order: the up parts of earlier migrations,
 * the current migration's up when the statement is in its down, and the current file up to the
 * statement. Without a migration place, the file up to the statement.
 */
function statementsBefore(context: RuleContext<any>): Statement[] {
  const current = context.statement;
  const place = context.migration;
  const here = context.statements.filter((s) => s.index < current.index && (!place || s.start >= place.part.range.start));
  if (!place) return here;
  const files = filesByPath(context.project.files);
  const inPart = (part: MigrationPart) => (files.get(part.file)?.statements ?? []).filter((s) => s.start >= part.range.start && s.start < part.range.end);
  const earlier = place.set.migrations.filter((m) => m.index < place.migration.index).flatMap((m) => m.up.flatMap(inPart));
  const up = place.part.direction === 'down' ? place.migration.up.filter((p) => p.file !== context.file.path).flatMap(inPart) : [];
  return [...earlier, ...up, ...here];
}

// Asked once per dropped function over the whole history: each statement is lowercased and the
// project's files indexed once per run, not once per question.
const lowered = new WeakMap<Statement, string>();
function lowerText(statement: Statement): string {
  let text = lowered.get(statement);
  if (text === undefined) lowered.set(statement, (text = statement.text.toLowerCase()));
  return text;
}

const byPath = new WeakMap<readonly SourceFile[], Map<string, SourceFile>>();
function filesByPath(files: readonly SourceFile[]): Map<string, SourceFile> {
  let map = byPath.get(files);
  if (!map) byPath.set(files, (map = new Map(files.map((f) => [f.path, f]))));
  return map;
}

function sameFunction(items: readonly AstNode[] | undefined, fn: ObjectName): boolean {
  const name = nameOfList(items);
  return name !== undefined && name.name === fn.name && (name.schema === undefined || fn.schema === undefined || name.schema === fn.schema);
}

/** Adds the users of `fn` that `statement` creates to `scan`, or sets `scan.other` for any other mention. */
function collectUsers(statement: Statement, fn: ObjectName, scan: Scan): void {
  const node = statement.node;
  switch (statement.kind) {
    case 'CreateFunctionStmt':
    case 'AlterFunctionStmt':
    case 'DropStmt':
    case 'CommentStmt':
    case 'GrantStmt':
    case 'AlterOwnerStmt':
      // The function's own definition, or another function whose body names it.
      if (statement.kind === 'CreateFunctionStmt' && !sameFunction(node.funcname, fn)) scan.other = true;
      return;
    case 'CreateTrigStmt':
      if (sameFunction(node.funcname, fn)) scan.users.push({ kind: 'trigger', table: nameOfRangeVar(node.relation ?? {}), name: String(node.trigname ?? '') });
      else if (callsIn(node, fn)) scan.other = true;
      return;
    case 'IndexStmt':
      if (callsIn(node, fn)) scan.users.push({ kind: 'index', table: nameOfRangeVar(node.relation ?? {}), name: String(node.idxname ?? '') });
      return;
    case 'CreateStmt':
    case 'AlterTableStmt': {
      const table = nameOfRangeVar(node.relation ?? {});
      const columns: AstNode[] = statement.kind === 'CreateStmt' ? (node.tableElts ?? []).map((e: AstNode) => e.ColumnDef).filter(Boolean) : [];
      const rest: AstNode[] = [];
      for (const entry of statement.kind === 'AlterTableStmt' ? (node.cmds ?? []) : []) {
        const cmd = entry.AlterTableCmd;
        if (cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) columns.push(cmd.def.ColumnDef);
        else if (cmd?.subtype === 'AT_ColumnDefault' && cmd.def && typeof cmd.name === 'string') columns.push({ colname: cmd.name, constraints: [{ Constraint: { raw_expr: cmd.def } }] });
        else rest.push(entry);
      }
      for (const column of columns) if (callsIn(column.constraints, fn)) scan.users.push({ kind: 'column', table, name: String(column.colname ?? '') });
      const others = statement.kind === 'CreateStmt' ? (node.tableElts ?? []).filter((e: AstNode) => !e.ColumnDef) : rest;
      if (callsIn(others, fn)) scan.other = true;
      return;
    }
    default:
      if (callsIn(node, fn) || (statement.embedded ?? []).some((s) => callsIn(s.node, fn))) scan.other = true;
  }
}

/** Is there a call of `fn` anywhere under `value`? */
function callsIn(value: unknown, fn: ObjectName): boolean {
  if (Array.isArray(value)) return value.some((item) => callsIn(item, fn));
  if (value === null || typeof value !== 'object') return false;
  const call = (value as AstNode).FuncCall;
  if (call && sameFunction(call.funcname, fn)) return true;
  return Object.values(value).some((child) => callsIn(child, fn));
}

/** Does `statement` drop `user` (itself, or its table)? */
function drops(statement: Statement, user: User): boolean {
  const node = statement.node;
  if (statement.kind === 'DropStmt' && node.removeType === 'OBJECT_TABLE') {
    return (node.objects ?? []).some((object: AstNode) => {
      const table = nameOfDropObject(object);
      return table !== undefined && sameName(table, user.table);
    });
  }
  if (user.kind === 'trigger' && statement.kind === 'DropStmt' && node.removeType === 'OBJECT_TRIGGER') {
    return (node.objects ?? []).some((object: AstNode) => {
      const parts: string[] = (object.List?.items ?? []).map((item: AstNode) => item?.String?.sval);
      const table = parts.slice(0, -1);
      return parts.at(-1) === user.name && sameName({ schema: table.length > 1 ? table[table.length - 2] : undefined, name: table.at(-1) ?? '' }, user.table);
    });
  }
  if (user.kind === 'index' && statement.kind === 'DropStmt' && node.removeType === 'OBJECT_INDEX') {
    return (node.objects ?? []).some((object: AstNode) => {
      const index = nameOfDropObject(object);
      return index !== undefined && index.name === user.name && (index.schema === undefined || user.table.schema === undefined || index.schema === user.table.schema);
    });
  }
  if (user.kind === 'column' && statement.kind === 'AlterTableStmt' && sameName(nameOfRangeVar(node.relation ?? {}), user.table)) {
    return (node.cmds ?? []).some((entry: AstNode) => entry.AlterTableCmd?.subtype === 'AT_DropColumn' && entry.AlterTableCmd.name === user.name);
  }
  return false;
}

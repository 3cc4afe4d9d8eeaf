// Shared by require-lock-timeout and require-statement-timeout: is the setting in effect when a
// statement runs, and which statement first needs it?
//
// `SET name = v` (or `SET SESSION`) holds for the rest of the part (one run of the migration tool);
// `SET LOCAL name = v` and `set_config('name', v, true)` only until the transaction ends, and do
// nothing outside one; `SET name = 0`, `= DEFAULT`, `RESET name` and `RESET ALL` turn it off again
// (0 means "no timeout"). `ALTER ROLE/DATABASE … SET` only affects later sessions, so it does not count.

import type { AstNode, RuleContext, Statement, Visitors } from '@migralint/core';
import { lineBreakOf } from './text-edits.js';
import { blocksReads, blocksWrites, describeTarget, isPreExisting, locksTakenBy, type RelationLock } from './table-locks.js';
import { transactionGroupOf } from '@migralint/core';
import { walkAst } from '@migralint/core';

export type TimeoutSetting = 'lock_timeout' | 'statement_timeout';

type Change = 'session' | 'local' | 'off';

/**
 * Visitors that call `report` for the first statement of each part that takes a lock blocking
 * writes (or reads) on a relation that existed before this migration, with `setting` not in effect.
 */
export function firstStatementWithout(
  context: RuleContext<any>,
  setting: TimeoutSetting,
  report: (statement: Statement, lock: RelationLock) => void,
): Visitors {
  const parts = new Map<number, { session: boolean; local: number | undefined; reported: boolean }>();
  return {
    Statement(_node, statement) {
      const place = transactionGroupOf(context, statement);
      let state = parts.get(place.part);
      if (!state) parts.set(place.part, (state = { session: false, local: undefined, reported: false }));
      // A part is reported once: after that, what its statements set no longer matters.
      if (state.reported) return;
      const change = changeOf(statement, setting);
      if (change === 'session') state.session = true;
      else if (change === 'local') state.local = place.transaction;
      else if (change === 'off') {
        state.session = false;
        state.local = undefined;
      }
      if (change) return;
      if (state.session || (state.local !== undefined && state.local === place.transaction)) return;
      const lock = locksTakenBy(context, statement).find((l) => blocksWrites(l.mode) && isPreExisting(context, l.target));
      if (!lock) return;
      state.reported = true;
      report(statement, lock);
    },
  };
}

/** How `statement` changes `setting`, if it does. */
function changeOf(statement: Statement, setting: TimeoutSetting): Change | undefined {
  const node = statement.node;
  if (statement.kind === 'VariableSetStmt') {
    if (node.kind === 'VAR_RESET_ALL') return 'off';
    if (node.name !== setting) return undefined;
    if (node.kind === 'VAR_SET_DEFAULT' || node.kind === 'VAR_RESET') return 'off';
    if (node.kind !== 'VAR_SET_VALUE') return undefined;
    if (isZero(node.args?.[0])) return 'off';
    return node.is_local ? 'local' : 'session';
  }
  // SELECT set_config('lock_timeout', '5s', false) — anywhere in the statement. The walk only where
  // the text can name the function (written out, or with U&"…" escapes).
  if (!SET_CONFIG_HINT.test(statement.text)) return undefined;
  let change: Change | undefined;
  walkAst(node, (type, call) => {
    if (type !== 'FuncCall') return;
    const name: AstNode[] = call?.funcname ?? [];
    if (name.at(-1)?.String?.sval !== 'set_config') return;
    const [key, value, local] = call.args ?? [];
    if (key?.A_Const?.sval?.sval !== setting) return;
    change = isZero(value) ? 'off' : local?.A_Const?.boolval?.boolval === true ? 'local' : 'session';
  });
  return change;
}

const SET_CONFIG_HINT = /set_config|u&"/i;

/** `0`, `'0'`, `'0s'`, `'0ms'`: no timeout. */
function isZero(value: AstNode | undefined): boolean {
  const constant = value?.A_Const;
  if (!constant) return false;
  if (constant.ival) return !constant.ival.ival;
  if (constant.sval) return /^\s*0+(\.0*)?\s*[a-z]*\s*$/i.test(String(constant.sval.sval ?? ''));
  return false;
}

/** `SET <setting> = '<value>';` plus a line break in the file's own style, to insert before `statement`. */
export function setStatementText(text: string, setting: TimeoutSetting, value: string): string {
  return `SET ${setting} = '${value}';${lineBreakOf(text)}`;
}

/**
 * May a suggestion insert a `SET` statement before `statement`? Not when the statement refuses to
 * run inside a transaction block (VACUUM, CLUSTER of every table, REINDEX SCHEMA/DATABASE/SYSTEM)
 * and the file belongs to a migration layout: runners that send a file as one query (golang-migrate,
 * Prisma, …) run two statements as one implicit transaction, so the inserted SET would break it.
 */
export function canInsertBefore(context: RuleContext<any>, statement: Statement): boolean {
  if (context.migration === undefined) return true;
  const node = statement.node;
  switch (statement.kind) {
    case 'VacuumStmt':
      return !node.is_vacuumcmd;
    case 'ClusterStmt':
      return node.relation !== undefined;
    case 'ReindexStmt':
      return node.kind === 'REINDEX_OBJECT_TABLE' || node.kind === 'REINDEX_OBJECT_INDEX';
    default:
      return true;
  }
}

/**
 * The visitors of a timeout rule: report `missing` (with the `addSetting` suggestion) at the first
 * statement of each part that needs `setting`. `safeWay` opens the note.
 */
export function reportMissingTimeout(context: RuleContext<any>, setting: TimeoutSetting, timeout: string, safeWay: string): Visitors {
  return firstStatementWithout(context, setting, (statement, lock) => {
    const insertable = canInsertBefore(context, statement);
    context.report({
      messageId: 'missing',
      data: {
        target: describeTarget(lock.target),
        mode: lock.mode,
        blocked: blocksReads(lock.mode) ? 'query on it' : 'write to it',
      },
      at: lock.at ?? statement,
      note:
        `${safeWay} Reported once per file, at the first statement that needs it.` +
        (insertable
          ? ''
          : ' This statement refuses to run inside a transaction block, and the runner sends the file as one query: a SET before it ' +
            `would put both in one implicit transaction. Set ${setting} for the runner's connection instead (e.g. PGOPTIONS='-c ${setting}=${timeout}').`),
      suggest: insertable
        ? [
            {
              messageId: 'addSetting',
              data: { timeout },
              fix: { range: [statement.start, statement.start], text: setStatementText(context.file.text, setting, timeout) },
            },
          ]
        : [],
    });
  });
}

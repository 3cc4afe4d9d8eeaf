// Which relations a statement locks, and in which mode — the table-level lock modes of the
// PostgreSQL docs ("Explicit Locking", and the lock level listed for each ALTER TABLE form).
//
// What matters for a migration is what the lock blocks while it is held *and while it waits*:
// Postgres queues lock requests, so a statement waiting for its lock behind a long transaction
// makes every later conflicting request wait behind it. SHARE and stronger conflict with ROW
// EXCLUSIVE (INSERT/UPDATE/DELETE): writes stop. ACCESS EXCLUSIVE conflicts with everything:
// reads stop too. SHARE UPDATE EXCLUSIVE (VALIDATE CONSTRAINT, CREATE INDEX CONCURRENTLY, plain
// VACUUM, COMMENT ON) blocks neither.

import type { AstNode, Range, RuleContext, Settings, SqlToken, Statement } from '@migralint/core';
import { dropsNothing, isNew } from './new-objects.js';
import { displayName, nameOfDropObject, nameOfList, nameOfRangeVar, type WrittenName } from '@migralint/core';
import { isKeyword } from '@migralint/core';
import { qualifiedNameRange } from './sql-tokens.js';

export type LockMode =
  | 'ACCESS SHARE'
  | 'ROW SHARE'
  | 'ROW EXCLUSIVE'
  | 'SHARE UPDATE EXCLUSIVE'
  | 'SHARE'
  | 'SHARE ROW EXCLUSIVE'
  | 'EXCLUSIVE'
  | 'ACCESS EXCLUSIVE';

/** Lock modes in order of strength (Postgres' own numbering, `LockStmt.mode`). */
const MODES: LockMode[] = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
];

export function strength(mode: LockMode): number {
  return MODES.indexOf(mode) + 1;
}

/** Blocks INSERT/UPDATE/DELETE of the relation while held or queued (SHARE and stronger). */
export function blocksWrites(mode: LockMode): boolean {
  return strength(mode) >= strength('SHARE');
}

/** Blocks plain SELECTs too (ACCESS EXCLUSIVE). */
export function blocksReads(mode: LockMode): boolean {
  return mode === 'ACCESS EXCLUSIVE';
}

export type LockTarget =
  /** An index: its table is locked in the same mode (DROP INDEX) or reads that use it wait (REINDEX). */
  | { kind: 'table' | 'index' | 'view' | 'type'; name: WrittenName }
  /** Every table of a schema or database, every clustered table, … */
  | { kind: 'many'; what: string };

export interface RelationLock {
  target: LockTarget;
  mode: LockMode;
  /** Where the target is named: a node with a location, or a range from the tokens. */
  at: AstNode | Range | undefined;
}

/** How a message names what is locked: `table "users"`, `the tables using domain "email"`. */
export function describeTarget(target: LockTarget): string {
  switch (target.kind) {
    case 'many':
      return target.what;
    case 'index':
      return `index "${displayName(target.name)}" (and its table)`;
    case 'type':
      return `the tables using domain "${displayName(target.name)}"`;
    default:
      return `${target.kind} "${displayName(target.name)}"`;
  }
}

/** Did the relation exist before this migration (so production traffic uses it)? */
export function isPreExisting(context: RuleContext<any>, target: LockTarget): boolean {
  return target.kind === 'many' || !isNew(context, target.kind, target.name);
}

/** Every relation lock `statement` takes: one per relation, in the strongest mode asked for, in the order written. */
export function locksTakenBy(context: RuleContext<any>, statement: Statement): RelationLock[] {
  const locks = rawLocks(context, statement, context.settings);
  const merged: RelationLock[] = [];
  for (const lock of locks) {
    const same = merged.find((m) => sameTarget(m.target, lock.target));
    if (!same) merged.push(lock);
    else if (strength(lock.mode) > strength(same.mode)) same.mode = lock.mode;
  }
  return merged;
}

function sameTarget(a: LockTarget, b: LockTarget): boolean {
  if (a.kind === 'many' || b.kind === 'many') return a.kind === b.kind && (a as { what: string }).what === (b as { what: string }).what;
  return a.kind === b.kind && a.name.name === b.name.name && (a.name.schema ?? 'public') === (b.name.schema ?? 'public');
}

const RELATION_KIND: Record<string, 'table' | 'index' | 'view'> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'view',
};

/** ALTER TABLE forms that take less than ACCESS EXCLUSIVE (the "lock level" notes of the ALTER TABLE docs). */
const ALTER_TABLE_MODES: Record<string, LockMode> = {
  AT_SetStatistics: 'SHARE UPDATE EXCLUSIVE',
  AT_SetOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ResetOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ValidateConstraint: 'SHARE UPDATE EXCLUSIVE',
  AT_ClusterOn: 'SHARE UPDATE EXCLUSIVE',
  AT_DropCluster: 'SHARE UPDATE EXCLUSIVE',
  AT_SetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_ResetRelOptions: 'SHARE UPDATE EXCLUSIVE',
  AT_AttachPartition: 'SHARE UPDATE EXCLUSIVE',
  AT_DetachPartitionFinalize: 'SHARE UPDATE EXCLUSIVE',
  AT_EnableTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableAlwaysTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableReplicaTrig: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_EnableTrigUser: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrig: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigAll: 'SHARE ROW EXCLUSIVE',
  AT_DisableTrigUser: 'SHARE ROW EXCLUSIVE',
};

function rawLocks(context: RuleContext<any>, statement: Statement, settings: Settings): RelationLock[] {
  const node = statement.node;
  const table = (rangeVar: AstNode | undefined, mode: LockMode, kind: 'table' | 'index' | 'view' = 'table'): RelationLock => ({
    target: { kind, name: nameOfRangeVar(rangeVar) },
    mode,
    at: rangeVar,
  });
  switch (statement.kind) {
    case 'AlterTableStmt': {
      const kind = RELATION_KIND[node.objtype];
      if (!kind || !node.relation) return [];
      const locks: RelationLock[] = [];
      for (const entry of node.cmds ?? []) {
        const cmd = entry.AlterTableCmd;
        if (!cmd) continue;
        let mode: LockMode = ALTER_TABLE_MODES[cmd.subtype] ?? 'ACCESS EXCLUSIVE';
        if (cmd.subtype === 'AT_DetachPartition' && cmd.def?.PartitionCmd?.concurrent) mode = 'SHARE UPDATE EXCLUSIVE';
        const constraint = cmd.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
        if (constraint?.contype === 'CONSTR_FOREIGN') mode = 'SHARE ROW EXCLUSIVE';
        locks.push(table(node.relation, mode, kind));
        // A foreign key also locks the table it references; an attached partition is locked whole.
        for (const fk of foreignKeysOf(cmd)) locks.push(table(fk.pktable, 'SHARE ROW EXCLUSIVE'));
        if (cmd.subtype === 'AT_AttachPartition' && cmd.def?.PartitionCmd?.name) locks.push(table(cmd.def.PartitionCmd.name, 'ACCESS EXCLUSIVE'));
      }
      return locks;
    }
    case 'RenameStmt': {
      // Renaming an index takes SHARE UPDATE EXCLUSIVE (Postgres 12+); everything else ACCESS EXCLUSIVE.
      if (!node.relation || node.renameType === 'OBJECT_INDEX') return [];
      const kind = RELATION_KIND[node.renameType] ?? RELATION_KIND[node.relationType] ?? 'table';
      return [table(node.relation, 'ACCESS EXCLUSIVE', kind === 'index' ? 'table' : kind)];
    }
    case 'AlterObjectSchemaStmt': {
      const kind = RELATION_KIND[node.objectType];
      return kind && node.relation ? [table(node.relation, 'ACCESS EXCLUSIVE', kind)] : [];
    }
    case 'IndexStmt':
      return node.concurrent || !node.relation ? [] : [table(node.relation, 'SHARE')];
    case 'CreateTrigStmt':
      return node.relation ? [table(node.relation, 'SHARE ROW EXCLUSIVE')] : [];
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      return node.table ? [table(node.table, 'ACCESS EXCLUSIVE')] : [];
    case 'RuleStmt':
      return node.relation ? [table(node.relation, 'ACCESS EXCLUSIVE')] : [];
    case 'CreateStmt': {
      const locks: RelationLock[] = [];
      // CREATE TABLE … PARTITION OF locks the parent; a foreign key locks the referenced table.
      if (node.partbound && node.inhRelations?.[0]?.RangeVar) locks.push(table(node.inhRelations[0].RangeVar, 'ACCESS EXCLUSIVE'));
      for (const element of node.tableElts ?? []) {
        const constraints: AstNode[] = element.Constraint ? [element.Constraint] : (element.ColumnDef?.constraints ?? []).map((c: AstNode) => c.Constraint);
        for (const c of constraints) if (c?.contype === 'CONSTR_FOREIGN' && c.pktable) locks.push(table(c.pktable, 'SHARE ROW EXCLUSIVE'));
      }
      return locks;
    }
    case 'TruncateStmt':
      return (node.relations ?? []).map((r: AstNode) => table(r.RangeVar, 'ACCESS EXCLUSIVE'));
    case 'LockStmt': {
      const mode = MODES[(Number(node.mode) || 8) - 1] ?? 'ACCESS EXCLUSIVE';
      return (node.relations ?? []).map((r: AstNode) => table(r.RangeVar, mode));
    }
    case 'VacuumStmt': {
      if (!node.is_vacuumcmd || !isOptionOn(node.options, 'full')) return [];
      const rels: AstNode[] = node.rels ?? [];
      if (rels.length === 0) return [{ target: { kind: 'many', what: 'every table of the database' }, mode: 'ACCESS EXCLUSIVE', at: undefined }];
      return rels.map((r) => table(r.VacuumRelation?.relation, 'ACCESS EXCLUSIVE'));
    }
    case 'ClusterStmt':
      if (!node.relation) return [{ target: { kind: 'many', what: 'every previously clustered table' }, mode: 'ACCESS EXCLUSIVE', at: undefined }];
      return [table(node.relation, 'ACCESS EXCLUSIVE')];
    case 'ReindexStmt': {
      if (isOptionOn(node.params, 'concurrently')) return [];
      if (node.kind === 'REINDEX_OBJECT_INDEX' && node.relation) return [table(node.relation, 'ACCESS EXCLUSIVE', 'index')];
      if (node.kind === 'REINDEX_OBJECT_TABLE' && node.relation) return [table(node.relation, 'SHARE')];
      const what = node.kind === 'REINDEX_OBJECT_SCHEMA' ? `every table of schema "${node.name}"` : 'every table of the database';
      return [{ target: { kind: 'many', what }, mode: 'SHARE', at: undefined }];
    }
    case 'RefreshMatViewStmt':
      return node.concurrent || !node.relation ? [] : [table(node.relation, 'ACCESS EXCLUSIVE', 'view')];
    case 'AlterDomainStmt': {
      const name = nameOfList(node.typeName);
      if (!name) return [];
      const lock = (mode: LockMode): RelationLock[] => [{ target: { kind: 'type', name }, mode, at: undefined }];
      // Adding a constraint or NOT NULL checks every column of the domain under SHARE locks;
      // VALIDATE CONSTRAINT too, until Postgres 19 lowered it to SHARE UPDATE EXCLUSIVE.
      if (node.subtype === 'C' && !node.def?.Constraint?.skip_validation) return lock('SHARE');
      if (node.subtype === 'O') return lock('SHARE');
      if (node.subtype === 'V' && settings.postgresVersion < 19) return lock('SHARE');
      return [];
    }
    case 'AlterTableMoveAllStmt':
      return [{ target: { kind: 'many', what: `every table in tablespace "${node.orig_tablespacename}"` }, mode: 'ACCESS EXCLUSIVE', at: undefined }];
    case 'DropStmt':
      return dropLocks(context, statement);
    default:
      return [];
  }
}

function dropLocks(context: RuleContext<any>, statement: Statement): RelationLock[] {
  const node = statement.node;
  const objects: AstNode[] = node.objects ?? [];
  // Where a lock's target is named comes from the tokens; scanned only when a rule reports the lock.
  let tokens: readonly SqlToken[] | undefined;
  const tokensOfStatement = () => (tokens ??= context.tokensOf(statement));
  switch (node.removeType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_INDEX': {
      // DROP INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE.
      if (node.removeType === 'OBJECT_INDEX' && node.concurrent) return [];
      const kind = RELATION_KIND[node.removeType]!;
      return objects.flatMap((object) => {
        const name = nameOfDropObject(object);
        // IF EXISTS of a relation that is not there locks nothing.
        if (!name || dropsNothing(context, statement, kind, name)) return [];
        return [lockNamedIn({ kind, name }, () => qualifiedNameRange(tokensOfStatement(), name))];
      });
    }
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE': {
      // `DROP TRIGGER tr ON s.t`: the list is [s, t, tr]; the table is all but the last part.
      const afterOn = () => {
        const all = tokensOfStatement();
        const onAt = all.findIndex((t) => isKeyword(t, 'on'));
        return onAt === -1 ? all : all.slice(onAt + 1);
      };
      return objects.flatMap((object) => {
        const items: AstNode[] = object?.List?.items ?? [];
        const name = nameOfList(items.slice(0, -1));
        return name ? [lockNamedIn({ kind: 'table', name }, () => qualifiedNameRange(afterOn(), name))] : [];
      });
    }
    default:
      return [];
  }
}

/** An ACCESS EXCLUSIVE lock whose `at` is read from the tokens on first use. */
function lockNamedIn(target: LockTarget, range: () => Range | undefined): RelationLock {
  let at: Range | undefined;
  let found = false;
  return {
    target,
    mode: 'ACCESS EXCLUSIVE',
    get at() {
      if (!found) {
        at = range();
        found = true;
      }
      return at;
    },
  };
}

/** Foreign keys a subcommand adds: `ADD [CONSTRAINT x] FOREIGN KEY …` or `ADD COLUMN c … REFERENCES t`. */
export function foreignKeysOf(cmd: AstNode): AstNode[] {
  if (cmd.subtype === 'AT_AddConstraint') {
    const c = cmd.def?.Constraint;
    return c?.contype === 'CONSTR_FOREIGN' ? [c] : [];
  }
  if (cmd.subtype === 'AT_AddColumn') {
    return (cmd.def?.ColumnDef?.constraints ?? []).map((c: AstNode) => c.Constraint).filter((c: AstNode | undefined) => c?.contype === 'CONSTR_FOREIGN');
  }
  return [];
}

/**
 * Is a `VACUUM (FULL)` / `REINDEX (CONCURRENTLY)` style option on? `FULL` and `(FULL)` and
 * `(FULL true)` are; `(FULL false)`, `(FULL off)`, `(FULL 0)` are not.
 */
export function isOptionOn(options: readonly AstNode[] | undefined, name: string): boolean {
  const option = (options ?? []).find((o) => o.DefElem?.defname === name)?.DefElem;
  if (!option) return false;
  const arg = option.arg;
  if (arg === undefined) return true;
  const value = String(arg.String?.sval ?? arg.Integer?.ival ?? arg.Boolean?.boolval ?? (arg.Integer ? 0 : '')).toLowerCase();
  return !['false', 'off', '0', 'no'].includes(value);
}

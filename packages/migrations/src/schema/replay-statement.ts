// One statement applied to a Replayer's catalog: the dispatch of replaySchema, for replays that
// start from a catalog of their own (replayDown).
//
// This mirrors `applyStatement` / `searchPathChange` / `NO_MODEL_EFFECT` of replay-schema.ts,
// which keeps them private. When replay-schema.ts exports them, import them from there and delete
// this copy (a test in replay-down.test.ts checks that both replays agree on a varied history).

import type { AstNode, Statement } from '@migralint/core';
import type { Replayer } from './replayer.js';
import { drop, rename, setSchema } from './replay-cascade.js';
import {
  alterEnum,
  alterFunction,
  alterPolicy,
  alterSequence,
  createComposite,
  createDomain,
  createEnum,
  createExtension,
  createFunction,
  createMaterializedView,
  createPolicy,
  createRange,
  createSchema,
  createSequence,
  createView,
  noteGrantReferences,
  noteTriggerReferences,
  searchPathOfSelect,
  searchPathOfSet,
} from './replay-objects.js';
import { alterTable, createIndex, createTable, createTableAs } from './replay-tables.js';

/** The search_path a statement sets (`SET search_path`, pg_dump's `set_config`), or undefined. */
export function searchPathChange(statement: Statement, current: readonly string[]): readonly string[] | undefined {
  if (statement.kind === 'VariableSetStmt') return searchPathOfSet(statement.node, current);
  if (statement.kind === 'SelectStmt' && !statement.node.intoClause) return searchPathOfSelect(statement.node);
  return undefined;
}

/** Applies one statement; a tree shape the handlers did not expect is noted as skipped, never thrown. */
export function applyReplayStatement(r: Replayer, kind: string, node: AstNode): void {
  try {
    applyStatement(r, kind, node);
  } catch (error) {
    r.note(`replay error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Statements that change nothing the model keeps: not applied, not reported as skipped. */
const NO_MODEL_EFFECT = new Set([
  'TransactionStmt', 'CommentStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'SelectStmt', 'CopyStmt',
  'TruncateStmt', 'VacuumStmt', 'ClusterStmt', 'ReindexStmt', 'ExplainStmt', 'NotifyStmt', 'ListenStmt', 'UnlistenStmt',
  'LockStmt', 'RefreshMatViewStmt', 'CheckPointStmt', 'DiscardStmt', 'VariableShowStmt', 'VariableSetStmt',
  'PrepareStmt', 'ExecuteStmt', 'DeallocateStmt', 'AlterSystemStmt', 'LoadStmt', 'ConstraintsSetStmt',
  'GrantRoleStmt', 'AlterDefaultPrivilegesStmt', 'AlterOwnerStmt', 'CreateRoleStmt', 'AlterRoleStmt', 'AlterRoleSetStmt',
  'DropRoleStmt', 'DropOwnedStmt', 'ReassignOwnedStmt', 'CreatePublicationStmt', 'AlterPublicationStmt',
  'CreateSubscriptionStmt', 'AlterSubscriptionStmt', 'DropSubscriptionStmt', 'CreateStatsStmt', 'AlterStatsStmt',
  'CreateEventTrigStmt', 'AlterEventTrigStmt', 'AlterExtensionStmt', 'AlterExtensionContentsStmt', 'AlterDomainStmt',
  'AlterDatabaseStmt', 'AlterDatabaseSetStmt', 'AlterDatabaseRefreshCollStmt', 'CreatedbStmt', 'DropdbStmt',
  'SecLabelStmt', 'AlterTSConfigurationStmt', 'AlterTSDictionaryStmt', 'CreateTableSpaceStmt', 'AlterTableSpaceOptionsStmt',
  'DropTableSpaceStmt', 'AlterCollationStmt', 'AlterOperatorStmt', 'AlterTypeStmt', 'CreateForeignServerStmt',
  'AlterForeignServerStmt', 'CreateUserMappingStmt', 'AlterUserMappingStmt', 'DropUserMappingStmt', 'CreateFdwStmt',
  'AlterFdwStmt', 'ImportForeignSchemaStmt', 'ReturnStmt', 'PLAssignStmt', 'CreateCastStmt', 'CreateTransformStmt',
  'CreateConversionStmt', 'CreateOpClassStmt', 'CreateOpFamilyStmt', 'AlterOpFamilyStmt', 'CreatePLangStmt',
  'CreateAmStmt', 'CreateTrigStmt', 'GrantStmt',
]);

function applyStatement(r: Replayer, kind: string, node: AstNode): void {
  switch (kind) {
    case 'CreateStmt':
      return createTable(r, node);
    case 'AlterTableStmt':
      return alterTable(r, node);
    case 'IndexStmt':
      return createIndex(r, node);
    case 'DropStmt':
      return drop(r, node);
    case 'RenameStmt':
      return rename(r, node);
    case 'AlterObjectSchemaStmt':
      return setSchema(r, node);
    case 'CreateTableAsStmt':
      if (node.objtype === 'OBJECT_MATVIEW') return createMaterializedView(r, node);
      if (node.into) return createTableAs(r, node.into, node.query, node.if_not_exists === true);
      return;
    case 'SelectStmt':
      if (node.intoClause) return createTableAs(r, node.intoClause, { SelectStmt: node }, false);
      return;
    case 'ViewStmt':
      return createView(r, node);
    case 'CreateFunctionStmt':
      return createFunction(r, node);
    case 'AlterFunctionStmt':
      return alterFunction(r, node);
    case 'CreateEnumStmt':
      return createEnum(r, node);
    case 'AlterEnumStmt':
      return alterEnum(r, node);
    case 'CompositeTypeStmt':
      return createComposite(r, node);
    case 'CreateDomainStmt':
      return createDomain(r, node);
    case 'CreateRangeStmt':
      return createRange(r, node);
    case 'CreateSeqStmt':
      return createSequence(r, node);
    case 'AlterSeqStmt':
      return alterSequence(r, node);
    case 'CreateSchemaStmt':
      return createSchema(r, node, (elementKind, element) => applyStatement(r, elementKind, element));
    case 'CreateExtensionStmt':
      return createExtension(r, node);
    case 'CreatePolicyStmt':
      return createPolicy(r, node);
    case 'AlterPolicyStmt':
      return alterPolicy(r, node);
    case 'CreateTrigStmt':
      return noteTriggerReferences(r, node);
    case 'GrantStmt':
      return noteGrantReferences(r, node);
    case 'DoStmt':
      return r.note('DO block: its PL/pgSQL body is opaque to the replay');
    case 'CallStmt':
      return r.note('CALL: the procedure body is opaque to the replay');
    case 'RuleStmt':
      return r.note('rules are not modelled');
    case 'DefineStmt':
      return r.note(`CREATE ${String(node.kind ?? '').replace(/^OBJECT_/, '')} is not modelled`);
    case 'CreateForeignTableStmt':
      return r.note('foreign tables are not modelled');
    case 'ParseError':
      return r.note('the statement did not parse');
    default:
      if (!NO_MODEL_EFFECT.has(kind)) r.note(`${kind} is not modelled`);
      return;
  }
}

// The down replay and the snapshot diff the rollback rules judge with (@migralint/migrations).
export {
  replayDown,
  diffSnapshots,
  describeObject,
  describeChanges,
  objectState,
  type DownReplay,
  type ReplayStep,
  type ListedSnapshot,
  type SchemaDifference,
  type SchemaObjectRef,
  type PropertyChange,
  type RenameHint,
} from '@migralint/migrations';

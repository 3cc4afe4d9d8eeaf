// `DROP … IF EXISTS` in the first migration of a history that creates its initial schema, of an object that migration does not
// create and nobody declared or referenced as external, drops nothing: an initial schema written to
// also clean up a leftover. Nothing deployed can lose data or break there. Later migrations are not
// judged so: many histories start after objects they later drop (Synapse's full schemas, memos'
// LATEST.sql, a squashed baseline), and the model cannot tell those from leftovers.

import type { AstNode, RuleContext } from '@migralint/core';
import type { ObjectName } from './new-objects.js';

type SnapshotKind = 'table' | 'view' | 'type';

/** Is this `DROP … IF EXISTS`, in the history's first migration, of an object that never existed there? */
export function dropsNothing(context: RuleContext<any>, drop: AstNode, kind: SnapshotKind, name: ObjectName): boolean {
  const schema = context.schema;
  // The first migration, and an initial schema (it creates tables): not a history split in sets
  // whose first one drops what another set created (a rollback folder, a delta folder).
  if (!drop.missing_ok || !schema || context.migration?.migration.index !== 0) return false;
  if (!schema.after.tables().some((t) => t.createdIn === 0)) return false;
  const q = schema.resolve({ ...(name.schema ? { schema: name.schema } : {}), name: name.name });
  if (schema.before.isExternal(kind, q)) return false;
  return [schema.before, schema.after].every((snapshot) => snapshot[kind](q) === undefined);
}

// `DROP … IF EXISTS` of an object the history never had drops nothing, in two cases the model can
// vouch for:
// - in the first migration of a history that creates its initial schema, of an object that
//   migration does not create and nobody declared or referenced as external: an initial schema
//   written to also clean up a leftover;
// - in any migration, when the same file creates the name again right after (`DROP TABLE IF EXISTS
//   x; CREATE TABLE x …`, a script written to be re-runnable) and nothing by that name existed
//   before the migration.
// Nothing deployed can lose data or break there. A lone `DROP … IF EXISTS` in a later migration is
// not judged so: many histories start after objects they later drop (Synapse's full schemas, memos'
// LATEST.sql, a squashed baseline), and the model cannot tell those from leftovers.

import type { AstNode, RuleContext } from '@migralint/core';
import { recreatedLaterInFile, type ObjectName } from './new-objects.js';

type SnapshotKind = 'table' | 'view' | 'type';

/** Does this `DROP … IF EXISTS` drop an object that never existed in the history (see above)? */
export function dropsNothing(context: RuleContext<any>, drop: AstNode, kind: SnapshotKind, name: ObjectName): boolean {
  const schema = context.schema;
  if (!drop.missing_ok || !schema) return false;
  const q = schema.resolve({ ...(name.schema ? { schema: name.schema } : {}), name: name.name });
  if (schema.before.isExternal(kind, q)) return false;
  if (schema.before[kind](q) === undefined && !context.statement.nested && recreatedLaterInFile(context.statements, context.statement, kind, name)) return true;
  // The first migration, and an initial schema (it creates tables): not a history split in sets
  // whose first one drops what another set created (a rollback folder, a delta folder).
  if (context.migration?.migration.index !== 0) return false;
  if (!schema.after.tables().some((t) => t.createdIn === 0)) return false;
  return [schema.before, schema.after].every((snapshot) => snapshot[kind](q) === undefined);
}

// `DROP … IF EXISTS` of an object the replayed history never had (not before this migration, not
// created by it, not declared or referenced as external) drops nothing: a cleanup written for
// databases that may hold a leftover. Nothing deployed can lose data or break there.

import type { AstNode, RuleContext } from '@migralint/core';
import type { ObjectName } from './new-objects.js';

type SnapshotKind = 'table' | 'view' | 'type';

/** Does this `DROP … IF EXISTS` name an object the whole history never had up to this migration's end? */
export function dropsNothing(context: RuleContext<any>, drop: AstNode, kind: SnapshotKind, name: ObjectName): boolean {
  const schema = context.schema;
  if (!drop.missing_ok || !schema) return false;
  const q = schema.resolve({ ...(name.schema ? { schema: name.schema } : {}), name: name.name });
  if (schema.before.isExternal(kind, q)) return false;
  return [schema.before, schema.after].every((snapshot) => snapshot[kind](q) === undefined);
}

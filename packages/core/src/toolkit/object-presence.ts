// Whether an object is there at a given point of the history, for the rules that must not report a
// statement that acts on nothing: a name only known at run time, an object the migration removed
// already. Answered by identity in the replayed model.

import type { QualifiedName, SchemaSnapshot } from '../project-model.js';
import type { RuleContext, Statement } from '../types.js';
import type { WrittenName } from './names.js';

export type PresenceKind = 'table' | 'index' | 'view' | 'type';

/**
 * Is the name, in a statement that an `EXECUTE format('… %I.t …', v)` runs, a variable quoted in
 * (`"{v}"`, constant-execute.ts)? It is known only at run time (a loop over tenant schemas, a
 * partition being swapped), so it is no object the history knows, and a finding about "{v}.t"
 * names nothing a reader can check.
 */
export function namedAtRunTime(context: RuleContext<any>, name: WrittenName): boolean {
  const placeholders = context.statement.nested?.embedded.placeholders;
  return placeholders !== undefined && [name.schema, name.name].some((part) => part !== undefined && placeholders.some((p) => part === `{${p}}`));
}

/** Does the snapshot hold an object of this kind and name? */
export function existsIn(snapshot: SchemaSnapshot, kind: PresenceKind, name: QualifiedName): boolean {
  switch (kind) {
    case 'table':
      return snapshot.table(name) !== undefined;
    case 'index':
      return snapshot.index(name) !== undefined;
    case 'view':
      return snapshot.view(name) !== undefined;
    case 'type':
      return snapshot.type(name) !== undefined;
  }
}

/**
 * Did the object exist before this migration, and has an earlier statement of it removed it by
 * `statement` (an earlier DROP, or `ALTER TABLE … DROP CONSTRAINT` taking its index along)?
 * False without the model, and for statements inside a function body (they run later).
 */
export function removedEarlier(context: RuleContext<any>, kind: PresenceKind, name: WrittenName, statement: Statement = context.statement): boolean {
  const schema = context.schema;
  const place = context.migration;
  if (!schema || !place || statement.nested) return false;
  const resolved = schema.resolve(name);
  if (!existsIn(schema.before, kind, resolved)) return false;
  return schema.model.identify(place.migration.index, { file: context.file.path, offset: statement.start }, kind, resolved) === undefined;
}

// The objects of a `DROP <kind> a, b, …` statement with where each one is written: the AST lists
// them without locations, so their ranges come from the statement's tokens (core's token readers).

import type { AstNode, Range, RuleContext, Statement } from '@migralint/core';
import type { ObjectKind, ObjectName } from './new-objects.js';
import { argType, nameOfList, readDropNames } from '@migralint/core';

/** `DropStmt.removeType` → the object kind and the keywords after `DROP`. */
const DROP_KINDS: Record<string, { kind: ObjectKind; keywords: string[]; args?: boolean }> = {
  OBJECT_TABLE: { kind: 'table', keywords: ['table'] },
  OBJECT_VIEW: { kind: 'view', keywords: ['view'] },
  OBJECT_MATVIEW: { kind: 'view', keywords: ['materialized', 'view'] },
  OBJECT_INDEX: { kind: 'index', keywords: ['index'] },
  OBJECT_SEQUENCE: { kind: 'sequence', keywords: ['sequence'] },
  OBJECT_SCHEMA: { kind: 'schema', keywords: ['schema'] },
  OBJECT_TYPE: { kind: 'type', keywords: ['type'] },
  OBJECT_DOMAIN: { kind: 'type', keywords: ['domain'] },
  OBJECT_FUNCTION: { kind: 'function', keywords: ['function'], args: true },
  OBJECT_PROCEDURE: { kind: 'function', keywords: ['procedure'], args: true },
  OBJECT_ROUTINE: { kind: 'function', keywords: ['routine'], args: true },
  OBJECT_TRIGGER: { kind: 'trigger', keywords: ['trigger'] },
};

export interface DropTarget {
  kind: ObjectKind;
  name: ObjectName;
  /** The name as written, or the statement when the text could not be matched up. */
  at: Range | Statement;
}

/** One entry of `DropStmt.objects` as a name. */
function objectName(removeType: string, object: AstNode): ObjectName | undefined {
  if (object.String) return { schema: undefined, name: String(object.String.sval) };
  if (object.TypeName) return nameOfList(object.TypeName.names);
  if (object.ObjectWithArgs) {
    const name = nameOfList(object.ObjectWithArgs.objname);
    if (!name) return undefined;
    return object.ObjectWithArgs.args_unspecified ? name : { ...name, args: (object.ObjectWithArgs.objargs ?? []).map((t: AstNode) => argType(t.TypeName)) };
  }
  const items: AstNode[] = object.List?.items ?? [];
  const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string');
  if (parts.length === 0) return undefined;
  if (removeType === 'OBJECT_TRIGGER') {
    // `DROP TRIGGER name ON [schema.]table` → [schema,] table, name
    const table = parts.slice(0, -1);
    return { schema: undefined, name: parts.at(-1)!, table: { schema: table.length > 1 ? table[table.length - 2] : undefined, name: table.at(-1) ?? '' } };
  }
  return { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name: parts.at(-1)! };
}

/**
 * The objects a `DropStmt` drops, with their ranges; empty for kinds not listed above. The ranges
 * are read from the tokens on the first `at` asked: most drops are not reported.
 */
export function dropTargets(context: RuleContext<any>, node: AstNode, statement: Statement): DropTarget[] {
  const spec = DROP_KINDS[node.removeType];
  if (!spec) return [];
  const objects: AstNode[] = node.objects ?? [];
  let names: ReturnType<typeof readDropNames> | undefined;
  let read = false;
  const written = (i: number) => {
    if (!read) {
      names = readDropNames(context.tokensOf(statement), spec.keywords, spec.args);
      read = true;
    }
    return names?.length === objects.length ? names[i] : undefined;
  };
  return objects.flatMap((object, i) => {
    const name = objectName(node.removeType, object);
    if (!name) return [];
    return [
      {
        kind: spec.kind,
        name,
        get at() {
          const range = written(i);
          return range && range.parts.at(-1) === name.name ? range.range : statement;
        },
      },
    ];
  });
}

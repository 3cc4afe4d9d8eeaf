// The shape every "prefer type A over type B" rule shares: look at the columns a statement
// creates, adds or retypes, and report once per statement — at the first such column, naming all
// of them — so a history written with `int` everywhere gets one finding per table, not one per
// column. The suggestion rewrites every one of those columns' types.

import type { RuleContext, Visitors } from '@migralint/core';
import { builtinTypeName, columnList, newColumns, typeRange, type NewColumn } from './new-columns.js';
import { displayName } from '@migralint/core';

export interface TypePreference {
  /** The finding's message id; its template may use `{{columns}}` and `{{table}}`. */
  messageId: string;
  /** The suggestion's message id. */
  suggestionId: string;
  /** Does `ALTER COLUMN … TYPE` count too (it does for every type but serial, which it cannot set)? */
  alter: boolean;
  matches(column: NewColumn): boolean;
  /** The type to write instead, for the suggestion (replaces the type without its array brackets). */
  replacement(column: NewColumn): string;
  note: string;
}

export function typePreferenceVisitors(context: RuleContext<any>, preference: TypePreference): Visitors {
  const visit: Visitors[string] = (_node, statement) => {
    const hits = newColumns(statement).filter((c) => (preference.alter || c.how !== 'alter') && preference.matches(c) && !restoresTypeBefore(context, c));
    if (hits.length === 0) return;
    context.report({
      messageId: preference.messageId,
      data: { columns: columnList([...new Set(hits.map((h) => h.column))]), table: displayName(hits[0]!.table) },
      at: typeRange(context, hits[0]!.typeName),
      note: preference.note,
      suggest: [
        {
          messageId: preference.suggestionId,
          fix: hits.map((h) => {
            const range = typeRange(context, h.typeName, false);
            return { range: [range.start, range.end] as [number, number], text: preference.replacement(h) };
          }),
        },
      ],
    });
  };
  return { CreateStmt: visit, AlterTableStmt: visit };
}

/**
 * In a down: does the column get back the type it had before the up (`ALTER COLUMN … TYPE char(36)`
 * undoing the up's change, a dropped table recreated as it was)? Restoring the schema is what a down
 * is for; the type was a choice made long before, not in this migration.
 */
function restoresTypeBefore(context: RuleContext<any>, column: NewColumn): boolean {
  if (context.migration?.part.direction !== 'down') return false;
  const before = context.schema?.columnBefore(column.table, column.column);
  return before !== undefined && before.type.replace(/\(.*$|\[\]$/g, '') === builtinTypeName(column.typeName);
}

/** `(3)` from a TypeName's integer modifiers, or `''`. */
export function modifiers(column: NewColumn): string {
  const mods = (column.typeName.typmods ?? []).map((m: any) => m?.A_Const?.ival?.ival ?? 0);
  return mods.length ? `(${mods.join(', ')})` : '';
}

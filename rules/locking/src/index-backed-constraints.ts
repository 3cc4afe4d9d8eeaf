// UNIQUE and PRIMARY KEY constraints are backed by a unique index. `ALTER TABLE … ADD UNIQUE (…)` /
// `ADD PRIMARY KEY (…)` / `ADD COLUMN c … UNIQUE` build that index inside the ALTER TABLE, under its
// ACCESS EXCLUSIVE lock, so reads and writes stop for the whole build. `USING INDEX` adopts an index
// built beforehand with CREATE UNIQUE INDEX CONCURRENTLY, and is instant.

import type { AstNode, RuleContext } from '@migralint/core';
import { constraintsOf } from './column-definitions.js';
import { isNew } from './new-objects.js';
import { displayName, nameOfRangeVar, type WrittenName } from '@migralint/core';

export interface IndexBuildingConstraint {
  constraint: AstNode;
  /** Set for an inline constraint of `ADD COLUMN`. */
  column?: string;
  /** Key columns (`keys`, or the new column). */
  columns: string[];
}

/** The constraints of kind `contype` an ALTER TABLE on an existing table adds without `USING INDEX`. */
export function constraintsBuildingAnIndex(
  context: RuleContext<any>,
  node: AstNode,
  contype: 'CONSTR_UNIQUE' | 'CONSTR_PRIMARY',
): { table: WrittenName; found: IndexBuildingConstraint[] } | undefined {
  if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return undefined;
  const found: IndexBuildingConstraint[] = [];
  for (const entry of node.cmds ?? []) {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype === 'AT_AddConstraint') {
      const c = cmd.def?.Constraint;
      if (c?.contype === contype && typeof c.indexname !== 'string') {
        found.push({ constraint: c, columns: (c.keys ?? []).map((k: AstNode) => String(k.String?.sval)) });
      }
    } else if (cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) {
      const column = String(cmd.def.ColumnDef.colname);
      for (const c of constraintsOf(cmd.def.ColumnDef)) if (c.contype === contype) found.push({ constraint: c, column, columns: [column] });
    }
  }
  if (found.length === 0) return undefined;
  const table = nameOfRangeVar(node.relation);
  if (isNew(context, 'table', table)) return undefined;
  return { table, found };
}

/** How a message names the constraint: `UNIQUE constraint "x"`, `a UNIQUE constraint on new column "c"`. */
export function describeConstraint(kind: string, found: IndexBuildingConstraint): string {
  if (typeof found.constraint.conname === 'string') return `${kind} "${found.constraint.conname}"`;
  return found.column !== undefined ? `a ${kind} on new column "${found.column}"` : `a ${kind}`;
}

/** The two-step recipe with the statement's own names. */
export function usingIndexRecipe(table: WrittenName, found: IndexBuildingConstraint, kind: 'UNIQUE' | 'PRIMARY KEY'): string {
  const t = displayName(table);
  const name = typeof found.constraint.conname === 'string' ? found.constraint.conname : `${table.name}_${found.columns.join('_')}_${kind === 'UNIQUE' ? 'key' : 'pkey'}`;
  const columns = found.columns.join(', ');
  const first = found.column !== undefined ? `(0) add the column without the constraint; ` : '';
  const notNull =
    kind === 'PRIMARY KEY'
      ? ' ADD PRIMARY KEY also makes the columns NOT NULL, which scans the table under the same lock unless they already are: make them NOT NULL first (see locking/set-not-null).'
      : '';
  return (
    `Safe way: ${first}(1) \`CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ${name} ON ${t} (${columns});\` — outside a transaction; ` +
    `reads and writes go on during the build; (2) \`ALTER TABLE ${t} ADD CONSTRAINT ${name} ${kind} USING INDEX ${name};\` — instant.` +
    notNull
  );
}

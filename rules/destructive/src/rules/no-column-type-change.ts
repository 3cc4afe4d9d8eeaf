/**
 * `ALTER COLUMN … TYPE` usually rewrites the whole table and its indexes under an ACCESS EXCLUSIVE
 * lock — no reads, no writes, for as long as that takes — and deployed code that reads or writes the
 * column may break on the new type. Postgres skips the rewrite when the new type accepts every old
 * value as it is stored: varchar(n) → text, varchar(n) → varchar(m) with m ≥ n or no limit,
 * text → varchar, numeric(p, s) → numeric(q, s) with q ≥ p, cidr → inet, a raised time precision.
 * Those are not reported (a brief ACCESS EXCLUSIVE lock remains: see `locking/*` for lock_timeout).
 *
 * The old type comes from the migration model (the table before this migration), or from an
 * earlier `ALTER COLUMN … TYPE` in the same file; when it is unknown the change is reported.
 * Columns of tables the migration created, or columns it added, are exempt.
 */
import { defineRule, indexStatements, ruleDocsUrl, type AstNode, type Range, type RuleContext, type Statement } from '@migralint/core';
import { displayType, formatType, isBinaryCompatibleChange, parseTypeText, typeFromTypeName, type ColumnType } from '../column-types.js';
import { columnBefore, isNewColumn } from '../new-objects.js';
import { alterTableSubcommands, findName, type SqlToken } from '../scan-names.js';
import { displayTable, sameTable, tableFromRangeVar, type TableRef } from '../table-names.js';

const NOTE =
  'Safe way: (1) add a column of the new type; (2) deploy code that writes both, with a trigger copying writes from ' +
  'old code; (3) backfill in batches; (4) switch reads to the new column; (5) drop the old column in a later ' +
  'migration. Changes that need no rewrite (varchar(n) → text, a larger varchar or numeric precision) are not reported.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ALTER COLUMN … TYPE` that rewrites a table this migration did not create.',
      url: ruleDocsUrl('destructive', 'no-column-type-change'),
      why:
        'Changing a column type rewrites the table and its indexes under an ACCESS EXCLUSIVE lock, blocking every read ' +
        'and write, and can break deployed code; binary-compatible changes (varchar(n) → text, a larger limit) are allowed.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      changeType:
        'Changing column "{{column}}" of "{{table}}" from {{from}} to {{to}} rewrites the table under an ACCESS EXCLUSIVE lock and can break deployed code; add a new column, backfill it and switch over instead',
      changeTypeUnknown:
        'Changing column "{{column}}" of "{{table}}" to {{to}} rewrites the table under an ACCESS EXCLUSIVE lock unless the old type converts without one, and can break deployed code; add a new column, backfill it and switch over instead',
      changeCollation:
        'Changing the collation of column "{{column}}" of "{{table}}" rebuilds its indexes under an ACCESS EXCLUSIVE lock and changes how it sorts and compares; add a new column, backfill it and switch over instead',
      changeTypeUsing:
        'Changing column "{{column}}" of "{{table}}" to {{to}} with a USING expression rewrites every row under an ACCESS EXCLUSIVE lock; add a new column, backfill it and switch over instead',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'changing-column-type' }],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation || node.relation.relpersistence === 't') return;
        const table = tableFromRangeVar(node.relation);
        const cmds: AstNode[] = node.cmds ?? [];
        let subcommands: SqlToken[][] | undefined | null = null;
        cmds.forEach((entry, i) => {
          const cmd = entry.AlterTableCmd;
          if (cmd?.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string') return;
          const column = cmd.name;
          if (isNewColumn(context, table, column)) return;
          const def: AstNode = cmd.def?.ColumnDef ?? {};
          const to = typeFromTypeName(def.typeName);
          const toText = to ? displayType(to) : 'a new type';
          const data = { column, table: displayTable(table), to: toText };
          if (subcommands === null) subcommands = alterTableSubcommands(context.tokensOf(statement), context.rangeOf(node.relation).start);
          const at = columnRange(subcommands?.length === cmds.length ? subcommands[i] : undefined, column) ?? statement;
          if (def.raw_default && !keepsValues(def.raw_default, column, to)) {
            context.report({ messageId: 'changeTypeUsing', data, at, note: NOTE });
            return;
          }
          const from = oldType(context, statement, table, column, i);
          if (def.collClause && from && to && formatType(from) === formatType(to)) {
            context.report({ messageId: 'changeCollation', data, at, note: NOTE });
            return;
          }
          if (from && to && !def.collClause && isBinaryCompatibleChange(from, to)) return;
          if (from) context.report({ messageId: 'changeType', data: { ...data, from: displayType(from) }, at, note: NOTE });
          else context.report({ messageId: 'changeTypeUnknown', data, at, note: NOTE });
        });
      },
    };
  },
});

/** `ALTER [COLUMN] name TYPE …`: the range of `name`. */
function columnRange(tokens: SqlToken[] | undefined, column: string): Range | undefined {
  return tokens ? findName(tokens, column, 1) : undefined;
}

/**
 * The column's type just before this subcommand: the last `ALTER COLUMN … TYPE` of it earlier in
 * the file (or earlier in this statement), else the model's table before this migration.
 */
function oldType(context: RuleContext<any>, statement: Statement, table: TableRef, column: string, cmdIndex: number): ColumnType | undefined {
  // Indexed once per file by column name: a lookup per call, not a pass over the file.
  const earlier = (indexStatements(context.statements, typeChanges).get(column) ?? []).filter(
    (change) => change.statement.index <= statement.index && !(change.statement === statement && change.cmdIndex >= cmdIndex) && sameTable(change.table, table),
  );
  const last = earlier.at(-1);
  if (last) return typeFromTypeName(last.typeName);
  const info = columnBefore(context, table, column);
  return info ? parseTypeText(info.type) : undefined;
}

/** Every `ALTER COLUMN … TYPE` subcommand of an ALTER TABLE, keyed by column name, in order. */
function typeChanges(statement: Statement): Array<[string, { statement: Statement; cmdIndex: number; table: TableRef; typeName: AstNode }]> {
  if (statement.kind !== 'AlterTableStmt') return [];
  const table = tableFromRangeVar(statement.node.relation ?? {});
  const out: Array<[string, { statement: Statement; cmdIndex: number; table: TableRef; typeName: AstNode }]> = [];
  (statement.node.cmds ?? []).forEach((entry: AstNode, cmdIndex: number) => {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype === 'AT_AlterColumnType') out.push([cmd.name, { statement, cmdIndex, table, typeName: cmd.def?.ColumnDef?.typeName }]);
  });
  return out;
}

/** Is the USING expression the column itself, possibly cast to the new type (`USING c::text`)? */
function keepsValues(expression: AstNode, column: string, to: ColumnType | undefined): boolean {
  const ref = expression.ColumnRef;
  if (ref) {
    const fields: AstNode[] = ref.fields ?? [];
    return fields.at(-1)?.String?.sval === column;
  }
  const cast = expression.TypeCast;
  if (cast && to) {
    const castTo = typeFromTypeName(cast.typeName);
    return castTo !== undefined && formatType(castTo) === formatType(to) && keepsValues(cast.arg ?? {}, column, to);
  }
  return false;
}

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
 *
 * One `ALTER TABLE` rewrites its table once, however many columns it changes (Prisma and drizzle
 * write one statement with a clause per column): such a statement gets one finding, at its first
 * changed column, naming every column it changes.
 */
import { defineRule, indexStatements, ruleDocsUrl, type AstNode, type Range, type RuleContext, type Statement } from '@migralint/core';
import { displayType, formatType, isBinaryCompatibleChange, parseTypeText, typeFromTypeName, type ColumnType } from '../column-types.js';
import { columnBefore, isNewColumn } from '../new-objects.js';
import { subcommandTokens, findName, type SqlToken } from '@migralint/core';
import { displayName, sameName, nameOfRangeVar, type WrittenName } from '@migralint/core';

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
      changeTypes:
        'Changing the types of {{count}} columns of "{{table}}" ({{columns}}) rewrites the table under an ACCESS EXCLUSIVE lock and can break deployed code; add new columns, backfill them and switch over instead',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'changing-column-type' }],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation || node.relation.relpersistence === 't') return;
        const table = nameOfRangeVar(node.relation);
        const cmds: AstNode[] = node.cmds ?? [];
        const changes: Change[] = [];
        cmds.forEach((entry, i) => {
          const cmd = entry.AlterTableCmd;
          if (cmd?.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string') return;
          const column = cmd.name;
          if (isNewColumn(context, table, column)) return;
          const def: AstNode = cmd.def?.ColumnDef ?? {};
          const to = typeFromTypeName(def.typeName);
          const toText = to ? displayType(to) : 'a new type';
          const data = { column, table: displayName(table), to: toText };
          // Read from the tokens only for a change that is reported (a binary-compatible one is not).
          const at = () => columnRange(subcommandTokens(context, statement, i), column) ?? statement;
          if (def.raw_default && !keepsValues(def.raw_default, column, to)) {
            changes.push({ messageId: 'changeTypeUsing', data, at: at(), clause: `"${column}" to ${toText} USING …` });
            return;
          }
          const from = oldType(context, statement, table, column, i);
          if (def.collClause && from && to && formatType(from) === formatType(to)) {
            changes.push({ messageId: 'changeCollation', data, at: at(), clause: `"${column}" collation` });
            return;
          }
          if (from && to && !def.collClause && isBinaryCompatibleChange(from, to)) return;
          if (from) changes.push({ messageId: 'changeType', data: { ...data, from: displayType(from) }, at: at(), clause: `"${column}" ${displayType(from)} → ${toText}` });
          else changes.push({ messageId: 'changeTypeUnknown', data, at: at(), clause: `"${column}" to ${toText}` });
        });
        const [first] = changes;
        if (!first) return;
        if (changes.length === 1) context.report({ messageId: first.messageId, data: first.data, at: first.at, note: NOTE });
        else {
          const columns = changes.map((c) => c.clause).join(', ');
          context.report({ messageId: 'changeTypes', data: { count: changes.length, table: displayName(table), columns }, at: first.at, note: NOTE });
        }
      },
    };
  },
});

/** One reported `ALTER COLUMN … TYPE` clause of a statement: its own message, and its part of the combined one. */
interface Change {
  messageId: string;
  data: Record<string, unknown>;
  at: Range | Statement;
  clause: string;
}

/** `ALTER [COLUMN] name TYPE …`: the range of `name`. */
function columnRange(tokens: readonly SqlToken[] | undefined, column: string): Range | undefined {
  return tokens ? findName(tokens, column, 1) : undefined;
}

/**
 * The column's type just before this subcommand: the last `ALTER COLUMN … TYPE` of it earlier in
 * the file (or earlier in this statement), else the model's table before this migration.
 */
function oldType(context: RuleContext<any>, statement: Statement, table: WrittenName, column: string, cmdIndex: number): ColumnType | undefined {
  const earlier = (indexStatements(context.statements, typeChanges).get(`${table.name}\0${column}`) ?? []).filter(
    (c) => sameName(c.table, table) && (c.statement === statement ? c.cmd < cmdIndex : c.statement.index <= statement.index),
  );
  if (earlier.length > 0) return earlier.at(-1)!.type;
  const info = columnBefore(context, table, column);
  return info ? parseTypeText(info.type) : undefined;
}

interface TypeChange {
  table: WrittenName;
  statement: Statement;
  /** Its position in the statement's `cmds`. */
  cmd: number;
  type: ColumnType | undefined;
}

/** The `ALTER COLUMN … TYPE` subcommands of a statement, by table and column name (indexed once per file). */
function typeChanges(s: Statement): Array<[string, TypeChange]> {
  if (s.kind !== 'AlterTableStmt') return [];
  const table = nameOfRangeVar(s.node.relation ?? {});
  return (s.node.cmds ?? []).flatMap((entry: AstNode, i: number): Array<[string, TypeChange]> => {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string') return [];
    return [[`${table.name}\0${cmd.name}`, { table, statement: s, cmd: i, type: typeFromTypeName(cmd.def?.ColumnDef?.typeName) }]];
  });
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

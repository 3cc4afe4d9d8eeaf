/**
 * A table without a primary key cannot be replicated logically — `UPDATE` and `DELETE` on it fail
 * once it is in a publication (Supabase Realtime, Debezium, pglogical, blue/green upgrades) unless
 * someone sets `REPLICA IDENTITY FULL` — and its duplicate rows cannot be told apart or cleaned up
 * safely; most ORMs cannot update its rows at all. The key may come later in the same migration
 * (`ALTER TABLE … ADD PRIMARY KEY`). Temporary tables and partitions (which take the parent's key)
 * are exempt, as are tables copied with `LIKE … INCLUDING` (the key may come along).
 */
import { defineRule, ruleDocsUrl, type AstNode, type Statement, matchesTablePattern, allowTablesOnly } from '@migralint/core';
import { displayName, sameName, nameOfRangeVar, type WrittenName } from '@migralint/core';

export interface TableNeedsPrimaryKeyOptions {
  /** Tables that may go without a primary key (`*_log`, `staging.*`). */
  allowTables: string[];
}

const NOTE =
  'Add `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`, or a primary key over the columns that identify a row ' +
  '(for a join table, both foreign keys). For a table that really has none (an append-only log), add ' +
  '`-- migralint-disable-next-statement design/table-needs-primary-key -- <reason>` or list it in `allowTables`.';

export default defineRule<TableNeedsPrimaryKeyOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report a table created without a primary key by the end of its migration.',
      url: ruleDocsUrl('design', 'table-needs-primary-key'),
      why:
        'Without a primary key, UPDATE and DELETE fail on the table once it is logically replicated (Realtime, CDC, ' +
        'blue/green upgrades), duplicates cannot be told apart, and most ORMs cannot update its rows.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      noPrimaryKey:
        'Table "{{table}}" has no primary key; logical replication then rejects UPDATE and DELETE on it and duplicate rows cannot be told apart — add one',
    },
    ...allowTablesOnly('Tables that may go without a primary key'),
  },
  create(context) {
    const check = (node: AstNode, relation: AstNode | undefined, statement: Statement) => {
      if (!relation || relation.relpersistence === 't') return;
      const table = nameOfRangeVar(relation);
      if (matchesTablePattern(table, context.options.allowTables ?? [])) return;
      if (hasPrimaryKeyAtEnd(table, node, statement)) return;
      context.report({ messageId: 'noPrimaryKey', data: { table: displayName(table) }, at: relation, note: NOTE });
    };

    /** With the model: the table at the end of the migration. Without: this statement and the rest of the file. */
    function hasPrimaryKeyAtEnd(table: WrittenName, node: AstNode, statement: Statement): boolean {
      if (declaresPrimaryKey(node)) return true;
      const schema = context.schema;
      if (schema) {
        // Gone by the end of its migration (a scratch table dropped again): nothing to key.
        const after = schema.after.table(schema.resolve(table));
        return after === undefined || after.constraints.some((c) => c.kind === 'primary key');
      }
      return context.statements.some((s) => s.index > statement.index && addsPrimaryKey(s, table));
    }

    return {
      CreateStmt(node, statement) {
        // Partitions take the parent's key; LIKE … INCLUDING may copy one; OF type tables rarely get one inline.
        if (node.partbound || (node.tableElts ?? []).some((e: AstNode) => e.TableLikeClause)) return;
        check(node, node.relation, statement);
      },
      CreateTableAsStmt(node, statement) {
        if (node.objtype === 'OBJECT_TABLE') check(node, node.into?.rel, statement);
      },
    };
  },
});

/** A `CREATE TABLE` with `PRIMARY KEY` on a column or as a table constraint. */
function declaresPrimaryKey(node: AstNode): boolean {
  return (node.tableElts ?? []).some(
    (e: AstNode) =>
      e.Constraint?.contype === 'CONSTR_PRIMARY' || (e.ColumnDef?.constraints ?? []).some((c: AstNode) => c.Constraint?.contype === 'CONSTR_PRIMARY'),
  );
}

/** `ALTER TABLE t ADD PRIMARY KEY …` / `ADD COLUMN … PRIMARY KEY` on `table`. */
function addsPrimaryKey(statement: Statement, table: WrittenName): boolean {
  const node = statement.node;
  if (statement.kind !== 'AlterTableStmt' || !sameName(nameOfRangeVar(node.relation), table)) return false;
  return (node.cmds ?? []).some((entry: AstNode) => {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype === 'AT_AddConstraint') return cmd.def?.Constraint?.contype === 'CONSTR_PRIMARY';
    if (cmd?.subtype === 'AT_AddColumn') return (cmd.def?.ColumnDef?.constraints ?? []).some((c: AstNode) => c.Constraint?.contype === 'CONSTR_PRIMARY');
    return false;
  });
}

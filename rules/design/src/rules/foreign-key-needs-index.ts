/**
 * Postgres indexes the referenced side of a foreign key (it must be unique) but not the referencing
 * columns. Without an index on them, every `DELETE` of a parent row — and every update of its key —
 * scans the whole child table to check for references (under a lock on the rows it finds, and once
 * per parent row in a bulk delete), and `ON DELETE CASCADE` does the same; joins from parent to
 * child scan too. What counts is the end of the migration: an index (or primary key or unique
 * constraint) whose leading columns are the foreign key's columns, in any order.
 *
 * With the migration model the table's indexes at the end of the migration are known. Without it,
 * the rule only judges tables created in the same file (their indexes are all in view); a foreign
 * key added to an older table is left alone, since its index may come from an earlier migration.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Statement } from '@migralint/core';
import { displayName, sameName, nameOfRangeVar, type WrittenName } from '@migralint/core';

interface ForeignKey {
  constraint: AstNode;
  columns: string[];
  parent: WrittenName;
}

const NOTE =
  'Deleting or updating a referenced row makes Postgres look for referencing rows; without an index that is a scan ' +
  'of the whole table for each row. Add `CREATE INDEX … ON <table> (<fk columns>)` — `CONCURRENTLY`, outside a ' +
  'transaction, for a table that already holds data. A key that starts with these columns (a composite primary key ' +
  'of a join table, say) covers them already.';

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report a foreign key whose columns have no covering index by the end of the migration.',
      url: ruleDocsUrl('design', 'foreign-key-needs-index'),
      why:
        'Without an index on the referencing columns, each delete or key update of a parent row scans the whole child ' +
        'table (and ON DELETE CASCADE does too); an index whose leading columns are the foreign key’s avoids that.',
    },
    defaultSeverity: 'warning',
    recommended: false,
    hasSuggestions: true,
    messages: {
      missingIndex:
        'Foreign key ({{columns}}) of "{{table}}" has no index that starts with its columns, so deleting or updating a "{{parent}}" row scans all of "{{table}}"; add one',
      addIndex: 'Add CREATE INDEX {{name}} ON {{table}} ({{columns}})',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    function check(table: WrittenName, keys: ForeignKey[], statement: Statement, createsTable: boolean) {
      if (keys.length === 0) return;
      const known = indexKeysAtEnd(table, statement, createsTable);
      if (!known) return;
      for (const key of keys) {
        if (known.some((index) => covers(index, key.columns))) continue;
        const columns = key.columns.map(quoteIdent).join(', ');
        const name = quoteIdent(`${table.name}_${key.columns.join('_')}_idx`.slice(0, 63));
        const tableText = table.schema ? `${quoteIdent(table.schema)}.${quoteIdent(table.name)}` : quoteIdent(table.name);
        context.report({
          messageId: 'missingIndex',
          data: { columns: key.columns.join(', '), table: displayName(table), parent: displayName(key.parent) },
          at: key.constraint,
          note: NOTE,
          // A new table holds no rows: a plain CREATE INDEX is right there. For an older table the
          // index wants CONCURRENTLY, outside a transaction — a decision left to the author.
          ...(createsTable
            ? { suggest: [{ messageId: 'addIndex', data: { name, table: tableText, columns }, fix: { range: [statement.end, statement.end] as [number, number], text: `;\nCREATE INDEX ${name} ON ${tableText} (${columns})` } }] }
            : {}),
        });
      }
    }

    /**
     * The column lists of the table's indexes and unique keys at the end of the migration, or
     * undefined when they cannot be known (no model and a table created elsewhere).
     */
    function indexKeysAtEnd(table: WrittenName, statement: Statement, createsTable: boolean): string[][] | undefined {
      const schema = context.schema;
      if (schema) {
        const name = schema.resolve(table);
        const after = schema.after.table(name);
        if (after) {
          return [
            ...schema.after.indexes(name).filter((i) => !i.partial && !i.expression).map((i) => i.columns),
            ...after.constraints.filter((c) => c.kind === 'primary key' || c.kind === 'unique' || c.kind === 'exclusion').map((c) => c.columns),
          ];
        }
      }
      if (!createsTable && !context.statements.some((s) => s.index < statement.index && s.kind === 'CreateStmt' && sameName(nameOfRangeVar(s.node.relation), table))) {
        return undefined;
      }
      return context.statements.flatMap((s) => indexKeysIn(s, table));
    }

    return {
      CreateStmt(node, statement) {
        if (node.relation?.relpersistence === 't') return;
        check(nameOfRangeVar(node.relation), foreignKeysOfCreate(node), statement, true);
      },
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || node.relation?.relpersistence === 't') return;
        check(nameOfRangeVar(node.relation), foreignKeysOfAlter(node), statement, false);
      },
    };
  },
});

function names(list: readonly AstNode[] | undefined): string[] {
  return (list ?? []).map((n) => String(n.String?.sval ?? ''));
}

function foreignKey(constraint: AstNode, columns: string[]): ForeignKey {
  return { constraint, columns, parent: nameOfRangeVar(constraint.pktable) };
}

function foreignKeysOfColumn(column: AstNode): ForeignKey[] {
  return (column.constraints ?? [])
    .map((c: AstNode) => c.Constraint)
    .filter((c: AstNode | undefined) => c?.contype === 'CONSTR_FOREIGN')
    .map((c: AstNode) => foreignKey(c, [String(column.colname)]));
}

function foreignKeysOfCreate(node: AstNode): ForeignKey[] {
  return (node.tableElts ?? []).flatMap((e: AstNode) => {
    if (e.ColumnDef) return foreignKeysOfColumn(e.ColumnDef);
    if (e.Constraint?.contype === 'CONSTR_FOREIGN') return [foreignKey(e.Constraint, names(e.Constraint.fk_attrs))];
    return [];
  });
}

function foreignKeysOfAlter(node: AstNode): ForeignKey[] {
  return (node.cmds ?? []).flatMap((entry: AstNode) => {
    const cmd = entry.AlterTableCmd;
    if (cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) return foreignKeysOfColumn(cmd.def.ColumnDef);
    if (cmd?.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_FOREIGN') {
      return [foreignKey(cmd.def.Constraint, names(cmd.def.Constraint.fk_attrs))];
    }
    return [];
  });
}

/** Key column lists a statement gives `table`: CREATE TABLE keys, ADD PRIMARY KEY / UNIQUE, CREATE INDEX. */
function indexKeysIn(statement: Statement, table: WrittenName): string[][] {
  const node = statement.node;
  const keyOf = (c: AstNode | undefined, column?: string): string[] | undefined => {
    if (!c || !['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION'].includes(c.contype)) return undefined;
    if (column !== undefined) return [column];
    if (c.contype === 'CONSTR_EXCLUSION') return (c.exclusions ?? []).map((e: AstNode) => String(e.List?.items?.[0]?.IndexElem?.name ?? ''));
    return names(c.keys);
  };
  const out: string[][] = [];
  const fromColumn = (column: AstNode) => {
    for (const c of column.constraints ?? []) {
      const key = keyOf(c.Constraint, String(column.colname));
      if (key) out.push(key);
    }
  };
  if (statement.kind === 'CreateStmt' && sameName(nameOfRangeVar(node.relation), table)) {
    for (const e of node.tableElts ?? []) {
      if (e.ColumnDef) fromColumn(e.ColumnDef);
      const key = keyOf(e.Constraint);
      if (key) out.push(key);
    }
  }
  if (statement.kind === 'AlterTableStmt' && sameName(nameOfRangeVar(node.relation), table)) {
    for (const entry of node.cmds ?? []) {
      const cmd = entry.AlterTableCmd;
      if (cmd?.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef) fromColumn(cmd.def.ColumnDef);
      const key = cmd?.subtype === 'AT_AddConstraint' ? keyOf(cmd.def?.Constraint) : undefined;
      if (key) out.push(key);
    }
  }
  if (statement.kind === 'IndexStmt' && !node.whereClause && sameName(nameOfRangeVar(node.relation), table)) {
    // Leading plain columns only: an expression ends the usable prefix.
    const columns: string[] = [];
    for (const p of node.indexParams ?? []) {
      if (typeof p.IndexElem?.name !== 'string') break;
      columns.push(p.IndexElem.name);
    }
    out.push(columns);
  }
  return out;
}

/** Do the index's first `columns.length` columns hold exactly the foreign key's columns? */
function covers(index: readonly string[], columns: readonly string[]): boolean {
  if (index.length < columns.length) return false;
  const leading = index.slice(0, columns.length);
  return columns.every((c) => leading.includes(c));
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

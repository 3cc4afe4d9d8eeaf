/**
 * Dropping an ordinary index loses nothing — queries get slower, and the `concurrently` pack checks
 * how it is dropped. Dropping a UNIQUE index, a primary key or a unique or exclusion constraint
 * loses a guarantee: from then on Postgres accepts the duplicate rows it used to reject (and they
 * stay when the index comes back: re-creating it then fails), `INSERT … ON CONFLICT (cols)` in
 * deployed code fails for want of a matching constraint, and foreign keys that reference it block
 * the drop or go with it under CASCADE. So only those drops are reported, unless the migration
 * keeps the guarantee: another unique index or constraint on the same columns (or fewer of them)
 * exists at its end, or it re-creates one under the same name.
 *
 * Which index is unique comes from the migration model. Without it, a `DROP CONSTRAINT` is judged by
 * Postgres' default names (`…_pkey`, `…_key`, `…_excl`) and a `DROP INDEX` is not reported.
 */
import { defineRule, indexStatements, ruleDocsUrl, type AstNode, type Range, type RuleContext, type SchemaView, type Statement, type TableInfo } from '@migralint/core';
import { dropTargets } from '../drop-targets.js';
import { droppedByMigration, isNewObject, isNewTable, recreatedLaterInFile, tableBefore, type ObjectName } from '../new-objects.js';
import { subcommandTokens, findName, isKeyword } from '@migralint/core';
import { displayName, sameName, nameOfRangeVar, type WrittenName } from '@migralint/core';

type UniqueKind = 'primary key' | 'unique constraint' | 'exclusion constraint';

const NOTE =
  'Safe way: if the guarantee is still needed, create the replacement first (`CREATE UNIQUE INDEX CONCURRENTLY`, then ' +
  '`ADD CONSTRAINT … UNIQUE USING INDEX`) and drop the old one after; if it is not, check that no deployed ' +
  '`ON CONFLICT` and no foreign key relies on it, then drop it with ' +
  '`-- migralint-disable-next-statement destructive/no-drop-index -- <reason>`.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report dropping a unique index, primary key, or unique or exclusion constraint unless the migration keeps an equivalent one.',
      url: ruleDocsUrl('destructive', 'no-drop-index'),
      why:
        'A unique index or constraint is what keeps duplicates out: once it is gone Postgres accepts them, deployed ' +
        '`ON CONFLICT` clauses fail, and re-creating it later fails on the duplicates. Ordinary index drops only cost speed.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropUniqueIndex:
        'Dropping unique index "{{index}}" lets duplicates into "{{table}}" and breaks `ON CONFLICT` that relies on it; create the replacement unique index first, or keep it',
      dropConstraint:
        'Dropping {{kind}} "{{constraint}}" of "{{table}}" lets duplicates in and breaks `ON CONFLICT` and foreign keys that rely on it; add the replacement first, or keep it',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
  },
  create(context) {
    return {
      DropStmt(node, statement) {
        if (node.removeType !== 'OBJECT_INDEX') return;
        const schema = context.schema;
        if (!schema) return; // Which index is unique is only known from the history.
        for (const target of dropTargets(context, node, statement)) {
          if (isNewObject(context, 'index', target.name)) continue;
          const index = schema.before.index(resolve(schema, target.name));
          if (!index?.unique || index.partial || index.expression) continue;
          const table = { schema: index.table.schema, name: index.table.name };
          // A table dropped in the same migration takes its indexes along: that drop is the finding.
          if (!schema.after.table(index.table)) continue;
          if (isNewTable(context, table) || uniquenessKept(schema, table, index.columns, schema.before.table(index.table))) continue;
          if (recreatedLaterInFile(context.statements, statement, 'index', target.name)) continue;
          context.report({
            messageId: 'dropUniqueIndex',
            data: { index: displayName(target.name), table: displayName(table) },
            at: target.at,
            note: NOTE,
          });
        }
      },
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const cmds: AstNode[] = node.cmds ?? [];
        // Most ALTER TABLEs drop no constraint: no need to ask the model about the table.
        if (!cmds.some((entry) => dropsNamedConstraint(entry.AlterTableCmd))) return;
        const table = nameOfRangeVar(node.relation);
        if (isNewTable(context, table) || droppedByMigration(context, table)) return;
        cmds.forEach((entry, i) => {
          const cmd = entry.AlterTableCmd;
          if (!dropsNamedConstraint(cmd)) return;
          const kind = constraintKind(context, table, cmd.name);
          if (!kind) return;
          if (constraintReAdded(context.statements, statement, table, cmd.name)) return;
          const tokens = subcommandTokens(context, statement, i);
          const at: Range | Statement = (tokens && isKeyword(tokens[0], 'drop') && findName(tokens, cmd.name, 2)) || statement;
          context.report({ messageId: 'dropConstraint', data: { kind, constraint: cmd.name, table: displayName(table) }, at, note: NOTE });
        });
      },
    };
  },
});

/** `DROP CONSTRAINT name` (a name is all Postgres needs; a subcommand without one drops nothing we can judge). */
function dropsNamedConstraint(cmd: AstNode | undefined): boolean {
  return cmd?.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string';
}

function resolve(schema: SchemaView, name: ObjectName) {
  return schema.resolve({ ...(name.schema ? { schema: name.schema } : {}), name: name.name });
}

/**
 * Is `constraint` of `table` a primary key, unique or exclusion constraint that the migration does
 * not keep? From the model when it knows the table; else from Postgres' default constraint names.
 * Undefined: not such a constraint, added by this migration, or unknown.
 */
function constraintKind(context: RuleContext<any>, table: WrittenName, constraint: string): UniqueKind | undefined {
  const schema = context.schema;
  const before = tableBefore(context, table);
  if (schema && before) {
    const info = before.constraints.find((c) => c.name === constraint);
    if (!info) return undefined; // Added by this migration, or not there at all.
    const kind = ({ 'primary key': 'primary key', unique: 'unique constraint', exclusion: 'exclusion constraint' } as const)[info.kind as string];
    if (!kind) return undefined;
    const resolved = { schema: before.name.schema, name: before.name.name };
    return kind !== 'exclusion constraint' && uniquenessKept(schema, resolved, info.columns, before) ? undefined : kind;
  }
  if (constraintAddedEarlierInFile(context.statements, context.statement, table, constraint)) return undefined;
  if (constraint.endsWith('_pkey')) return 'primary key';
  if (constraint.endsWith('_key')) return 'unique constraint';
  if (constraint.endsWith('_excl')) return 'exclusion constraint';
  return undefined;
}

/**
 * Does the table, at the end of the migration, still have a unique key on `columns` or on fewer of
 * them? With the table as it was before (`before`), tables and columns are also compared by
 * identity, so a key re-made after a rename (`RENAME COLUMN url_id TO id`, then a unique index on `id`; a
 * renamed table's new primary key) keeps the guarantee.
 */
function uniquenessKept(schema: SchemaView, table: WrittenName, columns: readonly string[], before?: TableInfo): boolean {
  const after = schema.after;
  const renamed = before?.id === undefined ? undefined : after.tables().find((t) => t.id === before.id);
  const name = renamed?.name ?? schema.resolve({ ...(table.schema ? { schema: table.schema } : {}), name: table.name });
  const afterTable = renamed ?? after.table(name);
  const keys = [
    ...after.indexes(name).filter((i) => i.unique && !i.partial && !i.expression).map((i) => i.columns),
    ...(afterTable?.constraints ?? []).filter((c) => c.kind === 'primary key' || c.kind === 'unique').map((c) => c.columns),
  ];
  // A key column matches a dropped one by name (a column dropped and added again under its name is
  // what queries now use) or by identity (the same column, renamed).
  const idOf = (info: TableInfo | undefined, column: string) => info?.columns.find((c) => c.name === column)?.id;
  const droppedIds = new Set(columns.map((column) => idOf(before, column)).filter((id) => id !== undefined));
  // The table's column ids by name, looked up once per key column instead of a scan of the columns each time.
  const afterIds = new Map<string, number | undefined>();
  for (const c of afterTable?.columns ?? []) if (!afterIds.has(c.name)) afterIds.set(c.name, c.id);
  const kept = (column: string) => columns.includes(column) || droppedIds.has(afterIds.get(column) ?? NaN);
  return columns.length > 0 && keys.some((key) => key.length > 0 && key.every(kept));
}

/** The constraints a statement adds to `table`, by name. */
function constraintNamesAdded(statement: Statement, table: WrittenName): string[] {
  const node = statement.node;
  const names: string[] = [];
  const collect = (constraint: AstNode | undefined) => {
    if (typeof constraint?.conname === 'string') names.push(constraint.conname);
    // An unnamed primary key gets Postgres' default name.
    else if (constraint?.contype === 'CONSTR_PRIMARY') names.push(`${table.name}_pkey`);
  };
  if (statement.kind === 'CreateStmt' && sameName(nameOfRangeVar(node.relation ?? {}), table)) {
    for (const element of node.tableElts ?? []) {
      collect(element.Constraint);
      for (const c of element.ColumnDef?.constraints ?? []) collect(c.Constraint);
    }
  }
  if (statement.kind === 'AlterTableStmt' && sameName(nameOfRangeVar(node.relation ?? {}), table)) {
    for (const entry of node.cmds ?? []) {
      const cmd = entry.AlterTableCmd;
      if (cmd?.subtype === 'AT_AddConstraint') collect(cmd.def?.Constraint);
      if (cmd?.subtype === 'AT_AddColumn') for (const c of cmd.def?.ColumnDef?.constraints ?? []) collect(c.Constraint);
    }
  }
  if (statement.kind === 'IndexStmt' && node.unique && typeof node.idxname === 'string' && sameName(nameOfRangeVar(node.relation ?? {}), table)) {
    names.push(node.idxname);
  }
  return names;
}

function constraintAddedEarlierInFile(statements: readonly Statement[], before: Statement, table: WrittenName, name: string): boolean {
  return constraintsAddedTo(statements, table).some((added) => added.index < before.index && added.names.includes(name));
}

/** `DROP CONSTRAINT x … ADD CONSTRAINT x …` later in the same file: the guarantee is re-made. */
function constraintReAdded(statements: readonly Statement[], after: Statement, table: WrittenName, name: string): boolean {
  return constraintsAddedTo(statements, table).some((added) => added.index >= after.index && added.names.includes(name));
}

/** The statements of the file that add constraints to `table`: indexed once per file, a lookup per call. */
function constraintsAddedTo(statements: readonly Statement[], table: WrittenName): Array<{ index: number; names: string[] }> {
  return (indexStatements(statements, addedConstraints).get(table.name) ?? []).filter((added) => sameName(added.table, table));
}

/** The constraint names a statement adds, keyed by its table's name. */
function addedConstraints(statement: Statement): Array<[string, { index: number; table: WrittenName; names: string[] }]> {
  if (statement.kind !== 'CreateStmt' && statement.kind !== 'AlterTableStmt' && statement.kind !== 'IndexStmt') return [];
  const table = nameOfRangeVar(statement.node.relation ?? {});
  const names = constraintNamesAdded(statement, table);
  return names.length > 0 ? [[table.name, { index: statement.index, table, names }]] : [];
}

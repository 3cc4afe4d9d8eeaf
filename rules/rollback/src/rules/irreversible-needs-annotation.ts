/**
 * Some migrations cannot be rolled back, whatever the down says: a dropped table or column, a
 * truncated or deleted row, a type change that rounds or cuts values — the data is gone. That is
 * sometimes the point, but the people who may have to roll back should know before they try. So an
 * up that loses data must say so: `-- migralint-irreversible: <why and what is lost>`, in the up
 * or the down. The other rollback rules accept a migration that says so; an annotation without
 * its reason is reported here.
 *
 * Only data that existed before the migration counts: a table or column the same migration created
 * holds none. The schema before the migration comes from the replayed model, so a table dropped ten
 * migrations after its creation is known to exist. Checked for the layouts in `layouts` (those with
 * downs; a history without downs has no rollback to warn). Migrations before `since` are grandfathered.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Migration, type MigrationSet, type ProjectContext, type QualifiedName, type SchemaModel, type SourceFile, type Statement } from '@migralint/core';
import { filesOf, setsWithDowns, statementsOf, downLayoutsOption, type DownLayout } from '../history.js';
import { annotationsOf } from '../irreversible-annotation.js';
import { findQualifiedName } from '@migralint/core';
import { findColumnCommand } from '../name-tokens.js';
import { checkSetsWithoutDownsOption, policyApplies, sinceOption, usesDowns } from '../policy-start.js';
import { displayType, keepsValues } from '../type-changes.js';
import { DEFAULT_LAYOUTS } from './missing-down.js';

interface Options {
  layouts: DownLayout[];
  checkSetsWithoutDowns: boolean;
  since?: string;
}

const HOW = 'add `-- migralint-irreversible: <why and what is lost>` to the up or the down so whoever rolls back knows';

export default defineRule<Options>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require a `-- migralint-irreversible: <reason>` annotation on a migration whose up loses data.',
      url: ruleDocsUrl('rollback', 'irreversible-needs-annotation'),
      why: 'A dropped table or column, truncated or deleted rows and a lossy type change cannot be rolled back by any down: the data is gone. Whoever may have to roll back should read that, and why, before they try.',
    },
    // A warning: destructive/* already reports the data loss itself as an error; this asks for the note.
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      dropTable: 'Dropping table "{{table}}" loses its rows and no down can bring them back; ' + HOW,
      dropSchema: 'Dropping schema "{{schema}}" with CASCADE loses the rows of its {{count}} table(s) ({{tables}}) and no down can bring them back; ' + HOW,
      dropColumn: 'Dropping column "{{column}}" of "{{table}}" loses its values and no down can bring them back; ' + HOW,
      lossyType: 'Changing column "{{column}}" of "{{table}}" from {{from}} to {{to}} can change values, and changing it back does not restore them; ' + HOW,
      rewriteUsing: 'Changing column "{{column}}" of "{{table}}" to {{to}} with a USING expression rewrites its values, and changing it back does not restore them; ' + HOW,
      truncate: 'TRUNCATE of "{{table}}" loses its rows and no down can bring them back; ' + HOW,
      delete: 'DELETE from "{{table}}" loses rows and no down can bring them back; ' + HOW,
      noReason: 'This `migralint-irreversible` annotation gives no reason; write why the migration cannot be rolled back and what is lost after the colon',
    },
    schema: {
      type: 'object',
      properties: {
        layouts: downLayoutsOption('Layouts whose data-losing migrations must say so.'),
        checkSetsWithoutDowns: checkSetsWithoutDownsOption,
        since: sinceOption,
      },
      additionalProperties: false,
    },
    defaultOptions: { layouts: [...DEFAULT_LAYOUTS], checkSetsWithoutDowns: false },
    // One finding per risk: where a destructive rule already reports the statement's data loss (an
    // error, with the safe way), this warning would only repeat it.
    supersededBy: [
      'destructive/no-drop-table',
      'destructive/no-drop-column',
      'destructive/no-drop-schema',
      'destructive/no-column-type-change',
      'destructive/no-truncate',
      'destructive/no-delete-without-where',
    ],
  },
  project(context) {
    const { model } = context.project;
    const files = filesOf(context.project);
    const layouts = new Set<string>(context.options.layouts);
    for (const set of setsWithDowns(context.project)) {
      if (!layouts.has(set.layout) || !(context.options.checkSetsWithoutDowns || usesDowns(set))) continue;
      const applies = policyApplies(set, context.options.since);
      const schema = model.schemaOf(set);
      for (const migration of set.migrations) {
        if (migration.repeatable || !applies(migration)) continue;
        const annotations = annotationsOf(migration, files, context.tokensOf);
        for (const a of annotations) if (a.reason === undefined) context.report({ file: a.file, messageId: 'noReason', at: a.range });
        if (annotations.some((a) => a.reason !== undefined)) continue;
        for (const part of migration.up) {
          const file = files.get(part.file);
          if (!file) continue;
          for (const statement of statementsOf(file, part)) checkStatement({ context, set, migration, schema, file, statement });
        }
      }
    }
  },
});

interface Place {
  context: ProjectContext<Options>;
  set: MigrationSet;
  migration: Migration;
  schema: SchemaModel;
  file: SourceFile;
  statement: Statement;
}

function checkStatement(place: Place): void {
  const { statement } = place;
  const node = statement.node;
  switch (statement.kind) {
    case 'DropStmt':
      if (node.removeType === 'OBJECT_TABLE') return dropTables(place, node);
      if (node.removeType === 'OBJECT_SCHEMA' && node.behavior === 'DROP_CASCADE') return dropSchemas(place, node);
      return;
    case 'AlterTableStmt':
      if ((node.objtype ?? 'OBJECT_TABLE') === 'OBJECT_TABLE') return alterTable(place, node);
      return;
    case 'TruncateStmt':
      for (const item of node.relations ?? []) if (item.RangeVar) rowsLost(place, item.RangeVar, 'truncate');
      return;
    case 'DeleteStmt':
      if (node.relation) rowsLost(place, node.relation, 'delete');
      return;
    default:
      return;
  }
}

/** The table a name stands for at this statement, if it held data before this migration. */
function existingTable(place: Place, written: { schema?: string; name: string }): QualifiedName | undefined {
  const { schema, migration, file, statement } = place;
  const name = schema.resolve(written, { file: file.path, offset: statement.start });
  if (schema.createdIn(migration.index, 'table', name)) return undefined;
  const before = schema.before(migration.index);
  return before.table(name) || before.isExternal('table', name) ? name : undefined;
}

const display = (q: QualifiedName) => (q.schema === 'public' ? q.name : `${q.schema}.${q.name}`);
const written = (parts: readonly string[]) => (parts.length >= 2 ? { schema: parts[parts.length - 2]!, name: parts[parts.length - 1]! } : { name: parts[0]! });
const strings = (items: readonly AstNode[] | undefined) => (items ?? []).map((i) => i.String?.sval).filter((s): s is string => typeof s === 'string');

function dropTables(place: Place, node: AstNode): void {
  const tokens = place.context.tokensOf(place.file.path, place.statement);
  let from = 0;
  for (const object of node.objects ?? []) {
    const parts = strings(object.List?.items);
    if (parts.length === 0) continue;
    const found = findQualifiedName(tokens, parts, from);
    if (found) from = found.next;
    const table = existingTable(place, written(parts));
    if (!table) continue;
    place.context.report({ file: place.file.path, messageId: 'dropTable', data: { table: display(table) }, at: found?.range ?? place.statement });
  }
}

function dropSchemas(place: Place, node: AstNode): void {
  const tokens = place.context.tokensOf(place.file.path, place.statement);
  const before = place.schema.before(place.migration.index);
  for (const object of node.objects ?? []) {
    const name: string | undefined = object.String?.sval;
    if (!name) continue;
    const tables = before.tables().filter((t) => t.name.schema === name && !place.schema.createdIn(place.migration.index, 'table', t.name));
    if (tables.length === 0) continue;
    const shown = tables.slice(0, 3).map((t) => t.name.name).join(', ') + (tables.length > 3 ? ', …' : '');
    place.context.report({
      file: place.file.path,
      messageId: 'dropSchema',
      data: { schema: name, count: tables.length, tables: shown },
      at: findQualifiedName(tokens, [name])?.range ?? place.statement,
    });
  }
}

function alterTable(place: Place, node: AstNode): void {
  const rv = node.relation;
  if (!rv?.relname) return;
  const table = existingTable(place, { ...(rv.schemaname ? { schema: rv.schemaname } : {}), name: rv.relname });
  if (!table) return;
  const before = place.schema.before(place.migration.index).table(table);
  const after = place.schema.after(place.migration.index).table(table);
  const tokens = place.context.tokensOf(place.file.path, place.statement);
  let from = 0;
  for (const item of node.cmds ?? []) {
    const cmd = item.AlterTableCmd;
    const column: string | undefined = cmd?.name;
    if (!cmd || column === undefined) continue;
    const data = { table: display(table), column };
    if (cmd.subtype === 'AT_DropColumn') {
      const found = findColumnCommand(tokens, 'drop', column, from);
      if (found) from = found.next;
      // A column the table did not have before (added by this migration) held no data; an external
      // table's columns are unknown, so any dropped column may have.
      if (before && before.createdIn !== undefined && !before.columns.some((c) => c.name === column)) continue;
      place.context.report({ file: place.file.path, messageId: 'dropColumn', data, at: found?.range ?? place.statement });
    } else if (cmd.subtype === 'AT_AlterColumnType') {
      const found = findColumnCommand(tokens, 'alter', column, from);
      if (found) from = found.next;
      const old = before?.columns.find((c) => c.name === column);
      const now = after?.columns.find((c) => c.name === column);
      if (!now) continue;
      const at = found?.range ?? place.statement;
      const using = cmd.def?.ColumnDef?.raw_default;
      if (using && !isPlainConversion(using, column)) {
        place.context.report({ file: place.file.path, messageId: 'rewriteUsing', data: { ...data, to: displayType(now.type) }, at });
      } else if (old && keepsValues(old.type, now.type) === false) {
        place.context.report({ file: place.file.path, messageId: 'lossyType', data: { ...data, from: displayType(old.type), to: displayType(now.type) }, at });
      }
    }
  }
}

/** `USING c` or `USING c::t` / `CAST(c AS t)`: the column converted as it is. */
function isPlainConversion(expr: AstNode, column: string): boolean {
  const inner = expr.TypeCast ? expr.TypeCast.arg : expr;
  const fields: AstNode[] | undefined = inner?.ColumnRef?.fields;
  const last = fields?.[fields.length - 1]?.String?.sval;
  return last === column;
}

function rowsLost(place: Place, rv: AstNode, messageId: 'truncate' | 'delete'): void {
  if (!rv.relname) return;
  const table = existingTable(place, { ...(rv.schemaname ? { schema: rv.schemaname } : {}), name: rv.relname });
  if (!table) return;
  place.context.report({ file: place.file.path, messageId, data: { table: display(table) }, at: rv });
}


/**
 * A table in a schema the API exposes is a table every client can query: Supabase's PostgREST
 * serves `public` to anyone holding the anon key, and Supabase grants `anon` and `authenticated`
 * access to every new table there. Until `ENABLE ROW LEVEL SECURITY`, every row is theirs to read,
 * change and delete. Enabling it three migrations later is fine (the check is "by the end of the
 * history"; `byEndOfMigration` asks for the same migration), and a table dropped later is not
 * reported. To stay quiet in projects that do not use row-level security at all, the default
 * (`when: "auto"`) reports only in Supabase histories and in histories that enable RLS or create a
 * policy somewhere: once one table uses RLS, every table in an exposed schema should.
 */
import { defineRule, ruleDocsUrl, type AstNode } from '@migralint/core';
import { historiesOf, nameKey, type HistoryEntry } from '../history.js';
import { displayQualifiedName } from '@migralint/core';
import { PublicAccess } from '../public-access.js';
import { isExposed, rlsSettings, whenOption } from '../rls-settings.js';

export interface TableWithoutRlsOptions {
  /** `auto`: only in Supabase histories and histories that use RLS somewhere; `always`: everywhere. */
  when: 'auto' | 'always';
  /** Require RLS by the end of the migration that creates the table, not by the end of the history. */
  byEndOfMigration: boolean;
}

export default defineRule<TableWithoutRlsOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a table in an exposed schema that has no row-level security by the end of the history.',
      url: ruleDocsUrl('rls', 'table-without-rls'),
      why:
        'Without row-level security, every role granted access to a table in an API-exposed schema (Supabase grants anon and ' +
        'authenticated by default) reads, changes and deletes every row; RLS plus policies decide which rows each user reaches.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      missing:
        'Table "{{table}}" in exposed schema "{{schema}}" never gets row-level security; every role granted access reads and writes all its rows; enable row-level security and add policies',
      missingInMigration:
        'Table "{{table}}" in exposed schema "{{schema}}" has no row-level security at the end of its migration; until it is enabled, every role granted access reads and writes all its rows; enable it in the same migration',
    },
    schema: {
      type: 'object',
      properties: {
        when: whenOption,
        byEndOfMigration: {
          type: 'boolean',
          description: 'Require RLS by the end of the migration that creates the table instead of by the end of the history.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { when: 'auto', byEndOfMigration: false },
    sources: [{ tool: 'splinter', rule: 'rls_disabled_in_public' }],
  },
  project(context) {
    const settings = rlsSettings(context.settings);
    const byEndOfMigration = context.options.byEndOfMigration === true;
    for (const history of historiesOf(context.project)) {
      if (context.options.when !== 'always' && history.set.layout !== 'supabase' && !history.usesRls()) continue;
      // Final table → the last CREATE that made it (a table dropped and created again is the later one's).
      const access = new PublicAccess(history, settings.publicRoles);
      const found = new Map<string, { entry: HistoryEntry; relation: AstNode; table: string; schema: string }>();
      for (const entry of history.entries) {
        for (const { relation, schema } of createdTables(entry.statement.kind, entry.statement.node)) {
          if (relation.relpersistence === 't') continue;
          const index = entry.migration.index;
          const created = history.resolve(entry, { schema: relation.schemaname || schema, name: String(relation.relname) });
          const until = byEndOfMigration ? history.endOfMigration(index) : Number.POSITIVE_INFINITY;
          const name = history.follow(created, entry.pos, until);
          if (!isExposed(settings, name.schema)) continue;
          const table = (byEndOfMigration ? history.schema.after(index) : history.schema.atEnd()).table(name);
          // Gone by then (dropped, or replaced by a later CREATE that is checked on its own).
          if (!table || table.createdIn !== index || table.kind === 'temporary') continue;
          if (table.rlsEnabled) continue;
          // Every public role was revoked from it: clients cannot reach it anyway.
          if (access.rolesWith(name, byEndOfMigration ? history.endOfMigration(index) : history.entries.length - 1).length === 0) continue;
          found.set(`${nameKey(name)}\u0000${byEndOfMigration ? index : ''}`, { entry, relation, table: displayQualifiedName(name), schema: name.schema });
        }
      }
      for (const { entry, relation, table, schema } of found.values()) {
        context.report({
          file: entry.file.path,
          messageId: byEndOfMigration ? 'missingInMigration' : 'missing',
          data: { table, schema },
          at: relation,
          note:
            `Add \`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;\`${byEndOfMigration ? ' in this migration' : ''} and policies for what ` +
            `clients may do, e.g. \`CREATE POLICY "owners read" ON ${table} FOR SELECT TO authenticated USING ((select auth.uid()) = user_id);\`. ` +
            'A table only the server uses still needs RLS: with no policy, only its owner and roles with BYPASSRLS reach it. ' +
            'A table that should not be reachable at all belongs in a schema the API does not expose (settings.exposedSchemas).',
        });
      }
    }
  },
});

/** The tables a statement creates: `CREATE TABLE`, `CREATE TABLE … AS`, `SELECT … INTO`, `CREATE SCHEMA … CREATE TABLE`. */
function createdTables(kind: string, node: AstNode): Array<{ relation: AstNode; schema: string | undefined }> {
  switch (kind) {
    case 'CreateStmt':
      return node.relation ? [{ relation: node.relation, schema: undefined }] : [];
    case 'CreateTableAsStmt':
      return node.objtype === 'OBJECT_TABLE' && node.into?.rel ? [{ relation: node.into.rel, schema: undefined }] : [];
    case 'SelectStmt':
      return node.intoClause?.rel ? [{ relation: node.intoClause.rel, schema: undefined }] : [];
    case 'CreateSchemaStmt':
      return (node.schemaElts ?? []).flatMap((element: AstNode) =>
        element.CreateStmt?.relation ? [{ relation: element.CreateStmt.relation, schema: node.schemaname as string | undefined }] : [],
      );
    default:
      return [];
  }
}

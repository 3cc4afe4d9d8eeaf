// Table names as the design rules compare them: as Postgres stores them (the parser already folded
// unquoted names), `public` when no schema is written.

import type { AstNode } from '@migralint/core';

export interface TableName {
  /** As written; undefined when unqualified. */
  schema: string | undefined;
  name: string;
}

export function tableOf(rangeVar: AstNode | undefined): TableName {
  return { schema: rangeVar?.schemaname || undefined, name: String(rangeVar?.relname ?? '') };
}

/** As written, schema-qualified only when the SQL qualified it. */
export function displayTable(table: TableName): string {
  return table.schema ? `${table.schema}.${table.name}` : table.name;
}

export function sameTable(a: TableName, b: TableName): boolean {
  return a.name === b.name && (a.schema ?? 'public') === (b.schema ?? 'public');
}

/** `{schema?, name}` for `SchemaView.resolve`. */
export function asWritten(table: TableName): { schema?: string; name: string } {
  return table.schema ? { schema: table.schema, name: table.name } : { name: table.name };
}


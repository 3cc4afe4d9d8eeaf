// The AST's types, from @pgsql/types (generated from libpg-query 18's protobuf, the parser core
// runs). libpg-query wraps every node as `{ TypeName: {...} }`; these map a node type's name to
// the unwrapped node, so a visitor keyed `ColumnDef` gets a typed `ColumnDef`.

import type { Node } from '@pgsql/types';

export type * as PgAst from '@pgsql/types';

type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** Every node type the parser produces, by name: `AstNodeOf<'AlterTableCmd'>` is the unwrapped node. */
export type AstNodeTypes = { [K in KeysOfUnion<Node>]: Extract<Node, Record<K, unknown>>[K] };

export type AstNodeType = keyof AstNodeTypes;

export type AstNodeOf<K extends AstNodeType> = AstNodeTypes[K];

/** One ancestor of a visited node: its type and the unwrapped node (the statement's own node first). */
export interface AstAncestor {
  type: string;
  node: Record<string, any>;
}

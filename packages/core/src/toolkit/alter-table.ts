// The subcommands of an ALTER TABLE as rules need them: the AST lists them (`cmds`) without a
// location, so where each one is written comes from the statement's tokens, split once per
// statement at its top-level commas and shared by every rule that asks.

import { alterTableSubcommands } from '../token-readers.js';
import type { AstNode, RuleContext, SqlToken, Statement } from '../types.js';

interface Split {
  /** Each unwrapped AlterTableCmd node → its position in `cmds`. */
  positions: Map<AstNode, number>;
  count: number;
  /** The tokens of each subcommand; null when the text does not line up; undefined until asked. */
  parts?: SqlToken[][] | null;
}

const splits = new WeakMap<Statement, Split>();

/** The position in `cmds` of an unwrapped AlterTableCmd node of `statement` (a nested visitor's node); -1 when it is not one. */
export function subcommandIndex(statement: Statement, cmd: AstNode): number {
  return splitOf(statement).positions.get(cmd) ?? -1;
}

/**
 * The tokens of one subcommand of the ALTER TABLE `statement` — by its position in `cmds`, or its
 * unwrapped AlterTableCmd node — from the first token after the table's name or the previous comma;
 * undefined when the text does not line up with `cmds` (it always should).
 */
export function subcommandTokens(context: RuleContext<any>, statement: Statement, cmd: number | AstNode): readonly SqlToken[] | undefined {
  const split = splitOf(statement);
  if (split.parts === undefined) {
    const relation = statement.node.relation;
    const parts = relation ? alterTableSubcommands(context.tokensOf(statement), context.rangeOf(relation).start) : undefined;
    split.parts = parts?.length === split.count ? parts : null;
  }
  const i = typeof cmd === 'number' ? cmd : (split.positions.get(cmd) ?? -1);
  return split.parts?.[i];
}

function splitOf(statement: Statement): Split {
  let split = splits.get(statement);
  if (!split) {
    const cmds: AstNode[] = statement.kind === 'AlterTableStmt' ? (statement.node.cmds ?? []) : [];
    splits.set(statement, (split = { positions: new Map(cmds.map((entry, i) => [entry.AlterTableCmd, i])), count: cmds.length }));
  }
  return split;
}

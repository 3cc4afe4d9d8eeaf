/**
 * `ALTER TYPE … ADD VALUE` has two transaction traps, both hard errors at deploy time:
 * - before Postgres 12 it cannot run inside a transaction block at all — and many migration tools
 *   wrap every migration in one;
 * - since Postgres 12 it can, but the new value cannot be *used* until the transaction commits
 *   ("unsafe use of new value"): an UPDATE, INSERT, DEFAULT or index predicate that mentions it in
 *   the same transaction fails.
 * Both are fine when the enum itself was created in the same transaction. Optionally
 * (`requirePosition`, Squawk's require-enum-value-ordering), a value added without BEFORE/AFTER is
 * reported: it sorts after every existing value, which matters when code compares or orders by it.
 * A "use" is a string literal equal to the new value in a later statement of the transaction.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Range, type RuleContext, type Statement } from '@migralint/core';
import { creates } from '../new-objects.js';
import { displayName, nameOfList } from '@migralint/core';
import { isKeyword } from '@migralint/core';
import { transactionGroupOf, statementsOfTransaction } from '@migralint/core';
import { walkAst } from '@migralint/core';

export interface EnumAddValueOptions {
  /** Also report values added without BEFORE or AFTER. */
  requirePosition: boolean;
}

export default defineRule<EnumAddValueOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ALTER TYPE … ADD VALUE` that Postgres will refuse in its transaction, and optionally values added without a position.',
      url: ruleDocsUrl('locking', 'enum-add-value'),
      why:
        'Before Postgres 12, ADD VALUE cannot run in a transaction block; since 12 the new value cannot be used in ' +
        'the transaction that added it. Either way the migration fails at deploy time.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      inTransactionBefore12:
        'Adding value "{{value}}" to enum "{{type}}" inside a transaction fails on Postgres {{version}} (before 12: "cannot run inside a transaction block"); run it in a migration of its own, outside a transaction',
      usedInSameTransaction:
        'Using "{{value}}" in the transaction that added it to enum "{{type}}" fails ("unsafe use of new value") until that transaction commits; use the new value in a later migration',
      noPosition:
        'Adding value "{{value}}" to enum "{{type}}" without BEFORE or AFTER appends it after every existing value, which decides how it sorts and compares; say where it goes with BEFORE or AFTER',
    },
    schema: {
      type: 'object',
      properties: {
        requirePosition: {
          type: 'boolean',
          description: 'Also report ADD VALUE without BEFORE or AFTER (Squawk’s require-enum-value-ordering).',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { requirePosition: false },
    sources: [{ tool: 'squawk', rule: 'require-enum-value-ordering' }],
  },
  create(context) {
    const version = context.settings.postgresVersion;
    return {
      AlterEnumStmt(node, statement) {
        // RENAME VALUE has `oldVal`; only ADD VALUE adds.
        if (node.oldVal !== undefined || typeof node.newVal !== 'string') return;
        const type = nameOfList(node.typeName);
        if (!type) return;
        const value: string = node.newVal;
        const data = { value, type: displayName(type), version };
        const at = valueRange(context, statement, value) ?? statement;
        if (context.options.requirePosition && node.newValNeighbor === undefined) {
          context.report({
            messageId: 'noPosition',
            data,
            at,
            note: `Safe way: \`ALTER TYPE ${displayName(type)} ADD VALUE '${value}' BEFORE '<existing value>';\` (or AFTER) puts it where it belongs in the order.`,
          });
        }
        if (transactionGroupOf(context, statement).transaction === undefined) return;
        const transaction = statementsOfTransaction(context, statement);
        if (transaction.some((s) => s.index < statement.index && creates(s, 'type', type))) return;
        if (version < 12) {
          context.report({
            messageId: 'inTransactionBefore12',
            data,
            at,
            note:
              'Safe way: put the ALTER TYPE … ADD VALUE in a migration of its own that the tool runs outside a transaction ' +
              '(e.g. golang-migrate/dbmate/goose: a no-transaction migration; Flyway: mixed mode), or upgrade to Postgres 12+.',
          });
          return;
        }
        const use = firstUse(transaction.filter((s) => s.index > statement.index), value);
        if (use) {
          context.report({
            messageId: 'usedInSameTransaction',
            data,
            at: use,
            note:
              `Safe way: commit the ALTER TYPE ${displayName(type)} ADD VALUE first — end the transaction after it, or move the ` +
              'statements that use the new value to the next migration.',
          });
        }
      },
    };
  },
});

/** The first string literal equal to `value` in `statements` (other ALTER TYPE statements aside). */
function firstUse(statements: readonly Statement[], value: string): AstNode | undefined {
  for (const statement of statements) {
    if (statement.kind === 'AlterEnumStmt') continue;
    let found: AstNode | undefined;
    walkAst(statement.node, (type, n) => {
      if (!found && type === 'A_Const' && n.sval?.sval === value) found = n;
    });
    if (found) return found;
  }
  return undefined;
}

/** The string token of the new value in `ALTER TYPE t ADD VALUE [IF NOT EXISTS] 'v'`. */
function valueRange(context: RuleContext<EnumAddValueOptions>, statement: Statement, value: string): Range | undefined {
  const tokens = context.tokensOf(statement);
  const add = tokens.findIndex((t, k) => isKeyword(t, 'add') && isKeyword(tokens[k + 1], 'value'));
  let i = add + 2;
  if (isKeyword(tokens[i], 'if')) i += 3;
  const token = tokens[i];
  if (add === -1 || token?.kind !== 'string' || !token.text.startsWith("'")) return undefined;
  return token.text.slice(1, -1).replaceAll("''", "'") === value ? { start: token.start, end: token.end } : undefined;
}

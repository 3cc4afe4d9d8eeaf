/**
 * An ACCESS EXCLUSIVE lock (most ALTER TABLEs, DROP, TRUNCATE, …) blocks every read and write of the
 * table, and inside a transaction it is held until COMMIT — not until the statement ends. Every
 * statement that runs after it in the same transaction extends the outage: a backfill, an index
 * build, or a wait for a lock on another table (which also invites deadlocks). Taking the lock is
 * fine; taking it early in a long transaction is not. Keep the lock-taking statement last, or in a
 * migration of its own. Only a lock on a table that existed before this migration counts; after it,
 * every statement counts except transaction control and SET/RESET/SHOW (a count is crude, but
 * predictable: `maxStatements` says how many may follow).
 */
import { defineRule, ruleDocsUrl, type Statement } from '@migralint/core';
import { describeTarget, isPreExisting, locksTakenBy } from '../table-locks.js';
import { transactionGroupOf, statementsOfTransaction } from '@migralint/core';

export interface AccessExclusiveThenMoreOptions {
  /** How many statements may run after the lock is taken, in the same transaction. */
  maxStatements: number;
}

/** Statements that take no time and no locks: they do not extend the outage. */
const FREE = new Set(['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt']);

/** For each statement index of a transaction: how many of its statements after that one take time. */
const counts = new WeakMap<readonly Statement[], Map<number, number>>();

/**
 * How many statements of the transaction (`members`, in file order) run after `statement`, the
 * free ones left out. Counted once per transaction, from its end: a lookup per statement, not a
 * pass over the transaction (which made a long one-transaction file quadratic).
 */
function countAfter(members: readonly Statement[], statement: Statement): number {
  let byIndex = counts.get(members);
  if (!byIndex) {
    byIndex = new Map();
    let later = 0;
    for (let i = members.length - 1; i >= 0; i--) {
      const member = members[i]!;
      if (!byIndex.has(member.index)) byIndex.set(member.index, later);
      if (!FREE.has(member.kind)) later++;
    }
    counts.set(members, byIndex);
  }
  return byIndex.get(statement.index) ?? members.filter((s) => s.index > statement.index && !FREE.has(s.kind)).length;
}

export default defineRule<AccessExclusiveThenMoreOptions>({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Report transactions that run more statements after taking an ACCESS EXCLUSIVE lock on an existing table.',
      url: ruleDocsUrl('locking', 'access-exclusive-then-more'),
      why:
        'An ACCESS EXCLUSIVE lock is held until the transaction commits, so every statement after it keeps all reads ' +
        'and writes of the table waiting; take the lock last, or in a migration of its own.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    messages: {
      tooMany:
        '{{target}} stays locked ACCESS EXCLUSIVE while {{count}} more statements run in this transaction (more than {{max}}), so every read and write of it waits for all of them; take the lock last, or move the rest to another migration',
    },
    schema: {
      type: 'object',
      properties: {
        maxStatements: {
          type: 'integer',
          minimum: 0,
          description: 'How many statements may run after the ACCESS EXCLUSIVE lock is taken, in the same transaction.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { maxStatements: 5 },
  },
  create(context) {
    const max = context.options.maxStatements ?? 5;
    const reported = new Set<number>();
    return {
      Statement(_node, statement) {
        const transaction = transactionGroupOf(context, statement).transaction;
        if (transaction === undefined || reported.has(transaction) || FREE.has(statement.kind)) return;
        // The count first: it is cheap, and few statements have more than `max` after them.
        const count = countAfter(statementsOfTransaction(context, statement), statement);
        if (count <= max) return;
        const lock = locksTakenBy(context, statement).find((l) => l.mode === 'ACCESS EXCLUSIVE' && isPreExisting(context, l.target));
        if (!lock) return;
        reported.add(transaction);
        const target = describeTarget(lock.target);
        context.report({
          messageId: 'tooMany',
          data: { target: target.charAt(0).toUpperCase() + target.slice(1), count, max },
          at: lock.at ?? statement,
          note:
            'Safe way: order the transaction so the statement that takes ACCESS EXCLUSIVE comes last and COMMIT right ' +
            'after it; combine several changes of one table into one ALTER TABLE; move backfills, index builds and ' +
            `changes to other tables into migrations of their own. maxStatements (now ${max}) sets how many statements may follow.`,
        });
      },
    };
  },
});

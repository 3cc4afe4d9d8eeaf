/**
 * `ADD CONSTRAINT … NOT VALID` followed by `VALIDATE CONSTRAINT` is the safe recipe only when the
 * two run in separate transactions. The ADD takes SHARE ROW EXCLUSIVE (foreign key) or ACCESS
 * EXCLUSIVE (CHECK, NOT NULL) and keeps it until its transaction ends; a VALIDATE in the same
 * transaction then scans every row while that lock is still held — exactly the outage NOT VALID
 * was meant to avoid. Split them: commit after the ADD (or put the VALIDATE in the next migration
 * when the tool wraps each migration in a transaction).
 */
import { defineRule, ruleDocsUrl, type AstNode, type Statement } from '@migralint/core';
import { isNew } from '../new-objects.js';
import { displayName, nameOfRangeVar, sameName } from '@migralint/core';
import { findSequence, nameRangeIn } from '../sql-tokens.js';
import { subcommandTokens } from '@migralint/core';
import { statementsOfTransaction } from '@migralint/core';

const NOTE =
  'Safe way: keep `ADD CONSTRAINT … NOT VALID` where it is, and move `ALTER TABLE … VALIDATE CONSTRAINT …` to a ' +
  'separate transaction — the next migration when the tool wraps each migration in a transaction, or after a ' +
  '`COMMIT` when the file manages its own. VALIDATE alone takes SHARE UPDATE EXCLUSIVE: reads and writes go on.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `VALIDATE CONSTRAINT` in the same transaction that added the constraint `NOT VALID`.',
      url: ruleDocsUrl('locking', 'validate-in-same-transaction'),
      why:
        'The ADD CONSTRAINT … NOT VALID keeps its lock until the transaction ends, so a VALIDATE in the same transaction ' +
        'scans the table under that lock; validate in a separate transaction.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      sameTransaction:
        'Validating "{{constraint}}" in the transaction that added it NOT VALID scans "{{table}}" while the {{mode}} lock of the ADD is still held, blocking {{blocked}}; validate it in a separate transaction',
    },
    sources: [{ tool: 'squawk', rule: 'constraint-missing-not-valid' }],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const cmds: AstNode[] = node.cmds ?? [];
        if (!cmds.some((c) => c.AlterTableCmd?.subtype === 'AT_ValidateConstraint')) return;
        const table = nameOfRangeVar(node.relation);
        if (isNew(context, 'table', table)) return;
        // In autocommit, the statement is its own transaction: `ADD … NOT VALID, VALIDATE …` in one ALTER TABLE counts.
        const earlier = statementsOfTransaction(context, statement).filter((s) => s.index <= statement.index);
        cmds.forEach((entry, i) => {
          const cmd = entry.AlterTableCmd;
          if (cmd?.subtype !== 'AT_ValidateConstraint' || typeof cmd.name !== 'string') return;
          const added = addedNotValid(earlier, statement, i, table, cmd.name);
          if (!added) return;
          const tokens = subcommandTokens(context, statement, i);
          const run = tokens ? findSequence(tokens, ['validate', 'constraint', { name: cmd.name }]) : undefined;
          const strong = added.contype !== 'CONSTR_FOREIGN';
          context.report({
            messageId: 'sameTransaction',
            data: {
              constraint: cmd.name,
              table: displayName(table),
              mode: strong ? 'ACCESS EXCLUSIVE' : 'SHARE ROW EXCLUSIVE',
              blocked: strong ? 'reads and writes' : 'writes',
            },
            at: nameRangeIn(run, cmd.name) ?? statement,
            note: NOTE,
          });
        });
      },
    };
  },
});

/** The `NOT VALID` constraint named `name` that a statement of the same transaction added to `table` before the VALIDATE. */
function addedNotValid(statements: readonly Statement[], validate: Statement, cmdIndex: number, table: ReturnType<typeof nameOfRangeVar>, name: string) {
  let found: AstNode | undefined;
  for (const statement of statements) {
    if (statement.kind !== 'AlterTableStmt' || !sameName(nameOfRangeVar(statement.node.relation), table)) continue;
    (statement.node.cmds ?? []).forEach((entry: AstNode, i: number) => {
      if (statement === validate && i >= cmdIndex) return;
      const c = entry.AlterTableCmd?.subtype === 'AT_AddConstraint' ? entry.AlterTableCmd.def?.Constraint : undefined;
      if (c?.conname === name && c.skip_validation) found = c;
    });
  }
  return found;
}

/**
 * Adding a foreign key or a CHECK constraint to a table makes Postgres check every existing row
 * before the ALTER TABLE commits — and it holds its lock the whole time: SHARE ROW EXCLUSIVE on the
 * table and on the referenced table for a foreign key (writes to both stop), ACCESS EXCLUSIVE for a
 * CHECK (reads stop too). On a big table that is minutes of outage. `NOT VALID` adds the constraint
 * instantly (new and updated rows are checked from then on); `VALIDATE CONSTRAINT`, run later in
 * its own transaction, checks the old rows under SHARE UPDATE EXCLUSIVE, which blocks neither reads
 * nor writes. A table created in the same migration has no rows to check: not reported.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Fix, type RuleContext, type Statement } from '@migralint/core';
import { isNew } from '../new-objects.js';
import { displayName, nameOfRangeVar, type WrittenName } from '@migralint/core';
import { constraintNameText, constraintRange, endOfClause } from '../sql-tokens.js';
import { lineBreakOf } from '../text-edits.js';
import { transactionGroupOf } from '@migralint/core';

const FK_NOTE =
  'Safe way: (1) `ALTER TABLE … ADD CONSTRAINT <name> FOREIGN KEY (…) REFERENCES … NOT VALID;` — instant: ' +
  'only new and updated rows are checked from now on; (2) in a separate transaction (the next migration when ' +
  'this one runs in a transaction): `ALTER TABLE … VALIDATE CONSTRAINT <name>;` — checks the old rows under ' +
  'SHARE UPDATE EXCLUSIVE, so reads and writes go on. For a new column: add the column first, then the ' +
  'constraint this way. Before Postgres 18 a partitioned table refuses NOT VALID foreign keys: add one to each ' +
  'partition that way, then to the parent.';

const CHECK_NOTE =
  'Safe way: (1) `ALTER TABLE … ADD CONSTRAINT <name> CHECK (…) NOT VALID;` — instant: only new and updated ' +
  'rows are checked from now on; (2) in a separate transaction (the next migration when this one runs in a ' +
  'transaction): `ALTER TABLE … VALIDATE CONSTRAINT <name>;` — scans under SHARE UPDATE EXCLUSIVE, so reads ' +
  'and writes go on.';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report foreign keys and CHECK constraints added to an existing table without `NOT VALID`.',
      url: ruleDocsUrl('locking', 'constraint-missing-not-valid'),
      why:
        'Without NOT VALID, Postgres checks every existing row while holding a lock that blocks writes (foreign key: ' +
        'on both tables) or reads and writes (CHECK); add the constraint NOT VALID and VALIDATE it in a separate transaction.',
    },
    defaultSeverity: 'error',
    recommended: true,
    hasSuggestions: true,
    messages: {
      foreignKey:
        'Adding {{what}} to "{{table}}" checks every existing row while holding SHARE ROW EXCLUSIVE locks on "{{table}}" and "{{referenced}}", blocking writes to both; add it NOT VALID and VALIDATE it in a separate transaction',
      check:
        'Adding {{what}} to "{{table}}" scans every existing row under an ACCESS EXCLUSIVE lock, blocking reads and writes; add it NOT VALID and VALIDATE it in a separate transaction',
      addNotValid: 'Add NOT VALID, then VALIDATE CONSTRAINT in a statement of its own',
      addNotValidLater: 'Add NOT VALID (then VALIDATE CONSTRAINT in the next migration)',
    },
    sources: [
      { tool: 'squawk', rule: 'constraint-missing-not-valid' },
      { tool: 'squawk', rule: 'adding-foreign-key-constraint' },
    ],
  },
  create(context) {
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        // Whether the table is new (a question for the schema model) only matters for a constraint to report.
        if (!(node.cmds ?? []).some((entry: AstNode) => addsValidatedConstraint(entry.AlterTableCmd))) return;
        const table = nameOfRangeVar(node.relation);
        if (isNew(context, 'table', table)) return;
        for (const entry of node.cmds ?? []) {
          const cmd = entry.AlterTableCmd;
          if (cmd?.subtype === 'AT_AddConstraint') {
            const constraint = cmd.def?.Constraint;
            if (!isValidatedOnAdd(constraint)) continue;
            reportConstraint(context, node, statement, table, constraint, undefined);
          } else if (cmd?.subtype === 'AT_AddColumn') {
            const column = cmd.def?.ColumnDef;
            for (const c of column?.constraints ?? []) {
              if (isValidatedOnAdd(c.Constraint)) reportConstraint(context, node, statement, table, c.Constraint, String(column.colname));
            }
          }
        }
      },
    };
  },
});

/** Does the subcommand add a constraint that is validated while it is added, itself or on its new column? */
function addsValidatedConstraint(cmd: AstNode | undefined): boolean {
  if (cmd?.subtype === 'AT_AddConstraint') return isValidatedOnAdd(cmd.def?.Constraint);
  if (cmd?.subtype === 'AT_AddColumn') return (cmd.def?.ColumnDef?.constraints ?? []).some((c: AstNode) => isValidatedOnAdd(c.Constraint));
  return false;
}

/** A foreign key or CHECK that Postgres validates while adding it (no NOT VALID, no NOT ENFORCED). */
function isValidatedOnAdd(constraint: AstNode | undefined): constraint is AstNode {
  return (constraint?.contype === 'CONSTR_FOREIGN' || constraint?.contype === 'CONSTR_CHECK') && !constraint.skip_validation;
}

function reportConstraint(
  context: RuleContext,
  node: AstNode,
  statement: Statement,
  table: WrittenName,
  constraint: AstNode,
  column: string | undefined,
): void {
  const foreign = constraint.contype === 'CONSTR_FOREIGN';
  const kind = foreign ? 'foreign key' : 'CHECK constraint';
  const what =
    typeof constraint.conname === 'string'
      ? `${kind} "${constraint.conname}"`
      : column !== undefined
        ? `a ${kind} on new column "${column}"`
        : `a ${kind}`;
  context.report({
    messageId: foreign ? 'foreignKey' : 'check',
    data: { what, table: displayName(table), referenced: foreign ? displayName(nameOfRangeVar(constraint.pktable)) : '' },
    at: constraintRange(context, constraint, statement),
    note: foreign ? FK_NOTE : CHECK_NOTE,
    ...suggestion(context, node, statement, constraint, column),
  });
}

/**
 * `… NOT VALID;` plus `ALTER TABLE t VALIDATE CONSTRAINT name;` after the statement — only for a
 * named `ADD CONSTRAINT` (VALIDATE needs the name), and only when the file is known to run statement
 * by statement: outside a transaction and outside any migration layout. Inside a transaction the
 * VALIDATE would run under the same lock; and runners that send a file as one query
 * (golang-migrate, Prisma, …) run two statements as one implicit transaction even when one alone
 * runs outside any. There the suggestion adds NOT VALID only, and the VALIDATE belongs in the next
 * migration.
 */
function suggestion(context: RuleContext, node: AstNode, statement: Statement, constraint: AstNode, column: string | undefined) {
  if (column !== undefined) return {};
  const name = constraintNameText(context, constraint, statement);
  const end = endOfClause(context, statement, context.rangeOf(constraint).start);
  if (name === undefined || end === undefined) return {};
  // Before Postgres 18, a foreign key on a partitioned table cannot be added NOT VALID.
  if (constraint.contype === 'CONSTR_FOREIGN' && context.settings.postgresVersion < 18 && isPartitioned(context, node)) return {};
  const fixes: Fix[] = [{ range: [end, end], text: ' NOT VALID' }];
  const sameFile = context.migration === undefined && transactionGroupOf(context, statement).transaction === undefined;
  if (sameFile) {
    const relation = context.rangeOf(node.relation);
    const tableText = context.file.text.slice(relation.start, relation.end);
    fixes.push({ range: [statement.end, statement.end], text: `;${lineBreakOf(context.file.text)}ALTER TABLE ${tableText} VALIDATE CONSTRAINT ${name}` });
  }
  return { suggest: [{ messageId: sameFile ? 'addNotValid' : 'addNotValidLater', fix: fixes }] };
}

/** The model knows the table as partitioned. */
function isPartitioned(context: RuleContext, node: AstNode): boolean {
  const schema = context.schema;
  if (!schema) return false;
  return schema.before.table(schema.resolve(nameOfRangeVar(node.relation)))?.kind === 'partitioned';
}

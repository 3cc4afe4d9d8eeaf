/**
 * `ALTER COLUMN … SET NOT NULL` (and Postgres 18's `ADD CONSTRAINT … NOT NULL c`) checks every row
 * for NULLs while holding an ACCESS EXCLUSIVE lock: no reads, no writes until the scan ends. Since
 * Postgres 12 the scan is skipped when a *validated* `CHECK (c IS NOT NULL)` constraint already
 * proves it — and that constraint can be added `NOT VALID` and validated without blocking anyone.
 * So on a table that existed before this migration, SET NOT NULL is reported unless such a
 * constraint is known to be validated: earlier in the same part of the file (added without NOT
 * VALID, or validated by `VALIDATE CONSTRAINT`), or in the schema before this migration (from the
 * replayed model). A `VALIDATE CONSTRAINT` of a constraint migralint knows nothing about is trusted
 * to be that CHECK when its name mentions the column (`foo_bar_not_null` for `bar`): it is step 2 of
 * the recipe, and Squawk trusts it the same way. Before Postgres 12 there is no shortcut: always
 * reported.
 */
import { defineRule, ruleDocsUrl, type AstNode, type RuleContext, type Statement } from '@migralint/core';
import { isNew } from '../new-objects.js';
import { displayName, nameOfRangeVar, sameName, type WrittenName } from '@migralint/core';
import { constraintRange, findSequence, nameRangeIn } from '../sql-tokens.js';
import { subcommandTokens } from '@migralint/core';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `SET NOT NULL` on an existing table without a validated `CHECK (column IS NOT NULL)` constraint.',
      url: ruleDocsUrl('locking', 'set-not-null'),
      why:
        'SET NOT NULL scans the whole table for NULLs under an ACCESS EXCLUSIVE lock that blocks reads and writes; ' +
        'since Postgres 12 a validated CHECK (column IS NOT NULL) lets it skip the scan, and that CHECK can be added NOT VALID and validated online.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      notNull:
        'Making "{{column}}" of "{{table}}" NOT NULL scans every row under an ACCESS EXCLUSIVE lock, blocking reads and writes; add and validate CHECK ("{{column}}" IS NOT NULL) first so Postgres skips the scan',
      notNullBefore12:
        'Making "{{column}}" of "{{table}}" NOT NULL scans every row under an ACCESS EXCLUSIVE lock, blocking reads and writes, and Postgres {{version}} (before 12) cannot skip the scan; keep a validated CHECK ("{{column}}" IS NOT NULL) instead until you upgrade',
      notNullMany:
        'Making {{columns}} of "{{table}}" NOT NULL scans every row (once for the statement) under an ACCESS EXCLUSIVE lock, blocking reads and writes; add and validate a CHECK (… IS NOT NULL) for each first so Postgres skips the scan',
      notNullManyBefore12:
        'Making {{columns}} of "{{table}}" NOT NULL scans every row (once for the statement) under an ACCESS EXCLUSIVE lock, blocking reads and writes, and Postgres {{version}} (before 12) cannot skip the scan; keep validated CHECK (… IS NOT NULL) constraints instead until you upgrade',
    },
    sources: [{ tool: 'squawk', rule: 'adding-not-nullable-field' }],
  },
  create(context) {
    const version = context.settings.postgresVersion;
    return {
      AlterTableStmt(node, statement) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const cmds: AstNode[] = node.cmds ?? [];
        const targets = cmds.map(notNullTarget);
        if (targets.every((t) => t === undefined)) return;
        const table = nameOfRangeVar(node.relation);
        if (isNew(context, 'table', table)) return;
        // One ALTER TABLE checks all its new NOT NULLs in one scan: one finding for the statement.
        const found: Array<{ column: string; at: AstNode | { start: number; end: number } | undefined }> = [];
        targets.forEach((column, i) => {
          if (column === undefined) return;
          if (alreadyNotNull(context, table, column)) return;
          if (version >= 12 && hasValidatedNotNullCheck(context, statement, i, table, column)) return;
          const cmd = cmds[i]!.AlterTableCmd;
          let at: AstNode | { start: number; end: number } | undefined;
          if (cmd.subtype === 'AT_AddConstraint') at = constraintRange(context, cmd.def.Constraint, statement);
          else {
            const tokens = subcommandTokens(context, statement, i);
            const run = tokens ? findSequence(tokens, ['alter', { optional: 'column' }, { name: column }, 'set', 'not', 'null']) : undefined;
            at = nameRangeIn(run, column);
          }
          found.push({ column, at });
        });
        const [first, ...rest] = found;
        if (!first) return;
        if (rest.length === 0) {
          context.report({
            messageId: version >= 12 ? 'notNull' : 'notNullBefore12',
            data: { column: first.column, table: displayName(table), version },
            at: first.at ?? statement,
            note: recipe(table, first.column, version),
          });
          return;
        }
        context.report({
          messageId: version >= 12 ? 'notNullMany' : 'notNullManyBefore12',
          data: { columns: found.map((f) => `"${f.column}"`).join(', '), table: displayName(table), version },
          at: first.at ?? statement,
          note: `${recipe(table, first.column, version)} The same for ${rest.map((f) => `"${f.column}"`).join(', ')}.`,
        });
      },
    };
  },
});

/** The column a subcommand makes NOT NULL: `ALTER COLUMN c SET NOT NULL`, or `ADD [CONSTRAINT n] NOT NULL c` (validated). */
function notNullTarget(entry: AstNode): string | undefined {
  const cmd = entry.AlterTableCmd;
  if (cmd?.subtype === 'AT_SetNotNull' && typeof cmd.name === 'string') return cmd.name;
  const c = cmd?.subtype === 'AT_AddConstraint' ? cmd.def?.Constraint : undefined;
  if (c?.contype === 'CONSTR_NOTNULL' && !c.skip_validation && c.keys?.length === 1) return c.keys[0].String?.sval;
  return undefined;
}

function recipe(table: WrittenName, column: string, version: number): string {
  const t = displayName(table);
  const name = `${table.name}_${column}_not_null`;
  if (version < 12) {
    return (
      `Postgres ${version} always scans. Safe way: \`ALTER TABLE ${t} ADD CONSTRAINT ${name} CHECK (${column} IS NOT NULL) NOT VALID;\`, ` +
      `then in a separate transaction \`ALTER TABLE ${t} VALIDATE CONSTRAINT ${name};\` (reads and writes go on); the CHECK ` +
      'enforces the rule; switch to NOT NULL after upgrading to Postgres 12+.'
    );
  }
  return (
    `Safe way: (1) \`ALTER TABLE ${t} ADD CONSTRAINT ${name} CHECK (${column} IS NOT NULL) NOT VALID;\` (instant); ` +
    `(2) in a separate transaction: \`ALTER TABLE ${t} VALIDATE CONSTRAINT ${name};\` (scans under SHARE UPDATE EXCLUSIVE: ` +
    `reads and writes go on); (3) \`ALTER TABLE ${t} ALTER COLUMN ${column} SET NOT NULL;\` (no scan: the validated CHECK ` +
    `proves it) and \`ALTER TABLE ${t} DROP CONSTRAINT ${name};\`.` +
    (version >= 18 ? ` On Postgres 18+, \`ADD CONSTRAINT ${name} NOT NULL ${column} NOT VALID\` and a later VALIDATE CONSTRAINT do the same in two steps.` : '')
  );
}

/** The model says the column is NOT NULL already: SET NOT NULL is a no-op. */
function alreadyNotNull(context: RuleContext, table: WrittenName, column: string): boolean {
  const schema = context.schema;
  if (!schema) return false;
  return schema.before.table(schema.resolve(table))?.columns.find((c) => c.name === column)?.notNull === true;
}

/**
 * Is a validated CHECK (or NOT NULL constraint) proving `column IS NOT NULL` known at subcommand
 * `cmdIndex` of `statement`? Replays the constraints of `table` through the part so far, starting
 * from the model's schema before this migration.
 */
function hasValidatedNotNullCheck(context: RuleContext, statement: Statement, cmdIndex: number, table: WrittenName, column: string): boolean {
  // name → does it prove the column NOT NULL, and is it validated? (undefined name: unnamed, validated on add)
  const known = new Map<string, { proves: boolean; validated: boolean }>();
  const schema = context.schema;
  const before = schema?.before.table(schema.resolve(table));
  for (const c of before?.constraints ?? []) {
    known.set(c.name, { proves: modelCheckProves(c, column), validated: !c.notValid });
  }
  let trusted = false;
  for (const s of context.statementsOfPart(statement)) {
    if (s.index > statement.index) break;
    if (s.kind !== 'AlterTableStmt' || !sameName(nameOfRangeVar(s.node.relation), table)) continue;
    const cmds: AstNode[] = s.node.cmds ?? [];
    for (let i = 0; i < cmds.length && !(s === statement && i >= cmdIndex); i++) {
      const cmd = cmds[i]!.AlterTableCmd;
      if (cmd?.subtype === 'AT_AddConstraint') {
        const c = cmd.def?.Constraint;
        const proves =
          (c?.contype === 'CONSTR_CHECK' && provesNotNull(c.raw_expr, column)) ||
          (c?.contype === 'CONSTR_NOTNULL' && c.keys?.[0]?.String?.sval === column);
        known.set(typeof c?.conname === 'string' ? c.conname : `\u0000unnamed${s.index}.${i}`, { proves, validated: !c?.skip_validation });
      } else if (cmd?.subtype === 'AT_ValidateConstraint' && typeof cmd.name === 'string') {
        const entry = known.get(cmd.name);
        if (entry) entry.validated = true;
        // Unknown to us (added in an earlier migration the model did not see): trusted when its
        // name mentions the column, the way these constraints are named (`users_email_not_null`).
        else if (`_${cmd.name}_`.includes(`_${column}_`)) trusted = true;
      } else if (cmd?.subtype === 'AT_DropConstraint' && typeof cmd.name === 'string') {
        known.delete(cmd.name);
      }
    }
  }
  return trusted || [...known.values()].some((k) => k.proves && k.validated);
}

/** `c IS NOT NULL`, possibly ANDed with other conditions. */
function provesNotNull(expr: AstNode | undefined, column: string): boolean {
  if (expr?.NullTest) {
    const test = expr.NullTest;
    const fields: AstNode[] = test.arg?.ColumnRef?.fields ?? [];
    return test.nulltesttype === 'IS_NOT_NULL' && fields.at(-1)?.String?.sval === column;
  }
  if (expr?.BoolExpr?.boolop === 'AND_EXPR') return (expr.BoolExpr.args ?? []).some((a: AstNode) => provesNotNull(a, column));
  return false;
}

/**
 * A CHECK from the model proves `column IS NOT NULL` when it reads only that column and its
 * expression text (as the model keeps it, cut from the source) is `… IS NOT NULL`.
 */
function modelCheckProves(c: { kind: string; columns: string[]; expression?: string }, column: string): boolean {
  if (c.kind === 'not null') return c.columns.length === 1 && c.columns[0] === column;
  if (c.kind !== 'check' || c.columns.length !== 1 || c.columns[0] !== column || !c.expression) return false;
  const text = c.expression.replace(/\s+/g, ' ').trim().replace(/^\((.*)\)$/, '$1').trim();
  return / is not null$/i.test(text) && !/ or /i.test(text);
}

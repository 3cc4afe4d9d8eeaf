/**
 * `ALTER TABLE … ADD COLUMN` is instant when Postgres can store the new column's value for existing
 * rows once, in the catalog: no default, or (since Postgres 11) a default that is not volatile —
 * `now()` is STABLE and fine. It rewrites the whole table, under an ACCESS EXCLUSIVE lock that blocks
 * reads and writes for as long as the rewrite takes, when every row needs its own value: a volatile
 * default (`random()`, `gen_random_uuid()`, `clock_timestamp()`), a `serial` or identity column
 * (`nextval`), a `GENERATED ALWAYS AS (…) STORED` column — or any non-NULL default before
 * Postgres 11. Functions this rule does not know are assumed volatile (see `nonVolatileFunctions`).
 * A table created in the same migration has no rows to rewrite: not reported.
 */
import { defineRule, ruleDocsUrl, type AstNode, type ReportDescriptor } from '@migralint/core';
import { constraintsOf, isNullConstant, serialType } from '../column-definitions.js';
import { isNew } from '../new-objects.js';
import { displayName, nameOfRangeVar } from '@migralint/core';
import { firstRiskyCall } from '../volatility.js';

export interface AddingFieldWithDefaultOptions {
  /** User or extension functions that are STABLE or IMMUTABLE (`my_default()`, `app.next_code`). */
  nonVolatileFunctions: string[];
}

const NOTE =
  'Safe way: (1) `ALTER TABLE … ADD COLUMN c <type>;` without the default (instant); (2) `ALTER TABLE … ALTER COLUMN c ' +
  'SET DEFAULT …;` — applies to new rows only, instant; (3) backfill existing rows in batches (`UPDATE … WHERE id ' +
  'BETWEEN …`), each in its own transaction; (4) add NOT NULL afterwards if needed (see locking/set-not-null).';

const GENERATED_NOTE =
  'Safe way: add a plain nullable column, fill it from a trigger for new and updated rows, backfill the old rows ' +
  'in batches; on Postgres 18+ a VIRTUAL generated column (computed on read) needs no rewrite.';

export default defineRule<AddingFieldWithDefaultOptions>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `ADD COLUMN` with a volatile default, an identity or serial type, or a stored generated expression on an existing table.',
      url: ruleDocsUrl('locking', 'adding-field-with-default'),
      why:
        'Such a column needs a value computed per row, so Postgres rewrites the whole table under an ACCESS EXCLUSIVE lock ' +
        'that blocks reads and writes until the rewrite ends; add the column without it and backfill in batches.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      volatileDefault:
        'Adding column "{{column}}" to "{{table}}" with DEFAULT {{function}}() rewrites the table under an ACCESS EXCLUSIVE lock, blocking reads and writes: {{function}}() is volatile, so every row needs its own value; add the column without the default and backfill in batches',
      unknownDefault:
        'Adding column "{{column}}" to "{{table}}" with DEFAULT {{function}}() rewrites the table under an ACCESS EXCLUSIVE lock if {{function}}() is volatile (migralint assumes so); add the column without the default and backfill, or list the function in nonVolatileFunctions if it is STABLE or IMMUTABLE',
      serialColumn:
        'Adding {{type}} column "{{column}}" to "{{table}}" rewrites the table under an ACCESS EXCLUSIVE lock to fill it from a sequence, blocking reads and writes; add a nullable bigint column, attach the sequence as its default, and backfill in batches',
      identityColumn:
        'Adding identity column "{{column}}" to "{{table}}" rewrites the table under an ACCESS EXCLUSIVE lock to number every row, blocking reads and writes; add a nullable bigint column, backfill it in batches, then make it an identity',
      storedGenerated:
        'Adding stored generated column "{{column}}" to "{{table}}" rewrites the table under an ACCESS EXCLUSIVE lock to compute every row, blocking reads and writes; add a plain column filled by a trigger and backfill in batches instead',
      rewriteMany:
        'Adding columns {{columns}} to "{{table}}" rewrites the table (once for the statement) under an ACCESS EXCLUSIVE lock, blocking reads and writes; add them without what fills every row, then backfill in batches',
      defaultBeforePg11:
        'Adding column "{{column}}" to "{{table}}" with a DEFAULT rewrites the table on Postgres {{version}} (before 11) under an ACCESS EXCLUSIVE lock, blocking reads and writes; add the column without a default, set the default separately, and backfill in batches',
    },
    schema: {
      type: 'object',
      properties: {
        nonVolatileFunctions: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'Functions (`name` or `schema.name`) that are STABLE or IMMUTABLE, so a default calling them needs no rewrite.',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { nonVolatileFunctions: [] },
    sources: [{ tool: 'squawk', rule: 'adding-field-with-default' }],
  },
  create(context) {
    const version = context.settings.postgresVersion;
    return {
      AlterTableStmt(node) {
        if (node.objtype !== 'OBJECT_TABLE' || !node.relation) return;
        const table = nameOfRangeVar(node.relation);
        const addColumns: AstNode[] = (node.cmds ?? [])
          .map((c: AstNode) => c.AlterTableCmd)
          .filter((c: AstNode | undefined) => c?.subtype === 'AT_AddColumn' && c.def?.ColumnDef);
        if (addColumns.length === 0 || isNew(context, 'table', table)) return;
        // One ALTER TABLE rewrites its table once, whatever number of columns need it: the
        // findings of one statement become one, naming every column (each with its reason).
        const found: Array<{ descriptor: ReportDescriptor; why: string }> = [];
        const report = (descriptor: ReportDescriptor, why: string) => found.push({ descriptor, why });
        for (const cmd of addColumns) {
          const column: AstNode = cmd.def.ColumnDef;
          const data = { column: String(column.colname), table: displayName(table) };
          const constraints = constraintsOf(column);
          const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
          const identity = constraints.find((c) => c.contype === 'CONSTR_IDENTITY');
          const defaultConstraint = constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
          const defaultExpr: AstNode | undefined = defaultConstraint?.raw_expr;
          const serial = serialType(column);

          if (generated && generated.generated_kind !== 'v') {
            report({ messageId: 'storedGenerated', data, at: generated, note: GENERATED_NOTE }, 'stored generated');
          } else if (identity) {
            report({ messageId: 'identityColumn', data, at: identity, note: NOTE }, 'identity');
          } else if (serial && !defaultExpr) {
            report({ messageId: 'serialColumn', data: { ...data, type: serial }, at: column.typeName, note: NOTE }, serial);
          } else if (defaultExpr && !isNullConstant(defaultExpr)) {
            if (version < 11) {
              report({ messageId: 'defaultBeforePg11', data: { ...data, version }, at: defaultConstraint, note: NOTE }, 'DEFAULT');
              continue;
            }
            const risky = firstRiskyCall(defaultExpr, context.options.nonVolatileFunctions ?? []);
            if (risky) {
              report(
                { messageId: risky.why === 'volatile' ? 'volatileDefault' : 'unknownDefault', data: { ...data, function: risky.name }, at: risky.call, note: NOTE },
                `DEFAULT ${risky.name}()`,
              );
            }
          }
        }
        const [first] = found;
        if (!first) return;
        if (found.length === 1) {
          context.report(first.descriptor);
          return;
        }
        const columns = found.map((f) => `"${String(f.descriptor.data?.column)}" (${f.why})`).join(', ');
        context.report({ messageId: 'rewriteMany', data: { columns, table: displayName(table) }, at: first.descriptor.at, note: first.descriptor.note });
      },
    };
  },
});

/**
 * A migration part that runs outside a transaction (goose `NO TRANSACTION`, a sqitch script without
 * BEGIN, a runner that sends statements one by one) can fail half-way: the statements before the
 * failure are committed, and re-running the migration then stops at the first of them that cannot
 * run twice — `CREATE TABLE` of a table that now exists, `DROP COLUMN` of a column that is gone.
 * `IF [NOT] EXISTS` (or `OR REPLACE`, or a `DROP … IF EXISTS` just before) makes it re-runnable.
 *
 * Reported only where it matters: the statement runs outside a transaction (the layout's mode, an
 * explicit BEGIN … COMMIT, `settings.assumeTransaction`; without a migration model, what `psql -f`
 * and Squawk assume — statement by statement unless the file says BEGIN) and another statement
 * follows it in the same part: a statement that fails leaves nothing behind (Postgres statements
 * are atomic), so the last one never needs it. Inside a transaction the whole part rolls back and
 * re-runs cleanly. Statements that are idempotent anyway (`SET NOT NULL`, `ENABLE ROW LEVEL
 * SECURITY`, `SET DEFAULT`) and temporary tables are not reported; `CREATE INDEX CONCURRENTLY` is
 * left to the `concurrently` pack, which says how to clean up the invalid index a failure leaves.
 */
import { defineRule, ruleDocsUrl, type AstNode, type Fix, type Range, type RuleContext, type SqlToken, type Statement, type Suggestion } from '@migralint/core';
import { subcommandTokens, afterKeywords, isKeyword, isName } from '@migralint/core';
import { displayName, nameOfRangeVar } from '@migralint/core';

interface Fragile {
  /** What the statement does, e.g. `CREATE TABLE "users"`. */
  action: string;
  /** How to make it re-runnable. */
  remedy: string;
  at: Range | AstNode | Statement;
  /** A `DROP … IF EXISTS` of this key earlier in the part makes the statement re-runnable. */
  key?: string;
  fix?: Fix;
  suggest?: Suggestion[];
}

/** Statements after which a failure is impossible or irrelevant: they do not make an earlier statement's re-run matter. */
const HARMLESS = new Set(['TransactionStmt', 'VariableSetStmt', 'VariableShowStmt']);

/** `DropStmt.removeType` → the keywords after DROP and the word a message uses. */
const DROP_KINDS: Record<string, { keywords: string[]; what: string; key: string }> = {
  OBJECT_TABLE: { keywords: ['table'], what: 'TABLE', key: 'table' },
  OBJECT_VIEW: { keywords: ['view'], what: 'VIEW', key: 'view' },
  OBJECT_MATVIEW: { keywords: ['materialized', 'view'], what: 'MATERIALIZED VIEW', key: 'view' },
  OBJECT_INDEX: { keywords: ['index'], what: 'INDEX', key: 'index' },
  OBJECT_SEQUENCE: { keywords: ['sequence'], what: 'SEQUENCE', key: 'sequence' },
  OBJECT_SCHEMA: { keywords: ['schema'], what: 'SCHEMA', key: 'schema' },
  OBJECT_TYPE: { keywords: ['type'], what: 'TYPE', key: 'type' },
  OBJECT_DOMAIN: { keywords: ['domain'], what: 'DOMAIN', key: 'type' },
  OBJECT_FUNCTION: { keywords: ['function'], what: 'FUNCTION', key: 'function' },
  OBJECT_PROCEDURE: { keywords: ['procedure'], what: 'PROCEDURE', key: 'function' },
  OBJECT_ROUTINE: { keywords: ['routine'], what: 'ROUTINE', key: 'function' },
  OBJECT_TRIGGER: { keywords: ['trigger'], what: 'TRIGGER', key: 'trigger' },
  OBJECT_POLICY: { keywords: ['policy'], what: 'POLICY', key: 'policy' },
  OBJECT_EXTENSION: { keywords: ['extension'], what: 'EXTENSION', key: 'extension' },
  OBJECT_FOREIGN_TABLE: { keywords: ['foreign', 'table'], what: 'FOREIGN TABLE', key: 'table' },
};

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require `IF [NOT] EXISTS` (or `OR REPLACE`) on statements that cannot run twice, where a migration part runs outside a transaction.',
      url: ruleDocsUrl('design', 'prefer-robust-stmts'),
      why:
        'Outside a transaction a failed migration stays half-applied, and re-running it stops at the first statement ' +
        'that cannot run twice; IF [NOT] EXISTS makes those statements re-runnable. Inside a transaction it is not needed.',
    },
    defaultSeverity: 'warning',
    recommended: true,
    fixable: true,
    hasSuggestions: true,
    messages: {
      fragile:
        '{{action}} cannot run twice, and this part runs outside a transaction: if a later statement fails, re-running the migration stops here; {{remedy}}',
      orReplace: 'Use CREATE OR REPLACE',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'prefer-robust-stmts' }],
  },
  create(context) {
    /** Keys a `DROP … IF EXISTS` earlier in the current part made safe to create again. */
    let safe = new Set<string>();
    let part: unknown;
    /** Without a model: an explicit BEGIN … COMMIT is open. */
    let explicit = false;

    return {
      Statement(node, statement) {
        const place = context.migration;
        if (place?.part !== part) {
          part = place?.part;
          safe = new Set();
        }
        if (statement.kind === 'TransactionStmt') {
          if (['TRANS_STMT_BEGIN', 'TRANS_STMT_START'].includes(node.kind)) explicit = true;
          if (['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE', 'TRANS_STMT_COMMIT_PREPARED'].includes(node.kind)) explicit = false;
          return;
        }
        const reportable = !insideTransaction() && followedInPart(statement);
        // Where nothing can be reported, only a `DROP … IF EXISTS` matters (it makes a later
        // re-creation safe): skip the rest, which would scan statements for nothing.
        if (!reportable && !dropsIfExists(statement)) return;
        const fragile = inspect(context, statement, safe);
        if (fragile.length === 0 || !reportable) return;
        const reason = place ? `This part runs outside a transaction: ${place.part.transactionReason}` : 'No BEGIN … COMMIT surrounds this statement and no migration layout wraps the file in a transaction.';
        for (const f of fragile) {
          context.report({
            messageId: 'fragile',
            data: { action: f.action, remedy: f.remedy },
            at: f.at,
            note: `${reason} A statement that fails changes nothing, but the ones before it stay applied; make each of them safe to run again.`,
            ...(f.fix ? { fix: f.fix } : {}),
            ...(f.suggest ? { suggest: f.suggest } : {}),
          });
        }
      },
    };

    function insideTransaction(): boolean {
      if (context.settings.assumeTransaction === true) return true;
      const place = context.migration;
      return place ? place.inTransaction : explicit;
    }

    /** Does another statement that could fail follow this one in the same part? */
    function followedInPart(statement: Statement): boolean {
      const range = context.migration?.part.range;
      // From the statement on, not from the file's start (`index` is the place in `statements`): a
      // scan from the start per statement made a big file's lint grow with the square of its size.
      const { statements } = context;
      for (let i = statement.index + 1; i < statements.length; i++) {
        const s = statements[i]!;
        if (range && s.start >= range.end) return false;
        if (!HARMLESS.has(s.kind) && (!range || s.start >= range.start)) return true;
      }
      return false;
    }
  },
});

/** `DROP … IF EXISTS` or `ALTER TABLE … DROP … IF EXISTS`: records what a later CREATE may re-create. */
function dropsIfExists(statement: Statement): boolean {
  const node = statement.node;
  if (statement.kind === 'DropStmt') return node.missing_ok === true;
  if (statement.kind === 'AlterTableStmt') return (node.cmds ?? []).some((c: AstNode) => c.AlterTableCmd?.missing_ok === true);
  return false;
}

function qualified(schema: string | undefined, name: string): string {
  return `${schema ?? 'public'}.${name}`;
}

function insert(at: number, text: string): Fix {
  return { range: [at, at], text };
}

/** The statements' parts that cannot run twice; records the keys a `DROP … IF EXISTS` makes safe. */
function inspect(context: RuleContext<any>, statement: Statement, safe: Set<string>): Fragile[] {
  const node = statement.node;
  // Scanning costs more than parsing: only the statements that need a position pay for it.
  let scanned: readonly SqlToken[] | undefined;
  const tokens = () => (scanned ??= context.tokensOf(statement));
  const guarded = (f: Fragile): Fragile[] => {
    if (f.key && safe.has(f.key)) {
      safe.delete(f.key); // One DROP … IF EXISTS covers one re-creation.
      return [];
    }
    return [f];
  };
  const orReplace = (): Suggestion[] => [{ messageId: 'orReplace', fix: insert(tokens()[0]!.end, ' OR REPLACE') }];

  switch (statement.kind) {
    case 'CreateStmt': {
      if (node.if_not_exists || node.relation?.relpersistence === 't') return [];
      const table = nameOfRangeVar(node.relation);
      return guarded({
        action: `CREATE TABLE "${displayName(table)}"`,
        remedy: 'write CREATE TABLE IF NOT EXISTS',
        at: node.relation,
        key: `table:${qualified(table.schema, table.name)}`,
        fix: insert(context.rangeOf(node.relation).start, 'IF NOT EXISTS '),
      });
    }
    case 'CreateTableAsStmt': {
      const rel = node.into?.rel;
      if (node.if_not_exists || !rel || rel.relpersistence === 't') return [];
      const view = node.objtype === 'OBJECT_MATVIEW';
      const table = nameOfRangeVar(rel);
      return guarded({
        action: `CREATE ${view ? 'MATERIALIZED VIEW' : 'TABLE'} "${displayName(table)}"`,
        remedy: `write CREATE ${view ? 'MATERIALIZED VIEW' : 'TABLE'} IF NOT EXISTS`,
        at: rel,
        key: `${view ? 'view' : 'table'}:${qualified(table.schema, table.name)}`,
        fix: insert(context.rangeOf(rel).start, 'IF NOT EXISTS '),
      });
    }
    case 'IndexStmt': {
      // Unnamed indexes cannot take IF NOT EXISTS; CONCURRENTLY is the concurrently pack's.
      if (node.if_not_exists || node.concurrent || typeof node.idxname !== 'string') return [];
      const at = afterKeywords(tokens(), 0, ['index']);
      const name = tokens()[at];
      return guarded({
        action: `CREATE INDEX "${node.idxname}"`,
        remedy: 'write CREATE INDEX IF NOT EXISTS',
        at: isName(name) ? name : statement,
        key: `index:${qualified(node.relation?.schemaname || undefined, node.idxname)}`,
        ...(isName(name) ? { fix: insert(name.start, 'IF NOT EXISTS ') } : {}),
      });
    }
    case 'CreateSeqStmt': {
      if (node.if_not_exists || node.sequence?.relpersistence === 't') return [];
      const name = nameOfRangeVar(node.sequence);
      return guarded({
        action: `CREATE SEQUENCE "${displayName(name)}"`,
        remedy: 'write CREATE SEQUENCE IF NOT EXISTS',
        at: node.sequence,
        key: `sequence:${qualified(name.schema, name.name)}`,
        fix: insert(context.rangeOf(node.sequence).start, 'IF NOT EXISTS '),
      });
    }
    case 'CreateSchemaStmt':
    case 'CreateExtensionStmt': {
      if (node.if_not_exists) return [];
      const schema = statement.kind === 'CreateSchemaStmt';
      const word = schema ? 'schema' : 'extension';
      const at = afterKeywords(tokens(), 0, [word]);
      const next = tokens()[at];
      const name = String(schema ? (node.schemaname ?? '') : node.extname);
      // CREATE SCHEMA IF NOT EXISTS may not carry schema elements.
      const fixable = next !== undefined && !(schema && (node.schemaElts ?? []).length > 0);
      return guarded({
        action: `CREATE ${word.toUpperCase()}${name ? ` "${name}"` : ''}`,
        remedy: `write CREATE ${word.toUpperCase()} IF NOT EXISTS`,
        at: next && isName(next) ? next : statement,
        key: `${word}:${name}`,
        ...(fixable ? { fix: insert(next.start, 'IF NOT EXISTS ') } : {}),
      });
    }
    case 'ViewStmt': {
      if (node.replace || node.view?.relpersistence === 't') return [];
      const view = nameOfRangeVar(node.view);
      return guarded({
        action: `CREATE VIEW "${displayName(view)}"`,
        remedy: 'write CREATE OR REPLACE VIEW',
        at: node.view,
        key: `view:${qualified(view.schema, view.name)}`,
        suggest: orReplace(),
      });
    }
    case 'CreateFunctionStmt': {
      if (node.replace) return [];
      const parts = (node.funcname ?? []).map((n: AstNode) => String(n.String?.sval));
      const name = parts.at(-1) ?? '';
      const what = node.is_procedure ? 'PROCEDURE' : 'FUNCTION';
      return guarded({
        action: `CREATE ${what} "${parts.join('.')}"`,
        remedy: `write CREATE OR REPLACE ${what}`,
        at: statement,
        key: `function:${qualified(parts.length > 1 ? parts.at(-2) : undefined, name)}`,
        suggest: orReplace(),
      });
    }
    case 'CreateTrigStmt': {
      if (node.replace) return [];
      const table = nameOfRangeVar(node.relation);
      const canReplace = (context.settings.postgresVersion ?? 17) >= 14;
      return guarded({
        action: `CREATE TRIGGER "${node.trigname}"`,
        remedy: canReplace ? 'write CREATE OR REPLACE TRIGGER' : 'drop it with DROP TRIGGER IF EXISTS first',
        at: statement,
        key: `trigger:${qualified(table.schema, table.name)}.${node.trigname}`,
        ...(canReplace ? { suggest: orReplace() } : {}),
      });
    }
    case 'CreatePolicyStmt': {
      const table = nameOfRangeVar(node.table);
      return guarded({
        action: `CREATE POLICY "${node.policy_name}"`,
        remedy: `drop it with DROP POLICY IF EXISTS "${node.policy_name}" ON ${displayName(table)} first`,
        at: statement,
        key: `policy:${qualified(table.schema, table.name)}.${node.policy_name}`,
      });
    }
    case 'CreateEnumStmt':
    case 'CompositeTypeStmt':
    case 'CreateDomainStmt':
    case 'CreateRangeStmt': {
      const parts: string[] = statement.kind === 'CompositeTypeStmt'
        ? [node.typevar?.schemaname, node.typevar?.relname].filter(Boolean)
        : ((statement.kind === 'CreateDomainStmt' ? node.domainname : node.typeName) ?? []).map((n: AstNode) => String(n.String?.sval));
      const what = statement.kind === 'CreateDomainStmt' ? 'DOMAIN' : 'TYPE';
      return guarded({
        action: `CREATE ${what} "${parts.join('.')}"`,
        remedy: `guard it: DO $$ BEGIN CREATE ${what} …; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
        at: statement,
        key: `type:${qualified(parts.length > 1 ? parts.at(-2) : undefined, parts.at(-1) ?? '')}`,
      });
    }
    case 'DropStmt':
      return inspectDrop(node, statement, tokens(), safe);
    case 'AlterTableStmt':
      return node.objtype === 'OBJECT_TABLE' && node.relation?.relpersistence !== 't' ? inspectAlterTable(context, node, statement, safe) : [];
    case 'AlterEnumStmt': {
      if (!node.newVal || node.oldVal || node.skipIfNewValExists) return [];
      const at = afterKeywords(tokens(), 0, ['add', 'value']);
      const literal = tokens()[at];
      return guarded({
        action: `ALTER TYPE … ADD VALUE '${node.newVal}'`,
        remedy: 'write ADD VALUE IF NOT EXISTS',
        at: literal?.kind === 'string' ? literal : statement,
        ...(literal?.kind === 'string' ? { fix: insert(literal.start, 'IF NOT EXISTS ') } : {}),
      });
    }
    default:
      return [];
  }
}

/** The keys of the objects a DropStmt names (`table:public.t`, `trigger:public.t.name`). */
function dropKeys(node: AstNode, key: string): string[] {
  return (node.objects ?? []).map((object: AstNode) => {
    if (object.String) return `${key}:${object.String.sval}`;
    const names: string[] = object.List
      ? object.List.items.map((i: AstNode) => String(i.String?.sval))
      : (object.ObjectWithArgs?.objname ?? object.TypeName?.names ?? []).map((i: AstNode) => String(i.String?.sval));
    if (key === 'trigger' || key === 'policy') {
      // [schema,] table, name
      const table = names.slice(0, -1);
      return `${key}:${qualified(table.length > 1 ? table.at(-2) : undefined, table.at(-1) ?? '')}.${names.at(-1)}`;
    }
    if (key === 'extension' || key === 'schema') return `${key}:${names.at(-1)}`;
    return `${key}:${qualified(names.length > 1 ? names.at(-2) : undefined, names.at(-1) ?? '')}`;
  });
}

function inspectDrop(node: AstNode, statement: Statement, tokens: readonly SqlToken[], safe: Set<string>): Fragile[] {
  const kind = DROP_KINDS[node.removeType];
  if (!kind) return [];
  if (node.missing_ok) {
    for (const key of dropKeys(node, kind.key)) safe.add(key);
    return [];
  }
  let at = isKeyword(tokens[0], 'drop') ? 1 : -1;
  for (const word of kind.keywords) at = at !== -1 && isKeyword(tokens[at], word) ? at + 1 : -1;
  if (at !== -1 && isKeyword(tokens[at], 'concurrently')) at++;
  const first = at === -1 ? undefined : tokens[at];
  const names = dropKeys(node, kind.key).map((k) => k.slice(k.indexOf(':') + 1).replace(/^public\./, ''));
  return [
    {
      action: `DROP ${kind.what} ${names.map((n) => `"${n}"`).join(', ')}`,
      remedy: `write DROP ${kind.what} IF EXISTS`,
      at: isName(first) ? { start: first.start, end: first.end } : statement,
      ...(isName(first) ? { fix: insert(first.start, 'IF EXISTS ') } : {}),
    },
  ];
}

function inspectAlterTable(context: RuleContext<any>, node: AstNode, statement: Statement, safe: Set<string>): Fragile[] {
  const table = nameOfRangeVar(node.relation);
  const cmds: AstNode[] = node.cmds ?? [];
  const out: Fragile[] = [];
  const key = (what: string, name: string) => `${what}:${qualified(table.schema, table.name)}.${name}`;
  cmds.forEach((entry, i) => {
    const cmd = entry.AlterTableCmd;
    // Split into subcommands (a scan, once per statement) only when a DROP needs its name's position.
    const tokens = () => subcommandTokens(context, statement, i) ?? [];
    switch (cmd?.subtype) {
      case 'AT_AddColumn': {
        const column = cmd.def?.ColumnDef;
        if (cmd.missing_ok || !column) return;
        const k = key('column', column.colname);
        if (safe.delete(k)) return;
        out.push({
          action: `ADD COLUMN "${column.colname}" to "${displayName(table)}"`,
          remedy: 'write ADD COLUMN IF NOT EXISTS',
          at: column,
          fix: insert(context.rangeOf(column).start, 'IF NOT EXISTS '),
        });
        return;
      }
      case 'AT_DropColumn':
      case 'AT_DropConstraint': {
        const what = cmd.subtype === 'AT_DropColumn' ? 'column' : 'constraint';
        if (cmd.missing_ok) {
          safe.add(key(what, cmd.name));
          return;
        }
        // DROP [COLUMN | CONSTRAINT] name
        const words = tokens();
        let j = isKeyword(words[0], 'drop') ? 1 : -1;
        if (j !== -1 && isKeyword(words[j], what)) j++;
        const name = j === -1 ? undefined : words[j];
        const ok = isName(name) && name.value === cmd.name;
        out.push({
          action: `DROP ${what.toUpperCase()} "${cmd.name}" of "${displayName(table)}"`,
          remedy: `write DROP ${what.toUpperCase()} IF EXISTS`,
          at: ok ? { start: name.start, end: name.end } : statement,
          ...(ok ? { fix: insert(name.start, 'IF EXISTS ') } : {}),
        });
        return;
      }
      case 'AT_AddConstraint': {
        const c = cmd.def?.Constraint;
        // A named constraint (or a primary key, of which there is one) fails when added twice;
        // unnamed checks and foreign keys are added again under a new name instead.
        const name: string | undefined = c?.conname ?? (c?.contype === 'CONSTR_PRIMARY' ? `${table.name}_pkey` : undefined);
        if (!name) return;
        if (safe.delete(key('constraint', name))) return;
        out.push({
          action: `ADD CONSTRAINT "${name}" to "${displayName(table)}"`,
          remedy: `drop it with DROP CONSTRAINT IF EXISTS "${name}" just before`,
          at: c,
        });
        return;
      }
      default:
        return;
    }
  });
  return out;
}

/**
 * Postgres rejects a statement that names a column twice where each name must be unique: `UPDATE
 * … SET a = 1, a = 2` ("multiple assignments to same column"), an INSERT or MERGE column list with a
 * repeat, `ON CONFLICT DO UPDATE SET` likewise, and a table, view or `SELECT … INTO` whose columns —
 * written or inferred, like the two `?column?` of `CREATE VIEW v AS SELECT 1, 2` — repeat ("column
 * specified more than once"). The migration fails at that statement; this finds it before it runs.
 * Names compare as Postgres compares them: folded and truncated to 63 bytes by the parser already.
 * Assigning different fields or elements of one column (`a.x`, `a.y`; `a[1]`, `a[2]`) is allowed.
 */
import { dataChangesOf, defineRule, ruleDocsUrl, type AstNode, type Statement } from '@migralint/core';

interface Named {
  name: string;
  /** Assigns a field or element only (`a.x = …`, `a[1] = …`). */
  partial: boolean;
  at: AstNode | Statement;
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report a column assigned or defined twice in one statement, which Postgres rejects.',
      url: ruleDocsUrl('design', 'no-duplicate-column-assignment'),
      why:
        'Postgres rejects UPDATE … SET a = 1, a = 2, repeated INSERT/MERGE column names and tables or views with two ' +
        'columns of one name, so the migration fails at that statement; the second one is almost always a copy-paste slip.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      assignedTwice: 'Column "{{column}}" is assigned twice in {{where}}; Postgres rejects the statement — keep one assignment',
      definedTwice: 'Column "{{column}}" is defined twice in {{where}}; Postgres rejects the statement — rename or remove one',
    },
    schema: { type: 'object', properties: {}, additionalProperties: false },
    defaultOptions: {},
    sources: [{ tool: 'squawk', rule: 'ban-duplicate-column-assignments' }],
  },
  create(context) {
    const report = (list: Named[], messageId: 'assignedTwice' | 'definedTwice', where: string) => {
      for (const duplicate of duplicates(list)) context.report({ messageId, data: { column: duplicate.name, where }, at: duplicate.at });
    };

    function visit(kind: string, node: AstNode, statement: Statement) {
      switch (kind) {
        case 'UpdateStmt':
          report(targets(node.targetList), 'assignedTwice', 'this UPDATE');
          break;
        case 'InsertStmt':
          report(targets(node.cols), 'assignedTwice', 'the INSERT column list');
          report(targets(node.onConflictClause?.targetList), 'assignedTwice', 'ON CONFLICT DO UPDATE');
          break;
        case 'MergeStmt':
          for (const clause of node.mergeWhenClauses ?? []) {
            const when = clause.MergeWhenClause;
            if (when?.commandType === 'CMD_UPDATE') report(targets(when.targetList), 'assignedTwice', 'MERGE … UPDATE');
            if (when?.commandType === 'CMD_INSERT') report(targets(when.targetList), 'assignedTwice', 'the MERGE … INSERT column list');
          }
          break;
        case 'CreateStmt':
        case 'CreateForeignTableStmt': {
          const create = node.base ?? node;
          const columns = (create.tableElts ?? [])
            .map((e: AstNode) => e.ColumnDef)
            .filter(Boolean)
            .map((c: AstNode) => ({ name: String(c.colname), partial: false, at: c }));
          report(columns, 'definedTwice', `table "${create.relation?.relname}"`);
          break;
        }
        case 'ViewStmt':
          report(outputColumns(node.aliases, node.query, statement), 'definedTwice', `view "${node.view?.relname}"`);
          break;
        case 'CreateTableAsStmt':
          report(outputColumns(node.into?.colNames, node.query, statement), 'definedTwice', `${node.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table'} "${node.into?.rel?.relname}"`);
          break;
        case 'SelectStmt':
          if (node.intoClause) report(outputColumns(node.intoClause.colNames, { SelectStmt: node }, statement), 'definedTwice', `table "${node.intoClause.rel?.relname}"`);
          break;
      }
    }

    return {
      Statement(node, statement) {
        // The data changes in its WITH clauses too (`WITH x AS (UPDATE …) …`).
        for (const change of dataChangesOf(statement)) if (change.node !== node) visit(change.kind, change.node, statement);
        visit(statement.kind, node, statement);
      },
    };
  },
});

/** `ResTarget`s of a SET list or column list. */
function targets(list: readonly AstNode[] | undefined): Named[] {
  return (list ?? [])
    .map((t) => t.ResTarget)
    .filter((t) => typeof t?.name === 'string')
    .map((t) => ({ name: t.name as string, partial: (t.indirection ?? []).length > 0, at: t }));
}

/** Every entry whose name an earlier entry already took (a whole-column one, or this one is whole). */
function duplicates(list: readonly Named[]): Named[] {
  const out: Named[] = [];
  // Per name, what the entries before took: any part of it, or all of it. One pass, not one per entry.
  const taken = new Map<string, 'part' | 'whole'>();
  for (const entry of list) {
    const earlier = taken.get(entry.name);
    if (earlier === 'whole' || (earlier === 'part' && !entry.partial)) out.push(entry);
    if (earlier !== 'whole') taken.set(entry.name, entry.partial ? 'part' : 'whole');
  }
  return out;
}

/**
 * The column names a query gives a view, table or SELECT INTO: the written aliases first, then what
 * Postgres infers from each select-list entry. Entries whose name cannot be known (`*`, unusual
 * expressions) are left out, so they never cause a finding.
 */
function outputColumns(aliases: readonly AstNode[] | undefined, query: AstNode | undefined, statement: Statement): Named[] {
  let select = query?.SelectStmt;
  while (select && select.op && select.op !== 'SETOP_NONE') select = select.larg; // UNION etc.: the first branch names the columns
  const list: AstNode[] = select?.targetList ?? [];
  const written = (aliases ?? []).map((a) => String(a.String?.sval));
  if (list.length === 0) return written.map((name) => ({ name, partial: false, at: statement }));
  if (list.some((t) => t.ResTarget?.val?.ColumnRef?.fields?.some((f: AstNode) => f.A_Star))) {
    return written.map((name) => ({ name, partial: false, at: statement }));
  }
  const out: Named[] = [];
  list.forEach((t, i) => {
    const target = t.ResTarget;
    if (i < written.length) out.push({ name: written[i]!, partial: false, at: statement });
    else {
      const name = typeof target?.name === 'string' ? target.name : inferredName(target?.val);
      if (name !== undefined) out.push({ name, partial: false, at: target });
    }
  });
  return out;
}

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date', SVFOP_CURRENT_TIME: 'current_time', SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp', SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIME: 'localtime', SVFOP_LOCALTIME_N: 'localtime', SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp', SVFOP_CURRENT_ROLE: 'current_role', SVFOP_CURRENT_USER: 'current_user',
  SVFOP_USER: 'user', SVFOP_SESSION_USER: 'session_user', SVFOP_CURRENT_CATALOG: 'current_catalog', SVFOP_CURRENT_SCHEMA: 'current_schema',
};

/** Postgres' FigureColname for the common expressions; `?column?` where it gives up, undefined where we do. */
function inferredName(expression: AstNode | undefined): string | undefined {
  return figure(expression)?.name;
}

/** Name and strength (2 a real name, 1 a fallback like a type name, 0 `?column?`), as in parse_target.c. */
function figure(node: AstNode | undefined): { name: string; strength: number } | undefined {
  if (!node) return undefined;
  const [kind, value] = Object.entries(node)[0] ?? [];
  const v = value as AstNode;
  switch (kind) {
    case 'ColumnRef': {
      const last = (v.fields ?? []).at(-1);
      return last?.String ? { name: String(last.String.sval), strength: 2 } : undefined;
    }
    case 'A_Indirection': {
      const last = (v.indirection ?? []).at(-1);
      return last?.String ? { name: String(last.String.sval), strength: 2 } : figure(v.arg);
    }
    case 'FuncCall':
      return { name: String((v.funcname ?? []).at(-1)?.String?.sval ?? '?column?'), strength: 2 };
    case 'TypeCast': {
      const inner = figure(v.arg);
      if (inner === undefined || inner.strength > 0) return inner;
      const type = (v.typeName?.names ?? []).at(-1)?.String?.sval;
      return type ? { name: String(type), strength: 1 } : inner;
    }
    case 'CollateClause':
      return figure(v.arg);
    case 'CaseExpr': {
      const inner = figure(v.defresult);
      return inner && inner.strength > 1 ? inner : { name: 'case', strength: 1 };
    }
    case 'A_ArrayExpr':
      return { name: 'array', strength: 2 };
    case 'RowExpr':
      return { name: 'row', strength: 2 };
    case 'CoalesceExpr':
      return { name: 'coalesce', strength: 2 };
    case 'MinMaxExpr':
      return { name: v.op === 'IS_GREATEST' ? 'greatest' : 'least', strength: 2 };
    case 'SQLValueFunction':
      return SQL_VALUE_FUNCTIONS[v.op] ? { name: SQL_VALUE_FUNCTIONS[v.op]!, strength: 2 } : undefined;
    case 'SubLink':
      if (v.subLinkType === 'EXISTS_SUBLINK') return { name: 'exists', strength: 2 };
      if (v.subLinkType === 'ARRAY_SUBLINK') return { name: 'array', strength: 2 };
      if (v.subLinkType === 'EXPR_SUBLINK') {
        const first = v.subselect?.SelectStmt?.targetList?.[0]?.ResTarget;
        if (typeof first?.name === 'string') return { name: first.name, strength: 2 };
        return figure(first?.val);
      }
      return { name: '?column?', strength: 0 };
    case 'A_Expr':
      if (v.kind === 'AEXPR_NULLIF') return { name: 'nullif', strength: 2 };
      return { name: '?column?', strength: 0 };
    case 'A_Const':
    case 'BoolExpr':
    case 'NullTest':
    case 'BooleanTest':
    case 'ParamRef':
      return { name: '?column?', strength: 0 };
    default:
      return undefined;
  }
}

// Every schema-level object a DDL statement names — the tables of CREATE/ALTER/DROP TABLE, CREATE
// INDEX … ON, REFERENCES, TRUNCATE, LOCK, GRANT, policies and triggers; views, sequences, indexes,
// functions and types — with whether the SQL qualified it with a schema and where the name is
// written. Data statements (INSERT, UPDATE, SELECT …) are left out: their names include CTEs and
// aliases, which no schema can qualify.

import type { AstNode, Range, RuleContext, SqlToken, Statement } from '@migralint/core';
import { isKeyword, isPunctuation, readQualifiedName, skipIfExists, skipParenthesized } from '@migralint/core';

export type ObjectKind = 'table' | 'view' | 'sequence' | 'index' | 'function' | 'type';

export interface ObjectReference {
  kind: ObjectKind;
  /** The name without schema. */
  name: string;
  qualified: boolean;
  /** Where the (unqualified) name is written: a schema goes in front of it. */
  range: Range;
}

const RELATION_KINDS: Record<string, ObjectKind> = {
  OBJECT_TABLE: 'table',
  OBJECT_FOREIGN_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'view',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_INDEX: 'index',
  OBJECT_TYPE: 'type',
};

/** `DROP <keywords>` per object type, and whether names carry an argument list. */
const DROP_KEYWORDS: Record<string, { kind: ObjectKind; words: string[]; args?: boolean }> = {
  OBJECT_TABLE: { kind: 'table', words: ['table'] },
  OBJECT_FOREIGN_TABLE: { kind: 'table', words: ['foreign', 'table'] },
  OBJECT_VIEW: { kind: 'view', words: ['view'] },
  OBJECT_MATVIEW: { kind: 'view', words: ['materialized', 'view'] },
  OBJECT_SEQUENCE: { kind: 'sequence', words: ['sequence'] },
  OBJECT_INDEX: { kind: 'index', words: ['index'] },
  OBJECT_TYPE: { kind: 'type', words: ['type'] },
  OBJECT_DOMAIN: { kind: 'type', words: ['domain'] },
  OBJECT_FUNCTION: { kind: 'function', words: ['function'], args: true },
  OBJECT_PROCEDURE: { kind: 'function', words: ['procedure'], args: true },
  OBJECT_ROUTINE: { kind: 'function', words: ['routine'], args: true },
};

const RENAMED_OBJECT_KINDS: Record<string, { kind: ObjectKind; keyword: string }> = {
  OBJECT_FUNCTION: { kind: 'function', keyword: 'function' },
  OBJECT_PROCEDURE: { kind: 'function', keyword: 'procedure' },
  OBJECT_ROUTINE: { kind: 'function', keyword: 'routine' },
  OBJECT_TYPE: { kind: 'type', keyword: 'type' },
  OBJECT_DOMAIN: { kind: 'type', keyword: 'domain' },
};

export function objectReferences(context: RuleContext<any>, node: AstNode, statement: Statement): ObjectReference[] {
  const collector = new ReferenceCollector(context, statement);
  collector.collect(node);
  return collector.references;
}

class ReferenceCollector {
  readonly references: ObjectReference[] = [];
  private tokenCache: readonly SqlToken[] | undefined;

  constructor(
    private readonly context: RuleContext<any>,
    private readonly statement: Statement,
  ) {}

  private get tokens(): readonly SqlToken[] {
    return (this.tokenCache ??= this.context.tokensOf(this.statement));
  }

  /** A RangeVar: qualified when it names a schema; temporary relations live in pg_temp. */
  private relation(kind: ObjectKind, rangeVar: AstNode | undefined): void {
    if (typeof rangeVar?.relname !== 'string' || typeof rangeVar.location !== 'number' || rangeVar.relpersistence === 't') return;
    // Where the name is written costs a look at the text: only for a reference a rule reports.
    const context = this.context;
    let range: Range | undefined;
    this.references.push({
      kind,
      name: rangeVar.relname,
      qualified: Boolean(rangeVar.schemaname),
      get range() {
        return (range ??= context.rangeOf(rangeVar));
      },
    });
  }

  /** Names read from the tokens, starting at `tokens[i]`: one, or a comma-separated list. */
  private tokenNames(kind: ObjectKind, i: number, { list = false, args = false } = {}): void {
    for (;;) {
      const read = readQualifiedName(this.tokens, i);
      if (!read) return;
      const last = read.tokens[read.tokens.length - 1]!;
      this.references.push({ kind, name: last.value, qualified: read.tokens.length > 1, range: read.name.range });
      i = args ? skipParenthesized(this.tokens, read.next) : read.next;
      if (!list || !isPunctuation(this.tokens[i], ',')) return;
      i++;
    }
  }

  /** The name after the first keyword `word`: `CREATE FUNCTION name`, `ALTER TYPE name`. */
  private afterKeyword(kind: ObjectKind, word: string): void {
    const at = this.tokens.findIndex((t) => isKeyword(t, word));
    if (at !== -1) this.tokenNames(kind, skipIfExists(this.tokens, at + 1));
  }

  private constraint(constraint: AstNode | undefined): void {
    if (constraint?.contype === 'CONSTR_FOREIGN') this.relation('table', constraint.pktable);
  }

  collect(node: AstNode): void {
    switch (this.statement.kind) {
      case 'CreateStmt':
        this.relation('table', node.relation);
        if (node.relation?.relpersistence === 't') return;
        for (const parent of node.inhRelations ?? []) this.relation('table', parent.RangeVar);
        for (const element of node.tableElts ?? []) {
          if (element.TableLikeClause) this.relation('table', element.TableLikeClause.relation);
          this.constraint(element.Constraint);
          for (const c of element.ColumnDef?.constraints ?? []) this.constraint(c.Constraint);
        }
        return;
      case 'CreateTableAsStmt':
        return this.relation(node.objtype === 'OBJECT_MATVIEW' ? 'view' : 'table', node.into?.rel);
      case 'AlterTableStmt': {
        const kind = RELATION_KINDS[node.objtype ?? 'OBJECT_TABLE'];
        if (kind) this.relation(kind, node.relation);
        for (const item of node.cmds ?? []) {
          const cmd = item.AlterTableCmd;
          this.constraint(cmd?.def?.Constraint);
          for (const c of cmd?.def?.ColumnDef?.constraints ?? []) this.constraint(c.Constraint);
          if (cmd?.def?.PartitionCmd) this.relation('table', cmd.def.PartitionCmd.name);
        }
        return;
      }
      case 'DropStmt': {
        const drop = DROP_KEYWORDS[node.removeType];
        if (!drop || !isKeyword(this.tokens[0], 'drop')) return;
        let i = 1;
        for (const word of drop.words) {
          if (!isKeyword(this.tokens[i], word)) return;
          i++;
        }
        if (isKeyword(this.tokens[i], 'concurrently')) i++;
        return this.tokenNames(drop.kind, skipIfExists(this.tokens, i), { list: true, args: drop.args === true });
      }
      case 'RenameStmt': {
        const renamed = RENAMED_OBJECT_KINDS[node.renameType];
        if (renamed) return this.afterKeyword(renamed.kind, renamed.keyword);
        const type = ['OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_TRIGGER', 'OBJECT_POLICY'].includes(node.renameType)
          ? node.renameType === 'OBJECT_COLUMN' && node.relationType !== 'OBJECT_ACCESS_METHOD'
            ? node.relationType
            : 'OBJECT_TABLE'
          : node.renameType;
        const kind = RELATION_KINDS[type];
        if (kind) this.relation(kind, node.relation);
        return;
      }
      case 'IndexStmt':
      case 'CreateTrigStmt':
        return this.relation('table', node.relation);
      case 'TruncateStmt':
      case 'LockStmt':
        for (const r of node.relations ?? []) this.relation('table', r.RangeVar);
        return;
      case 'CreatePolicyStmt':
      case 'AlterPolicyStmt':
        return this.relation('table', node.table);
      case 'GrantStmt': {
        const kind = node.targtype === 'ACL_TARGET_OBJECT' ? RELATION_KINDS[node.objtype] : undefined;
        if (kind === 'table' || kind === 'sequence') for (const o of node.objects ?? []) this.relation(kind, o.RangeVar);
        return;
      }
      case 'ViewStmt':
        return this.relation('view', node.view);
      case 'RefreshMatViewStmt':
        return this.relation('view', node.relation);
      case 'CreateSeqStmt':
      case 'AlterSeqStmt':
        return this.relation('sequence', node.sequence);
      case 'CreateFunctionStmt':
        return this.afterKeyword('function', node.is_procedure ? 'procedure' : 'function');
      case 'CompositeTypeStmt':
        return this.relation('type', node.typevar);
      case 'CreateEnumStmt':
      case 'CreateRangeStmt':
      case 'AlterEnumStmt':
        return this.afterKeyword('type', 'type');
      case 'CreateDomainStmt':
        return this.afterKeyword('type', 'domain');
      default:
        return;
    }
  }
}

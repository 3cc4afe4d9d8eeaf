// The rule toolkit in core, asked through a probe rule run by the real entry (`lint()`), the way
// a pack's rules ask it.
import { describe, expect, it } from 'vitest';
import {
  createdBetween,
  dataChangesOf,
  definePlugin,
  isLastOfPart,
  defineRule,
  displayName,
  displayQualifiedName,
  nameOfDropObject,
  nameOfRangeVar,
  sameName,
  statementsOfTransaction,
  subcommandIndex,
  subcommandTokens,
  transactionGroupOf,
  transactionTrack,
  walkAst,
  type RuleContext,
  type Statement,
} from '@migralint/core';
import { lint } from '@migralint/migrations';

/** Runs `ask(context, statement)` on every statement of `sql` (a plain file) and returns the answers in order. */
async function askEach<T>(sql: string, ask: (context: RuleContext<any>, statement: Statement) => T, path = 'a.sql'): Promise<T[]> {
  const answers: T[] = [];
  const probe = defineRule({
    meta: { type: 'problem', docs: { description: 'probe', url: 'https://example.test' }, defaultSeverity: 'info', recommended: true, messages: {} },
    create: (context) => ({ Statement: (_node, statement) => void answers.push(ask(context, statement)) }),
  });
  await lint({ files: [{ path, content: sql }], config: { plugins: [definePlugin({ name: 'probe', rules: { probe } })] } });
  return answers;
}

describe('the rule toolkit', () => {
  it('groups statements by transaction: BEGIN … COMMIT share one, autocommit statements have none', async () => {
    const sql = 'SELECT 1;\nBEGIN;\nALTER TABLE t ADD c int;\nSELECT 2;\nCOMMIT;\nSELECT 3;';
    const groups = await askEach(sql, (context, statement) => [transactionGroupOf(context, statement).transaction, statementsOfTransaction(context, statement).length]);
    expect(groups).toEqual([[undefined, 1], [0, 4], [0, 4], [0, 4], [0, 4], [undefined, 1]]);
  });

  it('places a statement from a DO body in its top-level statement\'s part, even when it is the first asked', async () => {
    // A goose file: its Up and Down sections are parts of their own.
    const sql = '-- +goose Up\nCREATE TABLE t (id int);\nDO $$ BEGIN ALTER TABLE t ADD c int; END $$;\n-- +goose Down\nDO $$ BEGIN ALTER TABLE t DROP c; END $$;\nDROP TABLE t;\n';
    const answers = await askEach(
      sql,
      (context, statement) => {
        // Only statements from bodies ask for the track: it must be the part's, not an empty one.
        const track = statement.nested ? transactionTrack(context) : undefined;
        return `${statement.nested ? 'body ' : ''}${statement.kind}: part of ${context.statementsOfPart().length}, last ${isLastOfPart(context)}${track ? `, tracked ${track.before.size}` : ''}`;
      },
      'db/migrations/00001_init.sql',
    );
    expect(answers).toEqual([
      'CreateStmt: part of 2, last false',
      'DoStmt: part of 2, last true',
      'body AlterTableStmt: part of 2, last true, tracked 2',
      'DoStmt: part of 2, last false',
      'body AlterTableStmt: part of 2, last false, tracked 2',
      'DropStmt: part of 2, last true',
    ]);
  });

  it('tracks who opened the transaction, and a COMMIT with nothing open', async () => {
    const sql = 'BEGIN;\nSELECT 1;\nCOMMIT;\nCOMMIT;';
    const [track] = await askEach(sql, (context) => transactionTrack(context));
    expect([...track!.before.values()].map((s) => (s.open ? s.owner : 'closed'))).toEqual(['closed', 'file', 'file', 'closed']);
    expect(track!.events.map((e) => [e.kind, e.statement.index])).toEqual([['endWithoutBegin', 3]]);
  });

  it('finds what the file created before or after a statement, by kind and name (unqualified = public)', async () => {
    const sql = 'CREATE TABLE public.a (id int);\nDROP TABLE a;\nCREATE TABLE IF NOT EXISTS b (id int);\nDROP TABLE b;\nCREATE VIEW v AS SELECT 1;';
    const answers = await askEach(sql, (context, statement) => {
      if (statement.kind !== 'DropStmt') return undefined;
      const name = { ...nameOfDropObject(statement.node.objects[0])!, schema: undefined };
      return [createdBetween(context.statements, 'table', name, { before: statement }), createdBetween(context.statements, 'table', name, { before: statement, certainOnly: false })];
    });
    expect(answers.filter(Boolean)).toEqual([[true, true], [false, true]]);
  });

  it('gives the tokens of each ALTER TABLE subcommand, by position or by node', async () => {
    const [texts] = await askEach('ALTER TABLE s.t ADD c numeric(10, 2), DROP d;', (context, statement) =>
      statement.node.cmds.map((entry: { AlterTableCmd: object }, i: number) => {
        const byNode = subcommandTokens(context, statement, entry.AlterTableCmd);
        expect(byNode).toBe(subcommandTokens(context, statement, i));
        expect(subcommandIndex(statement, entry.AlterTableCmd)).toBe(i);
        return byNode!.map((t) => t.value).join(' ');
      }),
    );
    expect(texts).toEqual(['add c numeric ( 10 , 2 )', 'drop d']);
  });

  it('walks one expression, and finds the data changes in WITH clauses', async () => {
    const [answer] = await askEach('WITH gone AS (DELETE FROM t RETURNING id) UPDATE u SET x = now() FROM gone;', (_context, statement) => {
      const calls: string[] = [];
      walkAst(statement.node.targetList, (type, node) => void (type === 'FuncCall' && calls.push(node.funcname.at(-1).String.sval)));
      return { calls, changes: dataChangesOf(statement).map((c) => c.kind) };
    });
    expect(answer).toEqual({ calls: ['now'], changes: ['UpdateStmt', 'DeleteStmt'] });
  });

  it('names objects as written and as resolved', () => {
    const written = nameOfRangeVar({ relname: 'users' });
    expect(displayName(written)).toBe('users');
    expect(displayName({ schema: 'public', name: 'users' })).toBe('public.users');
    expect(displayQualifiedName({ schema: 'public', name: 'users' })).toBe('users');
    expect(sameName(written, { schema: 'public', name: 'users' })).toBe(true);
    expect(sameName(written, { schema: 'app', name: 'users' })).toBe(false);
  });
});

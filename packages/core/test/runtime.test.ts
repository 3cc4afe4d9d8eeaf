import { describe, expect, it } from 'vitest';
import { applyFixes } from '@migralint/core';
import { lint } from '@migralint/migrations';
import { testPlugin } from './test-plugin.js';

describe('rule runtime', () => {
  it('turns a crashing rule into a notification; other rules and files go on; the run fails', async () => {
    const result = await lint({
      files: [
        { path: 'a.sql', content: 'DROP TABLE x;\nALTER TABLE t DROP COLUMN c;' },
        { path: 'b.sql', content: 'ALTER TABLE u DROP COLUMN d;' },
      ],
      config: { plugins: [testPlugin], rules: { 'test/throws': 'error', 'test/drop-column': 'error' } },
    });
    expect(result.notifications).toEqual([
      expect.objectContaining({ level: 'error', ruleId: 'test/throws', file: 'a.sql', message: expect.stringContaining('Rule test/throws crashed on a.sql: cannot read properties of undefined') }),
    ]);
    expect(result.errorCount).toBe(2);
    expect(result.failed).toBe(true);
  });

  it('gives project hooks every file and lets them report into one', async () => {
    const result = await lint({
      files: [
        { path: 'b.sql', content: 'SELECT 1;' },
        { path: 'a.sql', content: 'SELECT 2;' },
      ],
      config: { plugins: [testPlugin], rules: { 'test/file-count': 'warn' } },
    });
    const a = result.files.find((f) => f.path === 'a.sql')!;
    expect(a.messages.map((m) => m.message)).toEqual(['project has 2 files']);
    expect(result.warningCount).toBe(1);
  });

  it('applies overrides by glob relative to the config root', async () => {
    const result = await lint({
      files: [
        { path: '/repo/db/legacy/1.sql', content: 'ALTER TABLE t DROP COLUMN c;' },
        { path: '/repo/db/new/2.sql', content: 'ALTER TABLE t DROP COLUMN c;' },
      ],
      config: { root: '/repo', plugins: [testPlugin], rules: { 'test/drop-column': 'error' }, overrides: [{ files: ['db/legacy/**'], rules: { 'test/drop-column': 'warn' } }] },
    });
    expect(result.files.map((f) => [f.path, f.messages[0]!.severity])).toEqual([
      ['/repo/db/legacy/1.sql', 'warning'],
      ['/repo/db/new/2.sql', 'error'],
    ]);
  });

  it('uses the recommended rules of the given plugins when no rules are configured', async () => {
    const result = await lint({ files: [{ path: 'a.sql', content: 'ALTER TABLE t DROP COLUMN c;' }], config: { plugins: [testPlugin] } });
    expect(result.files[0]!.messages.map((m) => m.ruleId)).toEqual(['test/drop-column']);
    expect(result.rules['test/drop-column']).toMatchObject({ enabled: true, defaultSeverity: 'error' });
    expect(result.rules['test/throws']).toMatchObject({ enabled: false });
  });

  it('reports only the requested paths while analysing all', async () => {
    const result = await lint({
      files: [
        { path: 'a.sql', content: 'ALTER TABLE t DROP COLUMN c;' },
        { path: 'b.sql', content: 'ALTER TABLE t DROP COLUMN c;' },
      ],
      config: { plugins: [testPlugin] },
      reportPaths: ['b.sql'],
    });
    expect(result.files.map((f) => f.path)).toEqual(['b.sql']);
    expect(result.stats.files).toBe(2);
  });

  it('applies non-overlapping fixes and skips overlapping ones', () => {
    expect(applyFixes('CREATE INDEX i ON t (c);', [{ range: [13, 13], text: 'CONCURRENTLY ' }])).toEqual({ text: 'CREATE INDEX CONCURRENTLY i ON t (c);', applied: 1 });
    expect(applyFixes('abcdef', [{ range: [1, 3], text: 'X' }, { range: [2, 4], text: 'Y' }]).text).toBe('aXdef');
  });

  it('builds a VFile for vfile-reporter with fatal flags by severity', async () => {
    const result = await lint({ files: [{ path: 'a.sql', content: 'ALTER TABLE t DROP COLUMN c;\n' }], config: { plugins: [testPlugin], rules: { 'test/drop-column': 'error', 'test/every-statement': 'info' } } });
    const vmessages = result.files[0]!.file.messages;
    expect(vmessages.map((m) => [m.ruleId, m.fatal, m.line, m.column])).toEqual([
      ['test/every-statement', undefined, 1, 1],
      ['test/drop-column', true, 1, 13],
    ]);
  });
});

describe('nested visitors', () => {
  it('calls a handler for every node of its type inside a statement, with the ancestors; statement kinds stay top-level', async () => {
    const { definePlugin, defineRule } = await import('@migralint/core');
    const seen: string[] = [];
    const nested = defineRule({
      meta: { type: 'problem', docs: { description: 'test: nested nodes', url: 'https://example.test/nested' }, defaultSeverity: 'error', recommended: true, messages: { m: '{{what}}' } },
      create(context) {
        return {
          ColumnDef(node, statement, ancestors) {
            seen.push(`ColumnDef ${node.colname} in ${statement.kind} via ${ancestors.map((a) => a.type).join('>')}`);
            context.report({ messageId: 'm', data: { what: node.colname }, at: node });
          },
          AlterTableCmd(node, _statement, ancestors) {
            seen.push(`AlterTableCmd ${node.subtype} via ${ancestors.map((a) => a.type).join('>')}`);
          },
          // A statement kind: the top-level statement only, not the SELECT inside the INSERT.
          SelectStmt(_node, statement) {
            seen.push(`SelectStmt ${statement.index}`);
          },
        };
      },
    });
    const result = await lint({
      files: [{ path: 'a.sql', content: 'CREATE TABLE t (id int, name text);\nALTER TABLE t ADD COLUMN x int, DROP COLUMN name;\nINSERT INTO t SELECT 1;\nSELECT 2;' }],
      config: { plugins: [definePlugin({ name: 'probe', rules: { nested } })], rules: { 'probe/nested': 'error' } },
    });
    expect(seen).toEqual([
      'ColumnDef id in CreateStmt via CreateStmt',
      'ColumnDef name in CreateStmt via CreateStmt',
      'AlterTableCmd AT_AddColumn via AlterTableStmt',
      'ColumnDef x in AlterTableStmt via AlterTableStmt>AlterTableCmd',
      'AlterTableCmd AT_DropColumn via AlterTableStmt',
      'SelectStmt 3',
    ]);
    // Reports at a nested node land on its token.
    expect(result.files[0]!.messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual(['1:17 id', '1:25 name', '2:26 x']);
  });

  it('reads ALTER TABLE subcommands from the statement when they are the only nested nodes handled: the same nodes a walk finds', async () => {
    const { definePlugin, defineRule, walkAst } = await import('@migralint/core');
    const seen: string[] = [];
    const walked: string[] = [];
    const only = defineRule({
      meta: { type: 'problem', docs: { description: 'test: subcommands', url: 'https://example.test/cmds' }, defaultSeverity: 'error', recommended: true, messages: {} },
      create: () => ({
        AlterTableCmd(node, statement, ancestors) {
          seen.push(`${node.subtype} in ${statement.kind}${statement.nested ? ' (body)' : ''} via ${ancestors.map((a) => a.type).join('>')}`);
        },
        Statement(_node, statement) {
          walkAst(statement.node, (type, node) => void (type === 'AlterTableCmd' && walked.push(node.subtype)));
        },
      }),
    });
    await lint({
      files: [{ path: 'a.sql', content: "CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN x int DEFAULT 1, ALTER COLUMN id SET NOT NULL;\nALTER TABLE t ATTACH PARTITION p FOR VALUES IN (1);\nDO $$ BEGIN ALTER TABLE t DROP COLUMN x; END $$;\nALTER INDEX i ATTACH PARTITION j;" }],
      config: { plugins: [definePlugin({ name: 'probe', rules: { only } })], rules: { 'probe/only': 'error' } },
    });
    expect(seen).toEqual([
      'AT_AddColumn in AlterTableStmt via AlterTableStmt',
      'AT_SetNotNull in AlterTableStmt via AlterTableStmt',
      'AT_AttachPartition in AlterTableStmt via AlterTableStmt',
      'AT_DropColumn in AlterTableStmt (body) via AlterTableStmt',
      'AT_AttachPartition in AlterTableStmt via AlterTableStmt',
    ]);
    expect(seen.map((s) => s.split(' ')[0])).toEqual(walked);
  });
});

describe('the migration model on the context', () => {
  it('is an empty model (no sets) when building it failed: a notification, and rules still run', async () => {
    const { definePlugin, defineRule, runEngine } = await import('@migralint/core');
    const seen: number[] = [];
    const probe = defineRule({
      meta: { type: 'problem', docs: { description: 'probe', url: 'https://example.test' }, defaultSeverity: 'error', recommended: true, messages: { sets: '{{n}} sets' } },
      create: (context) => ({ Statement: () => void seen.push(context.project.model.sets.length) }),
      project: (context) => context.report({ file: 'a.sql', messageId: 'sets', data: { n: context.project.model.sets.length } }),
    });
    const failing = { buildModel: () => { throw new Error('layout exploded'); }, sectionBreaks: () => [] };
    const result = await runEngine({ files: [{ path: 'a.sql', content: 'SELECT 1;' }], config: { plugins: [definePlugin({ name: 'probe', rules: { probe } })] } }, failing);
    expect(seen).toEqual([0]);
    expect(result.files[0]!.messages.map((m) => m.message)).toEqual(['0 sets']);
    expect(result.notifications).toEqual([expect.objectContaining({ level: 'error', message: expect.stringContaining('Building the migration model failed: layout exploded') })]);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/layouts/sqitch.js';
import { analyze, findingLines, fixture, model, outline, project } from './layout-helpers.js';

describe('sqitch layout', () => {
  it('orders changes by sqitch.plan, names reworked scripts name@tag, keeps verify scripts as companions', async () => {
    const a = analyze(await fixture('sqitch'));
    expect(a.sets[0]).toMatchObject({ layout: 'sqitch', dir: '.', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 appschema appschema up:[appschema.sql] down:[appschema.sql]',
      '1 users@v1.0 users up:[users@v1.0.sql] down:[users@v1.0.sql]',
      '2 users users up:[users.sql] down:[users.sql]',
    ]);
    expect(a.companions.map((c) => `${c.role} ${c.file} ${c.migration?.version}`)).toEqual(['verify verify/appschema.sql appschema', 'verify verify/users.sql users']);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs scripts statement by statement; their own BEGIN … COMMIT makes a transaction', async () => {
    const p = await fixture('sqitch');
    const m = model(p);
    const file = p.files.find((f) => f.path === 'deploy/users.sql')!;
    expect(m.placeOf(file.path, file.statements[0]!)?.part.transaction).toBe('none');
    // BEGIN; ALTER …; COMMIT; CREATE INDEX CONCURRENTLY …
    expect(file.statements.map((s) => `${s.kind}:${m.placeOf(file.path, s)?.inTransaction}`)).toEqual([
      'TransactionStmt:true',
      'AlterTableStmt:true',
      'TransactionStmt:true',
      'IndexStmt:false',
    ]);
  });

  it('reports scripts missing from the plan and plan changes without scripts', async () => {
    const p = await project({
      'db/sqitch.plan': '%project=x\n\na 2024-01-01T00:00:00Z A <a@example.com>\nb [a] 2024-01-02T00:00:00Z A <a@example.com>\n',
      'db/deploy/a.sql': 'SELECT 1;',
      'db/revert/b.sql': 'SELECT 1;',
      'db/deploy/stray.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(findingLines(a)).toEqual(['plan-mismatch missingScript b.sql', 'plan-mismatch notInPlan stray.sql']);
    expect(a.findings[0]!.descriptor.data).toMatchObject({ change: 'b', script: 'db/deploy/b.sql', plan: 'db/sqitch.plan' });
  });

  it('without a plan, orders deploy scripts by name and says the plan is missing', async () => {
    const p = await project({ 'db/deploy/b.sql': 'SELECT 1;', 'db/deploy/a.sql': 'SELECT 1;', 'db/revert/a.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['a', 'b']);
    expect(findingLines(a)).toEqual(['plan-mismatch noPlan a.sql']);
  });

  it('is not sqitch when a deploy/ directory holds another layout and nothing else says sqitch', async () => {
    const p = await project({ 'deploy/migrations/001_a.up.sql': 'SELECT 1;' });
    expect(analyze(p).sets.map((s) => `${s.layout} ${s.dir}`)).toEqual(['golang-migrate deploy/migrations']);
  });

  it('parses plans: pragmas, comments, tags, dependencies, reworks', () => {
    expect(parsePlan('%syntax-version=1.0.0\n# note\na 2024 x <x>\n@t1 2024 x <x>\nb [a] 2024 x <x>\na [a@t1] 2024 x <x>\n@t2\na [a@t2] 2024 x <x>\r\n').map((c) => c.script)).toEqual([
      'a@t1',
      'b',
      'a@t2',
      'a',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, project } from './layout-helpers.js';

const journal = (entries: Array<[string, number]>) => JSON.stringify({ version: '7', dialect: 'postgresql', entries: entries.map(([tag, when], idx) => ({ idx, version: '7', when, tag, breakpoints: true })) });

describe('drizzle layout', () => {
  it('orders by meta/_journal.json; breakpoints are comments, every statement keeps its place', async () => {
    const p = await fixture('drizzle');
    const a = analyze(p);
    expect(a.sets[0]).toMatchObject({ layout: 'drizzle', dir: 'drizzle', supportsDown: false });
    expect(a.sets[0]!.migrations.map(outline)).toEqual(['0 0000 keen_devos up:[0000_keen_devos.sql] down:[]', '1 0001 sparkling_storm up:[0001_sparkling_storm.sql] down:[]']);
    const file = p.files.find((f) => f.path === 'drizzle/0000_keen_devos.sql')!;
    expect(file.statements.map((s) => s.kind)).toEqual(['CreateStmt', 'CreateStmt', 'AlterTableStmt']);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs all pending migrations in one transaction', async () => {
    const p = await fixture('drizzle');
    const m = model(p);
    const file = p.files.find((f) => f.path === 'drizzle/0001_sparkling_storm.sql')!;
    expect(m.placeOf(file.path, file.statements[0]!)).toMatchObject({ inTransaction: true, part: { transaction: 'transaction' } });
  });

  it('reports files missing from the journal, entries without files and timestamps that go back', async () => {
    const p = await project({
      'drizzle/0000_a.sql': 'CREATE TABLE a ();\n--> statement-breakpoint\nCREATE TABLE b ();',
      'drizzle/0001_b.sql': 'SELECT 1;',
      'drizzle/0002_c.sql': 'SELECT 1;',
      'drizzle/meta/_journal.json': journal([['0000_a', 2000], ['0001_b', 1000], ['0003_gone', 3000]]),
    });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map((m) => m.name)).toEqual(['a', 'b']);
    expect(findingLines(a)).toEqual(['version-order journalWhen 0001_b.sql', 'plan-mismatch journalMissingFile 0000_a.sql', 'plan-mismatch notInJournal 0002_c.sql']);
  });

  it('without a journal, orders by name and says the journal is missing', async () => {
    const p = await project({ 'drizzle/0001_b.sql': 'SELECT 1;\n--> statement-breakpoint\nSELECT 2;', 'drizzle/0000_a.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map((m) => m.name)).toEqual(['a', 'b']);
    expect(findingLines(a)).toEqual(['plan-mismatch noJournal 0000_a.sql']);
  });

  it('drizzle-kit v1 folders: <ts>_<name>/migration.sql with breakpoints, no journal needed', async () => {
    const p = await project({
      'db/drizzle/20240101000000_init/migration.sql': 'CREATE TABLE a ();\n--> statement-breakpoint\nCREATE TABLE b ();',
      'db/drizzle/20240102000000_more/migration.sql': 'ALTER TABLE a ADD x int;',
    });
    const a = analyze(p);
    expect(a.sets.map((s) => `${s.layout} ${s.migrations.length}`)).toEqual(['drizzle 2']);
    expect(findingLines(a)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, partStatements, project } from './layout-helpers.js';

describe('dbmate layout', () => {
  it('splits each file into -- migrate:up / -- migrate:down sections, several pairs per file', async () => {
    const p = await fixture('dbmate');
    const a = analyze(p);
    expect(a.sets[0]).toMatchObject({ layout: 'dbmate', dir: 'db/migrations', supportsDown: true });
    const [accounts, index, two] = a.sets[0]!.migrations;
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101120000 create_accounts up:[20240101120000_create_accounts.sql] down:[20240101120000_create_accounts.sql]',
      '1 20240102120000 index_account_names up:[20240102120000_index_account_names.sql] down:[20240102120000_index_account_names.sql]',
      '2 20240103120000 accounts_and_audit up:[20240103120000_accounts_and_audit.sql,20240103120000_accounts_and_audit.sql] down:[20240103120000_accounts_and_audit.sql,20240103120000_accounts_and_audit.sql]',
    ]);
    expect(partStatements(p, accounts!.up[0]!)).toEqual(['CREATE TABLE accounts (']);
    expect(partStatements(p, accounts!.down[0]!)).toEqual(['DROP TABLE accounts']);
    expect(two!.up.map((part) => partStatements(p, part))).toEqual([['ALTER TABLE accounts ADD COLUMN plan text'], ['CREATE INDEX CONCURRENTLY accounts_plan_idx ON accounts (plan)']]);
    expect(two!.down.map((part) => partStatements(p, part))).toEqual([['ALTER TABLE accounts DROP COLUMN plan'], []]);
    // A section's range starts at its marker line and ends where the next section begins.
    const text = p.files.find((f) => f.path === accounts!.up[0]!.file)!.text;
    expect(text.slice(accounts!.up[0]!.range.start, accounts!.up[0]!.range.end)).toMatch(/^-- migrate:up\n[\s\S]*\n\n$/);
    expect(accounts!.down[0]!.range.end).toBe(text.length);
    expect(findingLines(a)).toEqual([]);
    expect(index).toBeDefined();
  });

  it('runs a section in a transaction unless its marker says transaction:false', async () => {
    const p = await fixture('dbmate');
    const m = model(p);
    const [accounts, index, two] = m.sets[0]!.migrations;
    expect(accounts!.up[0]).toMatchObject({ transaction: 'transaction' });
    expect(index!.up[0]).toMatchObject({ transaction: 'none' });
    expect(index!.down[0]).toMatchObject({ transaction: 'none' });
    expect(two!.up.map((part) => part.transaction)).toEqual(['transaction', 'none']);
    const file = p.files.find((f) => f.path === index!.up[0]!.file)!;
    expect(m.placeOf(file.path, file.statements[0]!)).toMatchObject({ inTransaction: false, part: { direction: 'up' } });
    expect(m.placeOf(file.path, file.statements[1]!)).toMatchObject({ inTransaction: false, part: { direction: 'down' } });
  });

  it('transaction:false with several statements still runs them as one implicit transaction', async () => {
    const p = await project({ 'db/1_a.sql': '-- migrate:up transaction:false\nSELECT 1;\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\n' });
    expect(analyze(p).sets[0]!.migrations[0]!.up[0]).toMatchObject({ transaction: 'transaction' });
  });

  it('reports files dbmate refuses', async () => {
    const p = await project({
      'db/1_no_down.sql': '-- migrate:up\nSELECT 1;\n',
      'db/2_sql_first.sql': 'SELECT 0;\n-- migrate:up\nSELECT 1;\n-- migrate:down\n',
      'db/3_no_up.sql': 'SELECT 1;\n',
      'db/4_two_downs.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:down\nSELECT 3;\n',
      'db/notes.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\n',
    });
    const a = analyze(p);
    expect(findingLines(a)).toEqual([
      'invalid-migration dbmateNoDown 1_no_down.sql',
      'invalid-migration dbmateStatementsBeforeUp 2_sql_first.sql',
      'invalid-migration dbmateNoUp 3_no_up.sql',
      'invalid-migration dbmateTwoDowns 4_two_downs.sql',
      'skipped-file versionedName notes.sql',
    ]);
    expect(a.findings[0]!.descriptor.data).toEqual({ line: 1 });
    expect(a.findings[1]!.descriptor.at).toEqual({ start: 0, end: 8 });
  });
});

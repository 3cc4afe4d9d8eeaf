import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, outline, project } from './layout-helpers.js';

describe('directory-per-migration layout', () => {
  it('diesel: <version>_<name>/up.sql + down.sql, run_in_transaction from metadata.toml', async () => {
    const a = analyze(await fixture('diesel'));
    expect(a.sets[0]).toMatchObject({ layout: 'directory-per-migration', dir: 'migrations', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101120000 create_users up:[up.sql] down:[down.sql]',
      '1 20240102120000 index_users up:[up.sql] down:[down.sql]',
    ]);
    const [users, index] = a.sets[0]!.migrations;
    expect(users!.up[0]!.transaction).toBe('transaction');
    expect(users!.up[0]!.transactionReason).toMatch(/^diesel runs each migration inside a transaction/);
    expect(index!.up[0]!.transaction).toBe('none');
    expect(index!.up[0]!.transactionReason).toMatch(/run_in_transaction = false/);
    expect(findingLines(a)).toEqual([]);
  });

  it("Sourcegraph: numeric folders, metadata.yaml names, createIndexConcurrently outside a transaction", async () => {
    const a = analyze(await fixture('sourcegraph'));
    expect(a.sets[0]).toMatchObject({ layout: 'directory-per-migration', dir: 'migrations/frontend' });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 1000000001 create repo up:[up.sql] down:[down.sql]',
      '1 1000000002 repo name index up:[up.sql] down:[down.sql]',
    ]);
    const [repo, index] = a.sets[0]!.migrations;
    expect(repo!.up[0]!.transaction).toBe('transaction');
    expect(index!.up[0]!.transaction).toBe('none');
    expect(index!.up[0]!.transactionReason).toMatch(/createIndexConcurrently/);
  });

  it('orders numeric folders as numbers and reports stray files and downs without ups', async () => {
    const p = await project({
      'm/9/up.sql': 'SELECT 1;',
      'm/10/up.sql': 'SELECT 1;',
      'm/10/notes.sql': 'SELECT 1;',
      'm/11/down.sql': 'SELECT 1;',
      'm/readme.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['9', '10', '11']);
    expect(findingLines(a)).toEqual(['skipped-file directoryOutside readme.sql', 'skipped-file directoryOtherFile notes.sql', 'orphan-down orphan down.sql']);
  });
});

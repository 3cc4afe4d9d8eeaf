import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, project } from './layout-helpers.js';

describe('paired-down layout', () => {
  it('pairs <ts>_<name>.sql with <ts>_<name>.down.sql, in name order', async () => {
    const a = analyze(await fixture('paired-down'));
    expect(a.sets[0]).toMatchObject({ layout: 'paired-down', dir: 'db/migrations', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101120000 create_orders up:[20240101120000_create_orders.sql] down:[20240101120000_create_orders.down.sql]',
      '1 20240102120000 add_order_status up:[20240102120000_add_order_status.sql] down:[20240102120000_add_order_status.down.sql]',
      '2 20240103120000 add_order_note up:[20240103120000_add_order_note.sql] down:[]',
    ]);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs a down by hand outside a transaction, except inside its own BEGIN … COMMIT', async () => {
    const p = await fixture('paired-down');
    const m = model(p);
    const down = m.sets[0]!.migrations[1]!.down[0]!;
    expect(down.transaction).toBe('none');
    const file = p.files.find((f) => f.path === down.file)!;
    expect(file.statements.map((s) => m.placeOf(file.path, s)?.inTransaction)).toEqual([true, true, true]);
    // Outside supabase/, the forward runner is unknown: each file is assumed to run in a transaction.
    expect(m.sets[0]!.migrations[2]!.up[0]!.transaction).toBe('transaction');
  });

  it('reports a down without its forward migration', async () => {
    const p = await project({ 'db/1_a.sql': 'SELECT 1;', 'db/1_a.down.sql': 'SELECT 1;', 'db/2_b.down.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets[0]!.layout).toBe('paired-down');
    expect(a.sets[0]!.migrations.map(outline)).toEqual(['0 1 a up:[1_a.sql] down:[1_a.down.sql]', '1 2 b up:[] down:[2_b.down.sql]']);
    expect(findingLines(a)).toEqual(['orphan-down orphan 2_b.down.sql']);
  });
});

import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../src/layouts/plain.js';
import { analyze, findingLines, fixture, outline, project } from './layout-helpers.js';

describe('plain layout', () => {
  it('sorts files numerically within names and warns where name order disagrees', async () => {
    const a = analyze(await fixture('plain'));
    expect(a.sets[0]).toMatchObject({ layout: 'plain', dir: 'sql', supportsDown: false });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 1 create_items up:[1_create_items.sql] down:[]',
      '1 2 add_item_price up:[2_add_item_price.sql] down:[]',
      '2 10 add_item_stock up:[10_add_item_stock.sql] down:[]',
    ]);
    expect(findingLines(a)).toEqual(['version-order nameOrder 10_add_item_stock.sql']);
    const [, , stock] = a.sets[0]!.migrations;
    // The runner is unknown: each file is assumed to run in its own transaction (the guess that does not flood).
    expect(stock!.up[0]!.transaction).toBe('transaction');
  });

  it('reads version folders as part of the name', async () => {
    const p = await project({ 'db/0.10/00__b.sql': 'SELECT 1;', 'db/0.9/01__a.sql': 'SELECT 1;', 'db/0.9/00__a.sql': 'SELECT 1;', 'db/LATEST.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets.map((s) => `${s.layout} ${s.dir}`)).toEqual(['plain db']);
    expect(a.sets[0]!.migrations.map((m) => m.up[0]!.file)).toEqual(['db/0.9/00__a.sql', 'db/0.9/01__a.sql', 'db/0.10/00__b.sql', 'db/LATEST.sql']);
  });

  it('compares digit runs as numbers', () => {
    expect(['10_a', '9_b', '09_c', 'a'].sort(compareNatural)).toEqual(['09_c', '9_b', '10_a', 'a']);
  });
});

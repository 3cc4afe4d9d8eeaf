import { describe, expect, it } from 'vitest';
import { fixture, model, project } from './layout-helpers.js';

describe('buildModel', () => {
  it('places each statement in its set, migration and part', async () => {
    const p = await fixture('dbmate');
    const m = model(p);
    const file = p.files.find((f) => f.path.endsWith('20240103120000_accounts_and_audit.sql'))!;
    const places = file.statements.map((s) => m.placeOf(file.path, s)).map((pl) => `${pl?.migration.index} ${pl?.part.direction} ${pl?.migration.up.indexOf(pl.part)}${pl?.migration.down.indexOf(pl.part)} ${pl?.inTransaction}`);
    // up#0 (tx), down#0 (tx), up#1 (transaction:false, one statement)
    expect(places).toEqual(['2 up 0-1 true', '2 down -10 true', '2 up 1-1 false']);
  });

  it('has no place for files outside every set, and carries the layout findings', async () => {
    const p = await project({ 'sql/functions/touch.sql': 'SELECT 1;', 'db/001_a.up.sql': 'SELECT 1;', 'db/init.up.sql': 'SELECT 1;' });
    const m = model(p);
    const touch = p.files.find((f) => f.path === 'sql/functions/touch.sql')!;
    expect(m.placeOf(touch.path, touch.statements[0]!)).toBeUndefined();
    const init = p.files.find((f) => f.path === 'db/init.up.sql')!;
    expect(m.placeOf(init.path, init.statements[0]!)).toBeUndefined();
    expect(m.findings.map((f) => f.ruleId).sort()).toEqual(['migrations/guessed-runner', 'migrations/skipped-file', 'migrations/unknown-layout']);
  });

  it('replays the schema of a set once and hands back the same model', async () => {
    const p = await fixture('golang-migrate');
    const m = model(p);
    const set = m.sets[0]!;
    const schema = m.schemaOf(set);
    expect(m.schemaOf(set)).toBe(schema);
    expect(schema.atEnd().table({ schema: 'public', name: 'users' })?.columns.map((c) => c.name)).toEqual(['id', 'email', 'last_login']);
    expect(schema.before(0).table({ schema: 'public', name: 'users' })).toBeUndefined();
  });
});

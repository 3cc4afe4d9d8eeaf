import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, model, outline, project } from './layout-helpers.js';

describe('supabase layout', () => {
  it('orders supabase/migrations by file name and skips names the CLI skips', async () => {
    const p = await fixture('supabase');
    const a = analyze(p);
    expect(a.sets).toHaveLength(1);
    const [set] = a.sets;
    expect(set).toMatchObject({ layout: 'supabase', dir: 'supabase/migrations', supportsDown: false });
    expect(set!.migrations.map(outline)).toEqual([
      '0 20240101120000 create_profiles up:[20240101120000_create_profiles.sql] down:[]',
      '1 20240102090000 add_avatar_url up:[20240102090000_add_avatar_url.sql] down:[]',
      '2 20240103100000 index_display_name up:[20240103100000_index_display_name.sql] down:[]',
    ]);
    expect(findingLines(a)).toEqual(['skipped-file versionedName seed_demo_profiles.sql']);
  });

  it('covers the whole file and runs it as one transaction, except what the CLI runs standalone', async () => {
    const p = await fixture('supabase');
    const m = model(p);
    const part = m.sets[0]!.migrations[2]!.up[0]!;
    const file = p.files.find((f) => f.path === part.file)!;
    expect(part.range).toEqual({ start: 0, end: file.text.length });
    expect(part.transaction).toBe('transaction');
    expect(part.transactionReason).toMatch(/Supabase CLI.*one transaction/);
    const [setTimeout, index] = file.statements;
    expect(m.placeOf(file.path, setTimeout!)?.inTransaction).toBe(true);
    expect(m.placeOf(file.path, index!)?.inTransaction).toBe(false);
  });

  it('reports duplicate versions, a legacy init file and numbers that sort differently as text', async () => {
    const p = await project({
      'supabase/migrations/20201201000000_init.sql': 'SELECT 1;',
      'supabase/migrations/20240101000000_a.sql': 'SELECT 1;',
      'supabase/migrations/20240101000000_b.sql': 'SELECT 1;',
    });
    expect(findingLines(analyze(p))).toEqual(['skipped-file supabaseInit 20201201000000_init.sql', 'duplicate-version duplicate 20240101000000_b.sql']);
    const seq = await project({ 'supabase/migrations/9_a.sql': 'SELECT 1;', 'supabase/migrations/10_b.sql': 'SELECT 1;' });
    const a = analyze(seq);
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['10', '9']);
    expect(findingLines(a)).toEqual(['version-order nameOrder 10_b.sql']);
    expect(a.findings[0]!.descriptor.data).toMatchObject({ version: '10', otherVersion: '9', runner: 'the Supabase CLI' });
  });

  it('treats a subdirectory as a directory of its own, and a per-migration folder inside as skipped', async () => {
    const p = await project({
      'supabase/migrations/20240101000000_a.sql': 'SELECT 1;',
      'supabase/migrations/old/20230101000000_b.sql': 'SELECT 1;',
      'supabase/migrations/20240102000000_c/migration.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(a.sets.map((s) => `${s.layout} ${s.dir} ${s.migrations.length}`)).toEqual(['supabase supabase/migrations 1', 'supabase supabase/migrations/old 1']);
    expect(findingLines(a)).toEqual(['mixed-layout mixed migration.sql']);
  });

  it('auto-detects paired-down inside supabase/migrations but warns that the CLI would run the downs', async () => {
    const p = await project({
      'supabase/migrations/20240101000000_a.sql': 'CREATE TABLE a ();',
      'supabase/migrations/20240101000000_a.down.sql': 'DROP TABLE a;',
    });
    const a = analyze(p);
    expect(a.sets[0]!.layout).toBe('paired-down');
    expect(findingLines(a)).toEqual(['down-runs-as-up supabaseDown 20240101000000_a.down.sql']);
    // Forced to supabase, the down is a forward migration with the same version.
    const forced = analyze(p, { layout: 'supabase' });
    expect(forced.sets[0]!.migrations).toHaveLength(2);
    expect(findingLines(forced)).toEqual(['duplicate-version duplicate 20240101000000_a.sql', 'down-runs-as-up supabaseDown 20240101000000_a.down.sql']);
    // Forced to paired-down: the team says its deploy tool skips downs.
    expect(findingLines(analyze(p, { layout: 'paired-down' }))).toEqual([]);
  });
});

describe('supabase order by name vs. time', () => {
  it('reports a date-only version that the CLI runs after a later time of the same day', async () => {
    const a = analyze(await project({ 'supabase/migrations/20260312_AddThings.sql': 'SELECT 1;', 'supabase/migrations/20260312090000_add_users.sql': 'SELECT 1;', 'supabase/migrations/20260313_next.sql': 'SELECT 1;' }));
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['20260312090000', '20260312', '20260313']);
    expect(findingLines(a)).toEqual(['version-order timestampPrecision 20260312_AddThings.sql']);
    expect(a.findings.find((f) => f.descriptor.messageId === 'timestampPrecision')!.descriptor.data).toMatchObject({ other: 'supabase/migrations/20260312090000_add_users.sql', otherVersion: '20260312090000' });
  });
});

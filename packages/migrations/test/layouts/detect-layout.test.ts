import { describe, expect, it } from 'vitest';
import { analyze, findingLines, project } from './layout-helpers.js';

describe('layout detection', () => {
  it('groups files into migration directories and detects each one on its own', async () => {
    const p = await project({
      'api/db/migrations/001_a.up.sql': 'SELECT 1;',
      'web/supabase/migrations/20240101000000_a.sql': 'SELECT 1;',
      'svc/migrations/00001_a.sql': '-- +goose Up\nSELECT 1;',
      'prisma/migrations/20240101000000_a/migration.sql': 'SELECT 1;',
    });
    expect(analyze(p).sets.map((s) => `${s.layout} ${s.dir}`)).toEqual([
      'golang-migrate api/db/migrations',
      'prisma prisma/migrations',
      'goose svc/migrations',
      'supabase web/supabase/migrations',
    ]);
  });

  it('reports files written for another runner than the rest of the directory, and leaves them out', async () => {
    const p = await project({
      'db/001_a.up.sql': 'SELECT 1;',
      'db/001_a.down.sql': 'SELECT 1;',
      'db/002_b.up.sql': 'SELECT 1;',
      'db/003_c.sql': '-- +goose Up\nSELECT 1;\n-- +goose Down\nSELECT 2;',
      'db/V4__d.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(a.sets[0]!.layout).toBe('golang-migrate');
    expect(a.sets[0]!.migrations.map((m) => m.version)).toEqual(['001', '002']);
    expect(findingLines(a)).toEqual(['mixed-layout mixed 003_c.sql', 'mixed-layout mixed V4__d.sql']);
    expect(a.findings.filter((f) => f.ruleId === 'migrations/mixed-layout').map((f) => f.descriptor.data)).toEqual([
      { looksLike: 'goose', layout: 'golang-migrate', dir: 'db' },
      { looksLike: 'flyway', layout: 'golang-migrate', dir: 'db' },
    ]);
  });

  it('says "unknown layout" once per directory whose names carry no version', async () => {
    const p = await project({ 'sql/functions/touch.sql': 'SELECT 1;', 'sql/functions/audit.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets).toEqual([]);
    expect(findingLines(a)).toEqual(['unknown-layout unknown audit.sql']);
    expect(a.findings[0]!.descriptor.data).toMatchObject({ dir: 'sql/functions', count: 2 });
    expect(String(a.findings[0]!.descriptor.data!.layouts)).toContain('golang-migrate');
  });

  it('uses the configured layout, per directory', async () => {
    const p = await project({ 'sql/functions/touch.sql': 'SELECT 1;', 'db/001_a.sql': '-- +goose Up\nSELECT 1;' });
    const a = analyze(p, (file) => (file.startsWith('sql/') ? { layout: 'plain' } : {}));
    expect(a.sets.map((s) => `${s.layout} ${s.dir}`)).toEqual(['goose db', 'plain sql/functions']);
    expect(findingLines(a)).toEqual([]);
  });

  it('reports a configured layout it does not know', async () => {
    const p = await project({ 'db/001_a.sql': 'SELECT 1;' });
    const a = analyze(p, { layout: 'liquibase' });
    expect(a.sets).toEqual([]);
    expect(findingLines(a)).toEqual(['unknown-layout invalidSetting 001_a.sql']);
  });

  it('falls back to supabase for supabase/migrations whose names the CLI skips', async () => {
    const p = await project({ 'supabase/migrations/create_phase1.sql': 'SELECT 1;' });
    const a = analyze(p);
    expect(a.sets).toEqual([]);
    expect(findingLines(a)).toEqual(['skipped-file versionedName create_phase1.sql']);
  });

  it('handles files at the root, ./-prefixed and backslash paths', async () => {
    const p = await project({ '001_a.up.sql': 'SELECT 1;', './002_b.up.sql': 'SELECT 1;', 'win\\db\\003_c.up.sql': 'SELECT 1;' });
    expect(analyze(p).sets.map((s) => `${s.layout} ${s.dir} ${s.migrations.map((m) => m.up[0]!.file).join(',')}`)).toEqual([
      'golang-migrate . 001_a.up.sql,./002_b.up.sql',
      'golang-migrate win/db win\\db\\003_c.up.sql',
    ]);
  });
});

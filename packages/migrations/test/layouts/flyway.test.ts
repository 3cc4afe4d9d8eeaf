import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, outline, project } from './layout-helpers.js';

describe('Flyway layout', () => {
  it('orders versions part by part (1.2 < 1.10), pairs U with V, repeatables last', async () => {
    const a = analyze(await fixture('flyway'));
    expect(a.sets[0]).toMatchObject({ layout: 'flyway', dir: 'src/main/resources/db/migration', supportsDown: true });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 1 create_invoices up:[V1__create_invoices.sql] down:[]',
      '1 1.1 add_invoice_currency up:[V1.1__add_invoice_currency.sql] down:[]',
      '2 1.2 index_invoice_totals up:[V1.2__index_invoice_totals.sql] down:[]',
      '3 1.10 add_invoice_due_date up:[V1.10__add_invoice_due_date.sql] down:[]',
      '4 2 backfill_due_dates up:[V2__backfill_due_dates.sql] down:[U2__backfill_due_dates.sql]',
      '5  invoice_views up:[R__invoice_views.sql] down:[]',
    ]);
    expect(a.sets[0]!.migrations[5]!.repeatable).toBe(true);
    expect(findingLines(a)).toEqual([]);
  });

  it('runs a script in a transaction unless its .sql.conf says otherwise or Flyway detects a non-transactional statement', async () => {
    const [create, , index, , backfill] = analyze(await fixture('flyway')).sets[0]!.migrations;
    expect(create!.up[0]).toMatchObject({ transaction: 'transaction' });
    expect(index!.up[0]).toMatchObject({ transaction: 'none' });
    expect(index!.up[0]!.transactionReason).toMatch(/detects CREATE INDEX CONCURRENTLY/);
    expect(backfill!.up[0]).toMatchObject({ transaction: 'none' });
    expect(backfill!.up[0]!.transactionReason).toMatch(/executeInTransaction=false/);
  });

  it('counts ALTER TYPE … ADD VALUE as non-transactional only before PostgreSQL 12', async () => {
    const p = await project({ 'db/V1__enum.sql': "ALTER TYPE mood ADD VALUE 'meh';" });
    expect(analyze(p, { postgresVersion: 11 }).sets[0]!.migrations[0]!.up[0]!.transaction).toBe('none');
    expect(analyze(p, { postgresVersion: 16 }).sets[0]!.migrations[0]!.up[0]!.transaction).toBe('transaction');
  });

  it('reports skipped names, duplicate versions (1.0 = 1) and an undo without its migration', async () => {
    const p = await project({
      'db/V1__a.sql': 'SELECT 1;',
      'db/V1.0__b.sql': 'SELECT 1;',
      'db/v2__lowercase.sql': 'SELECT 1;',
      'db/V3_one_underscore.sql': 'SELECT 1;',
      'db/U4__nothing.sql': 'SELECT 1;',
      'db/notes.sql': 'SELECT 1;',
    });
    expect(findingLines(analyze(p))).toEqual([
      'skipped-file flywayNearMiss V3_one_underscore.sql',
      'skipped-file versionedName notes.sql',
      'skipped-file flywayNearMiss v2__lowercase.sql',
      'duplicate-version duplicate V1.0__b.sql',
      'orphan-down orphan U4__nothing.sql',
    ]);
  });
});

describe('Flyway mixed scripts', () => {
  const files = {
    'db/migration/V1__users.sql': 'CREATE TABLE users (id int);\nCREATE INDEX CONCURRENTLY users_id ON users (id);',
    'db/migration/V2__index.sql': 'CREATE INDEX CONCURRENTLY users_id2 ON users (id);',
  };

  it('reports a script mixing CREATE INDEX CONCURRENTLY with other statements, at that statement', async () => {
    const p = await project(files);
    const a = analyze(p);
    const mixed = a.findings.filter((f) => f.descriptor.messageId === 'flywayMixed');
    expect(mixed.map((f) => f.file)).toEqual(['db/migration/V1__users.sql']);
    const text = p.files.find((f) => f.path === 'db/migration/V1__users.sql')!.text;
    const at = mixed[0]!.descriptor.at as { start: number; end: number };
    expect(text.slice(at.start, at.end)).toBe('CREATE INDEX CONCURRENTLY users_id ON users (id)');
    expect(mixed[0]!.descriptor.data).toMatchObject({ what: 'CREATE INDEX CONCURRENTLY', count: 2 });
  });

  it('is quiet when the Flyway config sets mixed, or the script sets executeInTransaction', async () => {
    const p = await project({ ...files, 'flyway.conf': 'flyway.mixed=true\n' });
    expect(analyze(p).findings.filter((f) => f.descriptor.messageId === 'flywayMixed')).toEqual([]);
    const conf = await project({ ...files, 'db/migration/V1__users.sql.conf': 'executeInTransaction=false\n' });
    expect(analyze(conf).findings.filter((f) => f.descriptor.messageId === 'flywayMixed')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze, findingLines, fixture, outline, project } from './layout-helpers.js';

describe('Prisma layout', () => {
  it('reads <ts>_<name>/migration.sql in folder-name order, no down', async () => {
    const a = analyze(await fixture('prisma'));
    expect(a.sets[0]).toMatchObject({ layout: 'prisma', dir: 'prisma/migrations', supportsDown: false });
    expect(a.sets[0]!.migrations.map(outline)).toEqual([
      '0 20240101120000 init up:[migration.sql] down:[]',
      '1 20240102120000 add_posts up:[migration.sql] down:[]',
      '2 20240103120000 post_slug_index up:[migration.sql] down:[]',
    ]);
    expect(findingLines(a)).toEqual([]);
  });

  it('sends migration.sql as one query: several statements share an implicit transaction, one runs alone', async () => {
    const [init, posts, index] = analyze(await fixture('prisma')).sets[0]!.migrations;
    expect(init!.up[0]!.transaction).toBe('transaction');
    expect(posts!.up[0]!.transaction).toBe('transaction');
    expect(index!.up[0]!.transaction).toBe('none');
  });

  it('reports files Prisma never runs and a folder without migration.sql', async () => {
    const p = await project({
      'prisma/migrations/20240101000000_init/migration.sql': 'CREATE TABLE a ();',
      'prisma/migrations/20240101000000_init/notes.sql': 'SELECT 1;',
      'prisma/migrations/20240102000000_lost/fix.sql': 'SELECT 1;',
      'prisma/migrations/seed.sql': 'SELECT 1;',
    });
    const a = analyze(p);
    expect(a.sets[0]!.migrations).toHaveLength(1);
    expect(findingLines(a)).toEqual(['skipped-file prismaOutside seed.sql', 'skipped-file prismaOtherFile notes.sql', 'skipped-file prismaNoMigrationSql fix.sql']);
  });
});

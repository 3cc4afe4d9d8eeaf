import { describe, expect, it } from 'vitest';
import { migrationRootOf } from '../../src/migration-root.js';

describe('migrationRootOf', () => {
  it.each([
    ['supabase/migrations/20240101120000_a.sql', 'supabase/migrations'],
    ['db/migrations/001_a.up.sql', 'db/migrations'],
    ['prisma/migrations/20240101120000_init/migration.sql', 'prisma/migrations'],
    ['migrations/2019-09-12-100000_create/up.sql', 'migrations'],
    ['migrations/frontend/1528395954/down.sql', 'migrations/frontend'],
    ['store/migration/postgres/0.19/00__x.sql', 'store/migration/postgres'],
    ['schema/main/delta/12/v12.sql', 'schema/main/delta'],
    ['sql/deploy/users.sql', 'sql'],
    ['deploy/schema/users.sql', '.'],
    ['revert/users@v1.0.sql', '.'],
    ['001_a.sql', '.'],
    ['C:\\app\\db\\001_a.up.sql', 'C:/app/db'],
    ['/abs/db/001_a.sql', '/abs/db'],
    ['./db/001_a.sql', './db'],
  ])('%s → %s', (file, root) => {
    expect(migrationRootOf(file)).toBe(root);
  });
});

// Small histories that provoke every message of the migrations pack, shared by the pack's tests.
import type { Settings } from '@migralint/core';

export interface Scenario {
  name: string;
  files: Record<string, string>;
  settings?: Partial<Settings>;
}

const journal = (tags: Array<[string, number]>) => JSON.stringify({ version: '7', dialect: 'postgresql', entries: tags.map(([tag, when], idx) => ({ idx, when, tag })) });

export const SCENARIOS: Scenario[] = [
  { name: 'unknown layout', files: { 'sql/views/active_users.sql': 'CREATE VIEW active_users AS SELECT 1;' } },
  { name: 'invalid layout setting', files: { 'db/001_a.sql': 'SELECT 1;' }, settings: { layout: 'liquibase' } },
  { name: 'invalid runner setting', files: { 'db/001_a.sql': 'SELECT 1;' }, settings: { runner: 'liquibase' } },
  { name: 'guessed runner', files: { 'db/001_a.sql': 'SELECT 1;', 'db/002_b.sql': 'SELECT 1;' } },
  {
    name: 'mixed layouts',
    files: { 'db/001_a.up.sql': 'SELECT 1;', 'db/002_b.up.sql': 'SELECT 1;', 'db/003_c.sql': '-- +goose Up\nSELECT 1;' },
  },
  {
    name: 'supabase skips',
    files: {
      'supabase/migrations/20201201000000_init.sql': 'SELECT 1;',
      'supabase/migrations/seed.sql': 'SELECT 1;',
      'supabase/migrations/20240101000000_a.sql': 'SELECT 1;',
      'supabase/migrations/20240101000000_b.sql': 'SELECT 1;',
      'supabase/migrations/20240102000000_c/fix.sql': 'SELECT 1;',
    },
  },
  {
    name: 'supabase timestamp precision',
    files: { 'supabase/migrations/20260312090000_add_users.sql': 'SELECT 1;', 'supabase/migrations/20260312_AddThings.sql': 'SELECT 1;' },
  },
  { name: 'supabase name order', files: { 'supabase/migrations/9_a.sql': 'SELECT 1;', 'supabase/migrations/10_b.sql': 'SELECT 1;' } },
  { name: 'supabase runs downs', files: { 'supabase/migrations/1_a.sql': 'SELECT 1;', 'supabase/migrations/1_a.down.sql': 'SELECT 1;' } },
  {
    name: 'golang-migrate problems',
    files: {
      'm/001_a.up.sql': 'SELECT 1;',
      'm/001_b.up.sql': 'SELECT 1;',
      'm/002_add.up.sql': 'SELECT 1;',
      'm/002_drop.down.sql': 'SELECT 1;',
      'm/003_gone.down.sql': 'SELECT 1;',
      'm/init.up.sql': 'SELECT 1;',
    },
  },
  { name: 'popx without down', files: { 'p/1_a.postgres.up.sql': 'SELECT 1;' } },
  { name: 'flyway mixed', files: { 'f2/V1__a.sql': 'CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);' } },
  { name: 'flyway near miss', files: { 'f/V1__a.sql': 'SELECT 1;', 'f/v2__b.sql': 'SELECT 1;' } },
  {
    name: 'dbmate refusals',
    files: {
      'd/1_a.sql': '-- migrate:up\nSELECT 1;\n',
      'd/2_b.sql': 'SELECT 0;\n-- migrate:up\nSELECT 1;\n-- migrate:down\n',
      'd/3_c.sql': 'SELECT 1;\n',
      'd/4_d.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\n-- migrate:down\n',
      'd/5_e.sql': '-- migrate:up\nSELECT 1;\n-- migrate:down\n',
    },
  },
  {
    name: 'goose refusals',
    files: {
      'g/1_a.sql': '-- +goose Up\nSELECT 1;\n',
      'g/2_b.sql': 'SELECT 1;\n',
      'g/3_c.sql': '-- +goose Down\nSELECT 1;\n-- +goose Up\nSELECT 1;\n',
      'g/4_d.sql': '-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n',
      'g/seed.sql': '-- +goose Up\nSELECT 1;\n',
    },
  },
  {
    name: 'sqitch plan mismatch',
    files: {
      's/sqitch.plan': '%project=x\na 2024-01-01T00:00:00Z A <a@example.com>\nb 2024-01-02T00:00:00Z A <a@example.com>\n',
      's/deploy/a.sql': 'SELECT 1;',
      's/revert/b.sql': 'SELECT 1;',
      's/deploy/c.sql': 'SELECT 1;',
      's/notes.sql': 'SELECT 1;',
    },
  },
  { name: 'sqitch forced on a directory without deploy/', files: { 'x/a.sql': 'SELECT 1;' }, settings: { layout: 'sqitch' } },
  { name: 'sqitch without plan', files: { 't/deploy/a.sql': 'SELECT 1;', 't/revert/a.sql': 'SELECT 1;' } },
  {
    name: 'prisma skips',
    files: {
      'prisma/migrations/20240101000000_a/migration.sql': 'SELECT 1;',
      'prisma/migrations/20240101000000_a/extra.sql': 'SELECT 1;',
      'prisma/migrations/20240102000000_b/fix.sql': 'SELECT 1;',
      'prisma/migrations/seed.sql': 'SELECT 1;',
    },
  },
  {
    name: 'directory per migration skips',
    files: { 'dm/2024-01-01-000000_a/up.sql': 'SELECT 1;', 'dm/2024-01-01-000000_a/data.sql': 'SELECT 1;', 'dm/readme.sql': 'SELECT 1;' },
  },
  {
    name: 'drizzle journal problems',
    files: {
      'dz/0000_a.sql': 'SELECT 1;\n--> statement-breakpoint\nSELECT 2;',
      'dz/0001_b.sql': 'SELECT 1;',
      'dz/0002_c.sql': 'SELECT 1;',
      'dz/meta/_journal.json': journal([['0000_a', 2000], ['0001_b', 1000], ['0003_gone', 3000]]),
    },
  },
  { name: 'drizzle without journal', files: { 'dn/0000_a.sql': 'SELECT 1;\n--> statement-breakpoint\nSELECT 2;' } },
  { name: 'drizzle bad journal', files: { 'db2/0000_a.sql': 'SELECT 1;\n--> statement-breakpoint\nSELECT 2;', 'db2/meta/_journal.json': '{"entries": "no"}' } },
  {
    name: 'drizzle v1 stray file',
    files: { 'dv/20240101000000_a/migration.sql': 'SELECT 1;\n--> statement-breakpoint\nSELECT 2;', 'dv/20240101000000_a/notes.sql': 'SELECT 1;' },
  },
];

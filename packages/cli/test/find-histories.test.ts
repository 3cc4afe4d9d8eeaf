// With no path, `migralint` lints every history under the current folder: a monorepo shaped like
// the pgflow corpus project (pkgs/*/supabase/migrations, apps/*/supabase/migrations), a root-level
// sqitch project, Flyway's db/migration, runner folders by other names; .gitignore'd and node_modules
// folders and loose SQL stay out.
import { describe, expect, it } from 'vitest';
import { findHistories } from '../src/find-histories.js';
import { makeProject } from './run-cli.js';
import { runMain } from './run-main.js';

const drop = 'alter table t drop column c;\n';

describe('history discovery (no path given)', () => {
  it('finds every history of a monorepo, each linted on its own, and says which', async () => {
    const dir = makeProject({
      'pkgs/core/supabase/migrations/20250101000000_init.sql': 'create table t (id bigint primary key, c text);\nalter table t enable row level security;\n',
      'pkgs/core/supabase/migrations/20250102000000_drop.sql': drop,
      'pkgs/client/supabase/migrations/20250101000000_other.sql': drop,
      'apps/demo/supabase/migrations/20250101000000_demo.sql': 'select 1;\n',
      'services/billing/src/main/resources/db/migration/V1__init.sql': 'create table invoices (id bigint primary key);\n',
      'services/billing/src/main/resources/db/migration/V2__drop.sql': 'drop table invoices;\n',
      // not histories:
      'pkgs/core/supabase/seed.sql': drop,
      'docs/queries/report.sql': drop,
      'node_modules/some-lib/migrations/001_x.sql': drop,
      'tmp/generated/migrations/001_x.sql': drop,
      '.gitignore': 'tmp/\n',
    });
    const histories = (await findHistories(dir)).map((h) => h.dir.slice(dir.length + 1));
    expect(histories).toEqual(['apps/demo/supabase/migrations', 'pkgs/client/supabase/migrations', 'pkgs/core/supabase/migrations', 'services/billing/src/main/resources/db/migration']);

    const r = await runMain(['--format', 'json'], dir);
    expect(r.stderr).toBe(`migralint: 4 migration histories, each linted on its own: ${histories.join(', ')}\n`);
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string }> }> };
    expect(report.files.map((f) => f.path)).toEqual([
      'apps/demo/supabase/migrations/20250101000000_demo.sql',
      'pkgs/client/supabase/migrations/20250101000000_other.sql',
      'pkgs/core/supabase/migrations/20250101000000_init.sql',
      'pkgs/core/supabase/migrations/20250102000000_drop.sql',
      'services/billing/src/main/resources/db/migration/V1__init.sql',
      'services/billing/src/main/resources/db/migration/V2__drop.sql',
    ]);
    const rules = (file: string) => report.files.find((f) => f.path.endsWith(file))!.messages.map((m) => m.ruleId);
    // Findings per history: a dropped column in one, a dropped table in the Flyway service.
    expect(rules('20250102000000_drop.sql')).toContain('destructive/no-drop-column');
    expect(rules('V2__drop.sql')).toContain('destructive/no-drop-table');
    expect(r.code).toBe(1);
  });

  it('finds runner folders by other names: by their name (migration_postgres, delta, upgrade) or versioned files', async () => {
    const dir = makeProject({
      'persistence/src/main/resources/db/migration_postgres/V1__init.sql': 'select 1;\n',
      'synapse/storage/schema/main/delta/58/01_a.sql': 'select 1;\n',
      'synapse/storage/schema/main/delta/59/01_b.sql': 'select 1;\n',
      'self-host/postgres/20240830075257_create_roles.sql': 'select 1;\n',
      'self-host/postgres/20240830080137_create_users.sql': 'select 1;\n',
      'self-host/postgres/20240830080707_create_teams.sql': 'select 1;\n',
      // not histories: fewer than three versioned names, or none
      'schema/001-create-schema.sql': 'select 1;\n',
      'schema/002-create-admin.sql': 'select 1;\n',
      'docs/queries/a.sql': 'select 1;\n',
      'docs/queries/b.sql': 'select 1;\n',
      'docs/queries/c.sql': 'select 1;\n',
    });
    expect((await findHistories(dir)).map((h) => h.dir.slice(dir.length + 1))).toEqual([
      'persistence/src/main/resources/db/migration_postgres',
      'self-host/postgres',
      'synapse/storage/schema/main/delta',
    ]);
  });

  it('finds a root-level sqitch project without taking other SQL along', async () => {
    const dir = makeProject({
      'sqitch.plan': '%syntax-version=1.0.0\n%project=app\n\nusers 2024-01-01T00:00:00Z A <a@example.com> # users\n',
      'deploy/users.sql': 'BEGIN;\nCREATE TABLE users (id bigint PRIMARY KEY);\nCOMMIT;\n',
      'revert/users.sql': 'BEGIN;\nDROP TABLE users;\nCOMMIT;\n',
      'verify/users.sql': 'SELECT id FROM users WHERE false;\n',
      'scripts/cleanup.sql': 'DELETE FROM users;\n',
    });
    expect((await findHistories(dir)).map((h) => h.dir)).toEqual([dir]);
    const r = await runMain(['--format', 'json'], dir);
    expect(r.stderr).toBe('');
    const paths = (JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    expect(paths).toEqual(['deploy/users.sql', 'revert/users.sql', 'verify/users.sql']);
    expect(r.code).toBe(0);
  });
});

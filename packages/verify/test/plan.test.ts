// plan: what each migration creates, alters and drops, from the schema model (no database).
import { describe, expect, it } from 'vitest';
import { buildPlan, formatPlan, readProject, type PlanOptions } from '../src/index.js';
import { allBuiltinPlugins } from '../../cli/src/rule-packs.js';

const builtinPlugins = await allBuiltinPlugins();

async function planOf(files: Record<string, string>, options: PlanOptions = {}) {
  const read = await readProject({
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: { plugins: [...builtinPlugins] },
    cwd: '/project',
    staticRules: 'all',
  });
  return buildPlan(read, options);
}

const HISTORY = {
  'migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL, legacy text, name text);\n',
  'migrations/001_users.down.sql': 'DROP TABLE users;\n',
  'migrations/002_change.up.sql': [
    'ALTER TABLE users ADD COLUMN nickname text;',
    'ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;',
    'ALTER TABLE users ALTER COLUMN email TYPE text;',
    'ALTER TABLE users ALTER COLUMN name SET NOT NULL;',
    'ALTER TABLE users DROP COLUMN legacy;',
    'ALTER TABLE users RENAME COLUMN nickname TO handle;',
    'CREATE INDEX users_email_idx ON users (email);',
    'CREATE TABLE teams (id bigint PRIMARY KEY, name text NOT NULL);',
    'ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (tenant_id) REFERENCES teams (id);',
    'ALTER TABLE users ENABLE ROW LEVEL SECURITY;',
    "CREATE TYPE mood AS ENUM ('happy', 'sad');",
    '',
  ].join('\n'),
  'migrations/002_change.down.sql': 'SELECT 1;\n',
  'migrations/003_drop.up.sql': 'DROP TABLE teams CASCADE;\nALTER TABLE users RENAME TO members;\n',
};

describe('plan', () => {
  it('lists what each migration creates, alters and drops, with the risky items marked', async () => {
    const plan = await planOf(HISTORY);
    expect(plan.sets).toHaveLength(1);
    const [first, second, third] = plan.sets[0]!.migrations;
    expect(first!.changes).toEqual([
      { action: 'create', kind: 'table', name: 'public.users', detail: 'id int8 not null, email varchar(100) not null, legacy text, name text' },
      { action: 'create', kind: 'unique index', name: 'public.users_pkey', detail: 'on public.users (id)' },
    ]);
    expect(first!.risky).toBe(0);

    const users = second!.changes.find((c) => c.kind === 'table' && c.name === 'public.users')!;
    expect(users.action).toBe('alter');
    const byName = Object.fromEntries(users.changes!.map((c) => [`${c.action} ${c.kind} ${c.name}`, c]));
    expect(Object.keys(byName)).toEqual([
      'alter column public.users.email',
      'alter column public.users.name',
      'create column public.users.handle',
      'create column public.users.tenant_id',
      'drop column public.users.legacy',
      'create constraint public.users.users_team_fk',
      'alter rls public.users',
    ]);
    expect(byName['alter column public.users.email']).toMatchObject({ detail: 'type varchar(100) → text', risk: expect.stringContaining('rewrites the table') });
    expect(byName['alter column public.users.name']).toMatchObject({ detail: 'set not null', risk: expect.stringContaining('scans every row') });
    expect(byName['create column public.users.handle']!.risk).toBeUndefined();
    expect(byName['create column public.users.tenant_id']!.risk).toContain('NOT NULL without a default');
    expect(byName['drop column public.users.legacy']!.risk).toContain('drops the column and its data');
    expect(byName['create constraint public.users.users_team_fk']!.risk).toContain('NOT VALID');
    expect(second!.changes.map((c) => `${c.action} ${c.kind} ${c.name}`)).toEqual([
      'create enum type public.mood',
      'alter table public.users',
      'create table public.teams',
      'create index public.users_email_idx',
      'create unique index public.teams_pkey',
    ]);
    expect(second!.changes.find((c) => c.name === 'public.users_email_idx')!.risk).toContain('CONCURRENTLY');
    expect(second!.findings.map((f) => f.ruleId)).toContain('destructive/no-drop-column');

    expect(third!.changes.map((c) => `${c.action} ${c.kind} ${c.name}${c.risk ? ' !' : ''}`)).toEqual([
      'rename table public.users → public.members !',
      'drop table public.teams !',
    ]);
  });

  it('keeps only the migrations of the given files (what --changed-since passes)', async () => {
    const plan = await planOf(HISTORY, { onlyFiles: new Set(['migrations/003_drop.up.sql']) });
    expect(plan.sets[0]!.migrations.map((m) => m.version)).toEqual(['003']);
    expect(plan.sets[0]!.total).toBe(3);
  });

  it('prints the plan as text: one block a migration, a ! line under each risk', async () => {
    const text = formatPlan(await planOf(HISTORY, { onlyFiles: new Set(['migrations/003_drop.up.sql']) }));
    expect(text.split('\n').slice(0, 8)).toEqual([
      'migrations (golang-migrate): 1 of 3 migrations',
      '',
      '003 drop — 2 risky  migrations/003_drop.up.sql',
      '  > table public.users → public.members',
      '    ! deployed code that uses the old name fails',
      // The foreign key goes with the table it references (CASCADE).
      '      - constraint public.members.users_team_fk: foreign key (tenant_id) → public.teams(id)',
      '  - table public.teams',
      '    ! drops the table and every row in it',
    ]);
    // Then the static findings of the migration (other packs may add theirs).
    expect(text).toMatch(/^  error migrations\/003_drop\.up\.sql:1:12 .* destructive\/no-drop-table$/m);
  });
});

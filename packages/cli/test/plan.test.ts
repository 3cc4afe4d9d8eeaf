// `migralint plan` end to end: the built binary on real files, and --changed-since in a real git repository.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const HISTORY = {
  'db/migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email varchar(100) NOT NULL, legacy text);\n',
  'db/migrations/001_users.down.sql': 'DROP TABLE users;\n',
  'db/migrations/002_tidy.up.sql': 'ALTER TABLE users DROP COLUMN legacy;\nALTER TABLE users ADD COLUMN nickname text;\n',
  'db/migrations/002_tidy.down.sql': 'ALTER TABLE users DROP COLUMN nickname;\nALTER TABLE users ADD COLUMN legacy text;\n',
};

describe('migralint plan', () => {
  it('shows what each migration creates, alters and drops, risky items marked; exit 0', async () => {
    const dir = makeProject(HISTORY);
    const run = await runCli(['plan', 'db/migrations'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'db/migrations (golang-migrate): 2 migrations',
      '',
      '001 users  db/migrations/001_users.up.sql  down: db/migrations/001_users.down.sql',
      '  + table public.users: id int8 not null, email varchar(100) not null, legacy text',
      '  + unique index public.users_pkey: on public.users (id)',
      '',
    ]);
    expect(lines.slice(6, 11)).toEqual([
      '002 tidy — 1 risky  db/migrations/002_tidy.up.sql  down: db/migrations/002_tidy.down.sql',
      '  ~ table public.users',
      '      + column public.users.nickname: text',
      '      - column public.users.legacy: text',
      '        ! drops the column and its data; deployed code that reads it fails',
    ]);
    expect(run.stdout).toMatch(/^  error db\/migrations\/002_tidy\.up\.sql:1:\d+ .*destructive\/no-drop-column$/m);
  });

  it('reports an unreadable migration (UTF-16) as lock and verify do: named with the cause and the fix on stderr, exit 2', async () => {
    // A history with a file missing cannot be replayed, so plan stops at the first file it cannot read.
    const dir = makeProject({
      ...HISTORY,
      'db/migrations/003_utf16.up.sql': Buffer.from('\ufeffCREATE TABLE t (id int);\n', 'utf16le'),
    });
    const run = await runCli(['plan', 'db/migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/003_utf16\.up\.sql: it is UTF-16 text .*save it as UTF-8/);
  });

  it('writes JSON', async () => {
    const dir = makeProject(HISTORY);
    const run = await runCli(['plan', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.version).toBe(1);
    expect(plan.sets[0].migrations[1]).toMatchObject({
      version: '002',
      name: 'tidy',
      up: ['db/migrations/002_tidy.up.sql'],
      risky: 1,
      changes: [{ action: 'alter', kind: 'table', name: 'public.users', changes: [{ action: 'create', name: 'public.users.nickname' }, { action: 'drop', name: 'public.users.legacy', risk: expect.any(String) }] }],
    });
  });

  it('--changed-since keeps the migrations whose files changed', async () => {
    const dir = makeProject(HISTORY);
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'history');
    const none = await runCli(['plan', '--changed-since', 'HEAD'], { cwd: dir });
    expect(none.stdout).toBe('plan: no migration changed since HEAD\n');
    fs.writeFileSync(path.join(dir, 'db/migrations/003_index.up.sql'), 'CREATE INDEX users_email_idx ON users (email);\n');
    const run = await runCli(['plan', '--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    const plan = JSON.parse(run.stdout);
    expect(plan.sets[0].migrations.map((m: { version: string }) => m.version)).toEqual(['003']);
    expect(plan.sets[0].migrations[0].changes).toEqual([
      { action: 'create', kind: 'index', name: 'public.users_email_idx', detail: 'on public.users (email)', risk: 'builds while blocking writes to the table (use CREATE INDEX CONCURRENTLY)' },
    ]);
  });
});

// `migralint lock` and the history rules end to end: the built binary, real files, real git
// repositories in temporary directories.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

// Only the history rules: the verdicts here are theirs.
const CONFIG = { 'migralint.config.json': '{"rules": {"history/edited-migration": "error", "history/version-before-latest": "error"}}' };
const DIR = 'supabase/migrations';
const LOCKFILE = `${DIR}/migralint.lock`;
const USERS = `${DIR}/20240101000000_create_users.sql`;
const EMAIL = `${DIR}/20240102000000_add_email.sql`;
const INDEX = `${DIR}/20240103000000_add_index.sql`;
const HISTORY = {
  [USERS]: '-- 👤 users\nCREATE TABLE public.users (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  "résumé" text\n);\n',
  [EMAIL]: 'ALTER TABLE public.users ADD COLUMN email text;\n',
  [INDEX]: 'CREATE INDEX CONCURRENTLY users_email_idx ON public.users (email);\n',
};

function gitRepo(files: Record<string, string>): { dir: string; git: (...args: string[]) => string } {
  const dir = makeProject({ ...CONFIG, ...files });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'history');
  return { dir, git };
}

interface JsonMessage {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
  message: string;
}
/** `path ruleId/messageId line:column` for every finding of a JSON report. */
function findings(stdout: string): string[] {
  return (JSON.parse(stdout).files as Array<{ path: string; messages: JsonMessage[] }>).flatMap((f) =>
    f.messages.map((m) => `${f.path} ${m.ruleId}/${m.messageId} ${m.line}:${m.column}`),
  );
}
const messages = (stdout: string): string[] =>
  (JSON.parse(stdout).files as Array<{ messages: JsonMessage[] }>).flatMap((f) => f.messages.map((m) => m.message));

const write = (dir: string, file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
};

describe('migralint lock', () => {
  it('writes one lockfile per migration set, one line per file, and says so', async () => {
    const dir = makeProject({ ...CONFIG, ...HISTORY, 'db/migrations/001_a.up.sql': 'CREATE TABLE a (id int);\n', 'db/migrations/001_a.down.sql': 'DROP TABLE a;\n' });
    const run = await runCli(['lock'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote db/migrations/migralint.lock (2 migration files)\nwrote ${LOCKFILE} (3 migration files)\n`);
    const lock = JSON.parse(fs.readFileSync(path.join(dir, LOCKFILE), 'utf8'));
    expect(lock.lockfileVersion).toBe(1);
    expect(lock.layout).toBe('supabase');
    expect(lock.migrations.map((e: { path: string; version: string }) => `${e.path} ${e.version}`)).toEqual([
      '20240101000000_create_users.sql 20240101000000',
      '20240102000000_add_email.sql 20240102000000',
      '20240103000000_add_index.sql 20240103000000',
    ]);
    // Human-diffable: one migration per line.
    expect(fs.readFileSync(path.join(dir, LOCKFILE), 'utf8').split('\n').filter((l) => l.includes('"path"'))).toHaveLength(3);
    const golang = JSON.parse(fs.readFileSync(path.join(dir, 'db/migrations/migralint.lock'), 'utf8'));
    expect(golang.migrations.map((e: { path: string }) => e.path)).toEqual(['001_a.up.sql', '001_a.down.sql']);

    const again = await runCli(['lock', DIR], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`${LOCKFILE} is up to date (3 migration files)\n`);
    const check = await runCli(['lock', '--check'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('naming one file locks its whole set', async () => {
    const dir = makeProject({ ...CONFIG, ...HISTORY });
    const run = await runCli(['lock', EMAIL], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCKFILE), 'utf8')).migrations).toHaveLength(3);
  });

  it('an edited migration after `migralint lock`: the rule fires, and --check fails', async () => {
    const dir = makeProject({ ...CONFIG, ...HISTORY });
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--format', 'json'], { cwd: dir })).code).toBe(0);

    write(dir, EMAIL, 'ALTER TABLE public.users ADD COLUMN email citext;\n');
    const lint = await runCli(['--format', 'json'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(findings(lint.stdout)).toEqual([`${EMAIL} history/edited-migration/edited 1:1`]);
    expect(messages(lint.stdout)[0]).toMatch(new RegExp(`^Migration file "${EMAIL}" was edited since it was locked in ${LOCKFILE} \\(its SHA-256 is now [0-9a-f]{12}…, the lockfile has [0-9a-f]{12}…\\)`));

    const check = await runCli(['lock', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toBe(`${LOCKFILE} is out of date: 1 edited\n  edited    20240102000000_add_email.sql\n`);
    expect(check.stderr).toBe('migralint lock: 1 lockfile out of date; run `migralint lock` and commit the result\n');

    // Locking again accepts the edit, and says what it accepted.
    const relock = await runCli(['lock'], { cwd: dir });
    expect(relock.code).toBe(0);
    expect(relock.stdout).toContain(`wrote ${LOCKFILE} (3 migration files; 1 edited)`);
    expect(relock.stderr).toMatch(/now accepts 1 change to migrations it had recorded/);
    expect((await runCli(['--format', 'json'], { cwd: dir })).code).toBe(0);
  });

  it('with the lockfile in git, --changed-since names the changed line', async () => {
    const { dir, git } = gitRepo(HISTORY);
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    git('add', LOCKFILE);
    git('commit', '-qm', 'lock');
    write(dir, USERS, HISTORY[USERS]!.replace('"résumé" text', '"résumé" jsonb'));
    const run = await runCli(['--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([`${USERS} history/edited-migration/edited 4:1`]);
    expect(messages(run.stdout)[0]).toContain('(line 4 changed from `"résumé" text` to `"résumé" jsonb`)');
  });

  it('a migration inserted before the last locked one, and a removed one', async () => {
    const dir = makeProject({ ...CONFIG, ...HISTORY });
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    const late = `${DIR}/20240102120000_late.sql`;
    write(dir, late, 'ALTER TABLE public.users ADD COLUMN late int;\n');
    const run = await runCli(['--format', 'json'], { cwd: dir });
    expect(findings(run.stdout)).toEqual([`${late} history/edited-migration/inserted 1:1`, `${late} history/version-before-latest/beforeLatest 1:1`]);
    const check = await runCli(['lock', '--check'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('inserted  20240102120000_late.sql (before 20240103000000_add_index.sql)');

    fs.rmSync(path.join(dir, late));
    fs.rmSync(path.join(dir, EMAIL));
    const removed = await runCli(['--format', 'json'], { cwd: dir });
    expect(findings(removed.stdout)).toEqual([`${INDEX} history/edited-migration/removed 1:1`]);
    expect(messages(removed.stdout)[0]).toContain(`Migration file "${EMAIL}" was removed since it was locked in ${LOCKFILE}`);
  });

  it('a reordered history (sqitch plan) and a renamed migration', async () => {
    const plan = (...changes: string[]) => `%project=app\n\n${changes.map((c) => `${c} 2024-01-01T00:00:00Z Ann <ann@example.com> # ${c}`).join('\n')}\n`;
    const dir = makeProject({
      ...CONFIG,
      'db/sqitch.plan': plan('users', 'teams', 'members'),
      'db/deploy/users.sql': 'BEGIN;\nCREATE TABLE users (id bigint);\nCOMMIT;\n',
      'db/deploy/teams.sql': 'BEGIN;\nCREATE TABLE teams (id bigint);\nCOMMIT;\n',
      'db/deploy/members.sql': 'BEGIN;\nCREATE TABLE members (id bigint);\nCOMMIT;\n',
      ...HISTORY,
    });
    expect((await runCli(['lock', 'db', DIR], { cwd: dir })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'db/migralint.lock'))).toBe(true);
    write(dir, 'db/sqitch.plan', plan('users', 'members', 'teams'));
    fs.renameSync(path.join(dir, EMAIL), path.join(dir, `${DIR}/20240102000001_add_email.sql`));
    const run = await runCli(['db', DIR, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([
      'db/deploy/teams.sql history/edited-migration/reordered 1:1',
      `${DIR}/20240102000001_add_email.sql history/edited-migration/renamed 1:1`,
      // To the runner the renamed file is also a new version older than the newest applied one.
      `${DIR}/20240102000001_add_email.sql history/version-before-latest/beforeLatest 1:1`,
    ]);
    expect(messages(run.stdout)[0]).toContain('now runs after "db/deploy/members.sql", but db/migralint.lock has it running after "db/deploy/users.sql"');
  });

  it('two branches that each add a migration conflict in the lockfile; the rule says so until it is resolved', async () => {
    const { dir, git } = gitRepo(HISTORY);
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    git('add', '.');
    git('commit', '-qm', 'lock');
    git('checkout', '-qb', 'feature');
    write(dir, `${DIR}/20240104000000_feature.sql`, 'ALTER TABLE public.users ADD COLUMN feature int;\n');
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    git('add', '.');
    git('commit', '-qm', 'feature');
    git('checkout', '-q', 'main');
    write(dir, `${DIR}/20240105000000_hotfix.sql`, 'ALTER TABLE public.users ADD COLUMN hotfix int;\n');
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    git('add', '.');
    git('commit', '-qm', 'hotfix');

    const merge = spawnSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', 'merge', 'feature'], { cwd: dir, encoding: 'utf8' });
    expect(merge.status).toBe(1);
    expect(merge.stdout).toContain(`CONFLICT (content): Merge conflict in ${LOCKFILE}`);
    // Both migrations merged cleanly; the lockfile holds the conflict, at its end.
    const text = fs.readFileSync(path.join(dir, LOCKFILE), 'utf8');
    expect(text.indexOf('<<<<<<<')).toBeGreaterThan(text.indexOf('20240103000000_add_index.sql') - 120);

    const run = await runCli(['--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toContain(`${USERS} history/edited-migration/badLockfile 1:1`);
    expect(messages(run.stdout).join('\n')).toMatch(/migralint\.lock cannot be read, so edits of applied migrations go unnoticed: it has a merge conflict \(line \d+\)/);
    expect((await runCli(['lock', '--check'], { cwd: dir })).code).toBe(1);

    // The feature branch's migration is older than main's newest: it must be renamed, then locked.
    fs.renameSync(path.join(dir, `${DIR}/20240104000000_feature.sql`), path.join(dir, `${DIR}/20240106000000_feature.sql`));
    expect((await runCli(['lock'], { cwd: dir })).code).toBe(0);
    git('add', '-A');
    git('commit', '-qm', 'merge feature');
    expect((await runCli(['lock', '--check'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['--format', 'json'], { cwd: dir })).code).toBe(0);
  });
});

describe('--changed-since without a lockfile', () => {
  it('reports an edited old migration at its first changed line, and a deleted one', async () => {
    const { dir, git } = gitRepo(HISTORY);
    write(dir, `${DIR}/20240104000000_next.sql`, 'ALTER TABLE public.users ADD COLUMN next int;\n');
    git('add', '.');
    git('commit', '-qm', 'next');
    write(dir, EMAIL, 'ALTER TABLE public.users ADD COLUMN email text;\nALTER TABLE public.users ADD COLUMN "naïve" boolean;\n');
    const run = await runCli(['--changed-since', 'HEAD~1', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([`${EMAIL} history/edited-migration/edited 2:1`]);
    expect(messages(run.stdout)[0]).toContain(`was edited since HEAD~1 (1 line added at line 2: \`ALTER TABLE public.users ADD COLUMN "naïve" boolean;\`)`);

    // Without --changed-since and without a lockfile there is nothing to compare with.
    expect(findings((await runCli(['--format', 'json'], { cwd: dir })).stdout)).toEqual([]);

    git('checkout', '--', EMAIL);
    fs.rmSync(path.join(dir, USERS));
    const deleted = await runCli(['--changed-since', 'HEAD~1', '--format', 'json'], { cwd: dir });
    // Reported on a changed file of the set: only changed files are reported under --changed-since.
    expect(findings(deleted.stdout)).toEqual([`${DIR}/20240104000000_next.sql history/edited-migration/removed 1:1`]);
    expect(messages(deleted.stdout)[0]).toContain(`Migration file "${USERS}" was removed since HEAD~1`);
  });

  it('a new migration older than the newest one at REF', async () => {
    const { dir } = gitRepo(HISTORY);
    write(dir, `${DIR}/20240102120000_late.sql`, 'ALTER TABLE public.users ADD COLUMN late int;\n');
    const run = await runCli(['--changed-since', 'HEAD', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(findings(run.stdout)).toEqual([`${DIR}/20240102120000_late.sql history/version-before-latest/beforeLatest 1:1`]);
    expect(messages(run.stdout)[0]).toContain(`sorts before "${INDEX}" (version 20240103000000), which exists at HEAD`);
  });
});

describe('migralint lock usage', () => {
  it('an unknown option, a missing path: exit 2 with one line', async () => {
    const dir = makeProject({ ...CONFIG, ...HISTORY });
    const bogus = await runCli(['lock', '--bogus'], { cwd: dir });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe('migralint lock: Unknown option \'--bogus\' (see "migralint lock --help")\n');
    const missing = await runCli(['lock', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('migralint lock: no such file or directory: nowhere\n');
    const help = await runCli(['lock', '--help'], { cwd: dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: migralint lock \[options\] \[paths\.\.\.\]/);
    expect(fs.existsSync(path.join(dir, LOCKFILE))).toBe(false);
  });
});

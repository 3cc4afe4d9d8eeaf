// Changed-only reporting (issue 3): the whole history is analysed, only changed or named migrations
// are reported. Real git repositories in temporary directories.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

// These tests are about scoping, not verdicts: one rule on, so counts do not move as packs grow.
const ONE_RULE = { 'migralint.config.json': '{"rules": {"destructive/no-drop-table": "error"}}' };

function gitRepo(files: Record<string, string>): { dir: string; git: (...args: string[]) => string } {
  const dir = makeProject({ ...ONE_RULE, ...files });
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-qm', 'history');
  return { dir, git };
}

const reportedFiles = (stdout: string) =>
  (JSON.parse(stdout).files as Array<{ path: string; messages: unknown[] }>).map((f) => `${f.path} ${f.messages.length}`);

describe('--changed-since and --staged', () => {
  it('reports only migrations added or changed since REF, analysing the whole history', async () => {
    const { dir, git } = gitRepo({
      'db/migrations/001_init.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nDROP TABLE legacy;\n',
    });
    fs.writeFileSync(path.join(dir, 'db/migrations/002_cleanup.up.sql'), 'DROP TABLE old_things;\n');
    const run = await runCli(['--changed-since', 'HEAD', '--format', 'json', 'db/migrations'], { cwd: dir });
    expect(reportedFiles(run.stdout)).toEqual(['db/migrations/002_cleanup.up.sql 1']);
    expect(JSON.parse(run.stdout).stats.files).toBe(2);
    expect(run.code).toBe(1);

    git('add', '.');
    git('commit', '-qm', 'second');
    const clean = await runCli(['--changed-since', 'HEAD', '--format', 'json', 'db/migrations'], { cwd: dir });
    expect(reportedFiles(clean.stdout)).toEqual([]);
    expect(clean.code).toBe(0);
    // An edit to an old migration is a change too.
    fs.appendFileSync(path.join(dir, 'db/migrations/001_init.up.sql'), 'DROP TABLE more_legacy;\n');
    const edited = await runCli(['--changed-since', 'HEAD~1', '--format', 'json', 'db/migrations'], { cwd: dir });
    expect(reportedFiles(edited.stdout)).toEqual(['db/migrations/001_init.up.sql 2', 'db/migrations/002_cleanup.up.sql 1']);
  });

  it('--staged reports what the next commit holds', async () => {
    const { dir, git } = gitRepo({ 'migrations/001_init.sql': 'DROP TABLE legacy;\n' });
    fs.writeFileSync(path.join(dir, 'migrations/002_a.sql'), 'DROP TABLE a;\n');
    fs.writeFileSync(path.join(dir, 'migrations/003_b.sql'), 'DROP TABLE b;\n');
    git('add', 'migrations/003_b.sql');
    const run = await runCli(['--staged', '--format', 'json'], { cwd: dir });
    expect(reportedFiles(run.stdout)).toEqual(['migrations/003_b.sql 1']);
  });

  it('says so when the directory is not a git repository, or REF does not exist', async () => {
    const plain = makeProject({ ...ONE_RULE, 'migrations/1.sql': 'SELECT 1;\n' });
    const noGit = await runCli(['--changed-since', 'main', 'migrations'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
    expect(noGit.code).toBe(2);
    expect(noGit.stderr).toMatch(/^migralint: --changed-since needs a git repository, and .* is not inside one/);
    const { dir } = gitRepo({ 'migrations/1.sql': 'SELECT 1;\n' });
    const badRef = await runCli(['--changed-since', 'no-such-branch', 'migrations'], { cwd: dir });
    expect(badRef.code).toBe(2);
    expect(badRef.stderr).toMatch(/"no-such-branch" is not a commit, branch or tag/);
  });
});

describe('naming files', () => {
  it('lints a named file against its whole history but reports only it', async () => {
    const dir = makeProject({
      ...ONE_RULE,
      'db/migrations/001_init.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\nDROP TABLE legacy;\n',
      'db/migrations/002_next.up.sql': 'DROP TABLE old_things;\n',
    });
    const run = await runCli(['db/migrations/002_next.up.sql', '--format', 'json'], { cwd: dir });
    expect(reportedFiles(run.stdout)).toEqual(['db/migrations/002_next.up.sql 1']);
    expect(JSON.parse(run.stdout).stats.files).toBe(2);
  });

  it('takes the history from the file\'s folder, not from every .sql below it', async () => {
    const dir = makeProject({
      ...ONE_RULE,
      'scratch/fix.sql': 'DROP TABLE a;\n',
      'scratch/sibling.sql': 'SELECT 1;\n',
      // Deeper folders are other projects: their files (and configs) stay out of this run.
      'scratch/other/project/migrations/1.sql': 'DROP TABLE b;\n',
      'scratch/other/project/migralint.config.json': '{ not json',
    });
    const run = await runCli(['scratch/fix.sql', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).stats.files).toBe(2);
    expect(reportedFiles(run.stdout)).toEqual(['scratch/fix.sql 1']);
  });

  it('an editor buffer on stdin replaces its file and is linted in its history', async () => {
    const dir = makeProject({
      ...ONE_RULE,
      'db/migrations/001_init.up.sql': 'DROP TABLE legacy;\n',
      'db/migrations/002_next.up.sql': 'SELECT 1;\n',
    });
    const run = await runCli(['--stdin', '--stdin-filename', 'db/migrations/002_next.up.sql', '--format', 'json'], { cwd: dir, input: 'DROP TABLE edited;\n' });
    const report = JSON.parse(run.stdout);
    expect(reportedFiles(run.stdout)).toEqual(['db/migrations/002_next.up.sql 1']);
    expect(report.files[0].messages[0].message).toContain('"edited"');
    expect(report.stats.files).toBe(2);
  });
});

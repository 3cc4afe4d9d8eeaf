// The real pre-commit framework running our hook (.pre-commit-hooks.yaml) from this repository, the
// way a user's `pre-commit try-repo` / `pre-commit run` would: it clones the repo and runs the hook,
// the committed standalone/migralint.mjs (no install, no build), on a temporary git repository's
// migrations.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
if (!hasPreCommit) console.warn('pre-commit.test.ts: skipped — the `pre-commit` command is not installed (apt-get install pre-commit)');

describe.skipIf(!hasPreCommit)('pre-commit hook', () => {
  it('blocks a bad migration and passes a good one', { timeout: 600_000 }, () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-precommit-'));
    const project = path.join(work, 'project');
    fs.mkdirSync(path.join(project, 'db', 'migrations'), { recursive: true });
    fs.writeFileSync(path.join(project, 'db/migrations/001_bad.up.sql'), '-- old column\nALTER TABLE users DROP COLUMN legacy_flag;\n');
    fs.writeFileSync(path.join(project, 'db/migrations/002_good.up.sql'), 'CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: project, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    // Isolated pre-commit cache: the hook is cloned and bootstrapped from scratch, as on a new machine.
    const env = { ...process.env, PRE_COMMIT_HOME: path.join(work, 'pre-commit-cache'), NO_COLOR: '1' };
    const tryRepo = (file: string) =>
      spawnSync('pre-commit', ['try-repo', repoRoot, 'migralint', '--files', file], { cwd: project, env, encoding: 'utf8' });

    const started = Date.now();
    const bad = tryRepo('db/migrations/001_bad.up.sql');
    const firstRunMs = Date.now() - started;
    expect(bad.status, bad.stdout + bad.stderr).toBe(1);
    // The first run in a fresh cache is clone + run: nothing installed or built (issue #13: ≤ 30 s;
    // the old install-and-build bootstrap took 13–71 s).
    expect(firstRunMs).toBeLessThan(30_000);
    expect(bad.stdout).toMatch(/migralint\.+Failed/);
    expect(bad.stdout).toMatch(/2:31-2:42\s+error\s+Dropping column "legacy_flag"/);

    const good = tryRepo('db/migrations/002_good.up.sql');
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toMatch(/migralint\.+Passed/);
  });
});

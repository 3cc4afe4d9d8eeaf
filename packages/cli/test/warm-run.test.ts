// --cache replays a run whose inputs did not change (warm-run.ts): the same stdout, stderr and exit
// code, without linting or even reading the cache's results; and any change to what the output
// depends on (a migration edited or added, a config written or added, an argument) runs for real.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

/** The run entries in a cache directory. */
const runEntries = (cacheDir: string) => fs.readdirSync(cacheDir).filter((e) => e.startsWith('run-'));

/** The per-history results: a replay needs none of them. */
const removeResults = (cacheDir: string) => {
  for (const e of fs.readdirSync(cacheDir)) if (!e.startsWith('run-')) fs.rmSync(path.join(cacheDir, e));
};

/**
 * A project root (the config search stops there, not in the shared temp folder above) with its
 * cache folder made beforehand (making it changes the project folder, which a recorded run depends
 * on), once its files are older than 2 s: files changed more recently are not vouched for (they
 * could change again unseen).
 */
async function settledProject(files: Record<string, string>, cacheName: string): Promise<{ dir: string; cacheDir: string }> {
  const dir = makeProject({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
  const cacheDir = path.join(dir, cacheName);
  fs.mkdirSync(cacheDir);
  await sleep(2100);
  return { dir, cacheDir };
}

describe('--cache: replaying an unchanged run', () => {
  it('replays what the run wrote, and runs again when an input changes', { timeout: 60_000 }, async () => {
    const { dir, cacheDir } = await settledProject(
      {
        'app/migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, nickname varchar(50));\n',
        'app/migrations/002_widen.sql': 'ALTER TABLE accounts ALTER COLUMN nickname TYPE varchar(100);\nDROP TABLE old_accounts;\n',
        'jobs/migrations/001_jobs.sql': 'CREATE TABLE jobs (id bigint PRIMARY KEY);\n',
      },
      'cache',
    );
    const args = ['--cache', '--cache-location', cacheDir, 'app/migrations', 'jobs/migrations'];
    const uncached = () => runCli(args.slice(3), { cwd: dir });

    const cold = await runCli(args, { cwd: dir });
    expect(cold.code).toBe(1);
    expect(cold.stdout).toContain('no-drop-table');
    expect(runEntries(cacheDir)).toHaveLength(1);

    // Without the per-history results, only a replay can give the same output (and writes none).
    removeResults(cacheDir);
    const replayed = await runCli(args, { cwd: dir });
    expect(replayed).toEqual(cold);
    expect(fs.readdirSync(cacheDir)).toEqual(runEntries(cacheDir));
    // Other arguments are another run.
    const json = await runCli([...args, '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout).files).toHaveLength(3);

    // Each change below is seen: the output is the uncached run's.
    const changes: Array<[string, () => void]> = [
      ['a migration edited', () => fs.writeFileSync(path.join(dir, 'app/migrations/002_widen.sql'), 'DROP TABLE old_accounts;\n')],
      ['a migration added', () => fs.writeFileSync(path.join(dir, 'jobs/migrations/002_drop.sql'), 'DROP TABLE jobs;\n')],
      ['a config added in a parent folder', () => fs.writeFileSync(path.join(dir, 'migralint.config.json'), JSON.stringify({ rules: { 'destructive/no-drop-table': 'off' } }))],
      ['the config edited', () => fs.writeFileSync(path.join(dir, 'migralint.config.json'), JSON.stringify({ rules: { 'destructive/no-drop-table': 'warn' } }))],
    ];
    for (const [change, make] of changes) {
      await sleep(2100);
      const before = await runCli(args, { cwd: dir });
      removeResults(cacheDir);
      expect(await runCli(args, { cwd: dir }), change).toEqual(before);
      expect(fs.readdirSync(cacheDir), `${change}: replayed`).toEqual(runEntries(cacheDir));
      make();
      const after = await runCli(args, { cwd: dir });
      expect(after, change).toEqual(await uncached());
      expect(after.stdout, change).not.toEqual(before.stdout);
    }
  });

  it('with no path given, sees a history added anywhere below the cwd', { timeout: 60_000 }, async () => {
    const { dir, cacheDir } = await settledProject({ 'supabase/migrations/001_a.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n', 'docs/guide/README.md': '# guide\n' }, '.cache');
    const args = ['--cache', '--cache-location', '.cache'];
    const cold = await runCli(args, { cwd: dir });
    expect(runEntries(cacheDir)).toHaveLength(1);
    removeResults(cacheDir);
    expect(await runCli(args, { cwd: dir })).toEqual(cold);
    expect(fs.readdirSync(cacheDir)).toEqual(runEntries(cacheDir));

    // Two folders down in a folder no history is in.
    fs.mkdirSync(path.join(dir, 'docs/guide/migrations'));
    fs.writeFileSync(path.join(dir, 'docs/guide/migrations/001_b.sql'), 'DROP TABLE b;\n');
    const after = await runCli(args, { cwd: dir });
    expect(after).toEqual(await runCli([], { cwd: dir }));
    expect(after.stdout).toContain('no-drop-table');
  });

  it('records nothing for a run it could not replay faithfully', { timeout: 60_000 }, async () => {
    const { dir, cacheDir } = await settledProject(
      {
        'db/migrations/001_a.sql': 'CREATE TABLE a (id bigint PRIMARY KEY);\n',
        // A JS config is code: it may read anything.
        'migralint.config.mjs': 'export default { rules: {} };\n',
      },
      'cache',
    );
    const lint = (...args: string[]) => runCli(['--cache', '--cache-location', cacheDir, ...args], { cwd: dir });
    await lint('db/migrations');
    expect(runEntries(cacheDir)).toHaveLength(0);

    fs.rmSync(path.join(dir, 'migralint.config.mjs'));
    await sleep(2100);
    // A glob, a code-host format (GitHub's also writes the job summary), the content strategy.
    await lint('db/migrations/*.sql');
    await lint('--format', 'github', 'db/migrations');
    await lint('--cache-strategy', 'content', 'db/migrations');
    expect(runEntries(cacheDir)).toHaveLength(0);
    // The same run otherwise is recorded.
    await lint('db/migrations');
    expect(runEntries(cacheDir)).toHaveLength(1);
  });
});

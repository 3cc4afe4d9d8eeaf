// --cache: a warm run reports exactly what a cold run reports; an edit recomputes the history it is
// in (a later migration's finding that depends on it changes), the other histories are reused; and
// nothing is written without --cache.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli, snapshotTree } from './run-cli.js';

beforeAll(assertBuilt);

function twoHistories(): string {
  return makeProject({
    // 002 widens a column 001 created: a binary-compatible change, until 001 makes it an integer.
    'app/migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, nickname varchar(50));\n',
    'app/migrations/002_widen.sql': 'ALTER TABLE accounts ALTER COLUMN nickname TYPE varchar(100);\nDROP TABLE old_accounts;\n',
    'jobs/migrations/001_jobs.sql': 'CREATE TABLE jobs (id bigint PRIMARY KEY);\nCREATE INDEX jobs_id ON jobs (id);\n',
  });
}

/** The result entries of a cache directory (not the file stamps of the metadata strategy, nor the runs of warm-run.ts). */
const entriesOf = (cacheDir: string) => fs.readdirSync(cacheDir).filter((e) => e !== 'files.json' && !e.startsWith('run-')).sort();

const report = (stdout: string) => {
  const parsed = JSON.parse(stdout);
  delete parsed.stats.durationMs;
  return parsed;
};
const findings = (stdout: string) =>
  JSON.parse(stdout).files.flatMap((f: { path: string; messages: Array<{ ruleId: string }> }) => f.messages.map((m) => `${f.path} ${m.ruleId}`));

describe('--cache', () => {
  it('gives the cold run’s findings when warm, and recomputes what an edit affects', async () => {
    const dir = twoHistories();
    const cacheDir = path.join(dir, 'cache');
    const args = ['--cache', '--cache-location', cacheDir, '--format', 'json', 'app/migrations', 'jobs/migrations'];
    const cold = await runCli(args, { cwd: dir });
    const entries = entriesOf(cacheDir);
    expect(entries).toHaveLength(2); // one per history
    const warm = await runCli(args, { cwd: dir });
    expect(warm.code).toBe(cold.code);
    expect(report(warm.stdout)).toEqual(report(cold.stdout));
    // The warm run used the entries: it wrote none.
    expect(entriesOf(cacheDir)).toEqual(entries);

    // 001 now creates an integer column: 002's type change rewrites the table.
    expect(findings(cold.stdout)).not.toContain('app/migrations/002_widen.sql destructive/no-column-type-change');
    fs.writeFileSync(path.join(dir, 'app/migrations/001_accounts.sql'), 'CREATE TABLE accounts (id bigint PRIMARY KEY, nickname int);\n');
    const edited = await runCli(args, { cwd: dir });
    const uncached = await runCli(args.slice(3), { cwd: dir });
    expect(report(edited.stdout)).toEqual(report(uncached.stdout));
    expect(findings(edited.stdout)).toContain('app/migrations/002_widen.sql destructive/no-column-type-change');
    // Only the edited history got a new entry; the other one was reused.
    const after = entriesOf(cacheDir);
    expect(after).toHaveLength(3);
    expect(after.filter((e) => !entries.includes(e))).toHaveLength(1);
  });

  it('keys on the config: a rule turned off is not served from the cache', async () => {
    const dir = twoHistories();
    const args = ['--cache', '--format', 'json', 'app/migrations'];
    const before = await runCli(args, { cwd: dir });
    expect(findings(before.stdout)).toContain('app/migrations/002_widen.sql destructive/no-drop-table');
    fs.writeFileSync(path.join(dir, 'migralint.config.json'), JSON.stringify({ rules: { 'destructive/no-drop-table': 'off' } }));
    const after = await runCli(args, { cwd: dir });
    expect(findings(after.stdout)).not.toContain('app/migrations/002_widen.sql destructive/no-drop-table');
    // The default location.
    expect(entriesOf(path.join(dir, 'node_modules/.cache/migralint')).length).toBe(2);
  });

  it('metadata strategy (the default): trusts the stamps of unchanged files, and hashes a file whose stamp changed', async () => {
    const dir = twoHistories();
    const cacheDir = path.join(dir, 'cache');
    const args = ['--cache', '--cache-location', cacheDir, '--format', 'json', 'app/migrations'];
    const first = path.join(dir, 'app/migrations/001_accounts.sql');
    const past = new Date(Date.now() - 60_000);
    // Files written just now are not stamped (they could change again within the clock's tick).
    for (const f of ['001_accounts.sql', '002_widen.sql']) fs.utimesSync(path.join(dir, 'app/migrations', f), past, past);
    const cold = await runCli(args, { cwd: dir });
    const stampsFile = path.join(cacheDir, 'files.json');
    const stamps = JSON.parse(fs.readFileSync(stampsFile, 'utf8')) as Record<string, unknown[]>;
    expect(Object.keys(stamps).sort()).toEqual([first, path.join(dir, 'app/migrations/002_widen.sql')].sort());

    // The stamp is trusted without reading the file: a recorded hash that is not the file's makes
    // the history's key new (a miss, one more entry); `content` reads the file and reuses the entry.
    stamps[first]![4] = 'not-the-hash';
    fs.writeFileSync(stampsFile, JSON.stringify(stamps));
    const byContent = await runCli([...args.slice(0, 3), '--cache-strategy', 'content', ...args.slice(3)], { cwd: dir });
    expect(report(byContent.stdout)).toEqual(report(cold.stdout));
    expect(entriesOf(cacheDir)).toHaveLength(1);
    await runCli(args, { cwd: dir });
    expect(entriesOf(cacheDir)).toHaveLength(2);

    // Touched, not changed: hashed again, same key, the entry is reused and the stamp renewed.
    const later = new Date(Date.now() - 30_000);
    fs.utimesSync(first, later, later);
    const touched = await runCli(args, { cwd: dir });
    expect(report(touched.stdout)).toEqual(report(cold.stdout));
    expect(entriesOf(cacheDir)).toHaveLength(2);
    expect((JSON.parse(fs.readFileSync(stampsFile, 'utf8')) as Record<string, unknown[]>)[first]![4]).not.toBe('not-the-hash');

    // An edit of the same size, its time set back to the stamp's: the change time still differs.
    fs.writeFileSync(first, 'CREATE TABLE accounts (id bigint PRIMARY KEY, nickname int        );\n'.slice(0, fs.statSync(first).size - 1) + '\n');
    fs.utimesSync(first, later, later);
    const edited = await runCli(args, { cwd: dir });
    expect(findings(edited.stdout)).toContain('app/migrations/002_widen.sql destructive/no-column-type-change');
  });

  it('writes nothing without --cache, and checks its options', async () => {
    const dir = twoHistories();
    const before = snapshotTree(dir);
    expect((await runCli(['app/migrations'], { cwd: dir })).code).toBe(1);
    expect(snapshotTree(dir)).toEqual(before);
    const strategy = await runCli(['--cache', '--cache-strategy', 'mtime', 'app/migrations'], { cwd: dir });
    expect(strategy.code).toBe(2);
    expect(strategy.stderr).toContain('--cache-strategy "mtime" is not supported');
    const location = await runCli(['--cache-location', 'x', 'app/migrations'], { cwd: dir });
    expect(location.code).toBe(2);
    expect(location.stderr).toContain('--cache-location and --cache-strategy need --cache');
  });

  it('says once that it cannot write the cache, and still reports', async () => {
    const dir = twoHistories();
    fs.writeFileSync(path.join(dir, 'blocker'), 'a file where the cache directory should be');
    const run = await runCli(['--cache', '--cache-location', 'blocker/cache', 'app/migrations', 'jobs/migrations'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.match(/cannot write the cache in .*blocker/g)).toHaveLength(1);
    expect(run.stdout).toContain('no-drop-table');
  });
});

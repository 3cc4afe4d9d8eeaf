// SARIF from a subdirectory of a monorepo: `cd services/db && migralint --format sarif` must still name
// files relative to the repository root, so GitHub code scanning can place every result.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, repoRoot, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const validator = path.resolve(repoRoot, '../shared/tools/sarif-validate');

/** A monorepo under git: two services with their own migrations and a root config. */
function monorepo(): string {
  const dir = makeProject({
    'migralint.config.json': '{ "extends": "recommended" }\n',
    'services/db/migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n',
    'services/db/migrations/002_drop email.sql': 'ALTER TABLE accounts DROP COLUMN email;\n',
    'services/billing/migrations/001_invoices.sql': 'CREATE TABLE invoices (id bigint PRIMARY KEY);\n',
    'services/billing/migrations/002_drop.sql': 'DROP TABLE invoices;\n',
  });
  execFileSync('git', ['init', '-q', dir]);
  return fs.realpathSync(dir);
}

type Log = { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }> }> }> };

describe('SARIF relative to the repository root', () => {
  it('from a subdirectory, names every file relative to the git work tree, also files outside the cwd', async () => {
    const root = monorepo();
    const cwd = path.join(root, 'services/db');
    const run = await runCli(['migrations', '../billing/migrations', '--format', 'sarif=out/migralint.sarif'], { cwd });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const file = path.join(cwd, 'out/migralint.sarif');
    const log: Log = JSON.parse(fs.readFileSync(file, 'utf8'));
    const [sarifRun] = log.runs;
    expect(sarifRun!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${root}/`);
    const locations = sarifRun!.results.filter((r) => r.ruleId.startsWith('destructive/')).map((r) => `${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uriBaseId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}`);
    expect(locations).toEqual([
      'destructive/no-drop-table %SRCROOT% services/billing/migrations/002_drop.sql',
      'destructive/no-drop-column %SRCROOT% services/db/migrations/002_drop%20email.sql',
    ]);
    // Only relative URIs: nothing absolute for GitHub to fail to place.
    const artifacts = sarifRun!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(artifacts.filter((a) => a.uriBaseId !== '%SRCROOT%' || /^[a-z]+:/.test(a.uri))).toEqual([]);

    if (!fs.existsSync(validator)) {
      console.warn(`skipped the SARIF Multitool check: ${validator} is absent (it ships with the shared tools, not the repository)`);
      return;
    }
    const { stdout } = await promisify(execFile)(validator, ['--strict', file], { timeout: 590_000 }).catch((error) => {
      throw new Error(`sarif-validate failed (exit ${error.code}):\n${error.stdout}${error.stderr}`);
    });
    expect(stdout.trim()).toBe(`${file}: 0 errors, 0 warnings`);
  });

  it('without git, --sarif-root names the root; with neither, the cwd is the root', async () => {
    const dir = fs.realpathSync(makeProject({ 'app/migrations/001_drop.sql': 'DROP TABLE t;\n' }));
    const cwd = path.join(dir, 'app');
    const uriOf = async (args: string[]) => {
      const run = await runCli(['migrations', '--format', 'sarif', ...args], { cwd, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
      const log: Log = JSON.parse(run.stdout);
      return [log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri, log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri];
    };
    expect(await uriOf(['--sarif-root', '..'])).toEqual([`file://${dir}/`, 'app/migrations/001_drop.sql']);
    expect(await uriOf([])).toEqual([`file://${cwd}/`, 'migrations/001_drop.sql']);

    const bad = await runCli(['migrations', '--format', 'sarif', '--sarif-root', 'nowhere'], { cwd });
    expect(bad.stderr).toBe('migralint: --sarif-root nowhere: not a directory (give the repository\'s root directory)\nRun "migralint --help" for usage.\n');
    expect(bad.code).toBe(2);
  });
});

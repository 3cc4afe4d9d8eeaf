// `--format` resolves reporters like plugins: a built-in name, or a package installed in the
// project (fixtures/org-reporter stands for one published as @acme/migralint-reporter-compact).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, repoRoot, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const migrations = {
  'migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY);\n',
  'migrations/002_drop.sql': 'DROP TABLE accounts;\n',
};

function projectWithReporter(): string {
  const dir = makeProject(migrations);
  fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'fixtures/org-reporter'), path.join(dir, 'node_modules/@acme/migralint-reporter-compact'), 'dir');
  return dir;
}

describe('--format with an installed reporter package', () => {
  it('loads it from the project and prints its report, next to a built-in one written to a file', async () => {
    const dir = projectWithReporter();
    const run = await runCli(['migrations', '--format', '@acme/migralint-reporter-compact', '--format', 'json=out.json'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^migrations\/002_drop\.sql:1:12 error destructive\/no-drop-table /m);
    expect(run.stdout).toMatch(/^acme: 1 errors, 0 warnings$/m);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).errorCount).toBe(1);
    expect(run.code).toBe(1);
  });

  it('takes a reporter file by path', async () => {
    const dir = makeProject(migrations);
    const run = await runCli(['migrations', '--format', `${path.join(repoRoot, 'fixtures/org-reporter/index.js')}=report.txt`], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8')).toMatch(/destructive\/no-drop-table/);
  });

  it('says how to install a reporter that is missing', async () => {
    const dir = makeProject(migrations);
    const run = await runCli(['migrations', '--format', 'migralint-reporter-nope'], { cwd: dir });
    expect(run.stderr).toBe(`migralint: --format migralint-reporter-nope: cannot find reporter "migralint-reporter-nope" from ${dir}; install it in the project (npm install --save-dev migralint-reporter-nope)\nRun "migralint --help" for usage.\n`);
    expect(run.code).toBe(2);
  });

  it('names a package that is not a reporter', async () => {
    const dir = makeProject({ ...migrations, 'node_modules/migralint-reporter-bad/package.json': '{"name":"migralint-reporter-bad","type":"module","main":"index.js"}', 'node_modules/migralint-reporter-bad/index.js': 'export default { name: "bad" };\n' });
    const run = await runCli(['migrations', '--format', 'migralint-reporter-bad'], { cwd: dir });
    expect(run.stderr).toMatch(/^migralint: --format migralint-reporter-bad: "migralint-reporter-bad" is not a migralint reporter: it has no "format" function/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });

  it('rejects a name that is neither built in nor a reporter package', async () => {
    const run = await runCli(['--format', 'xml', 'x.sql']);
    expect(run.stderr).toMatch(/unknown format "xml"; use one of: terminal, json, sarif.*, or a reporter package \(migralint-reporter-NAME/);
    expect(run.code).toBe(2);
  });
});

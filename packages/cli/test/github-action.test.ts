// The GitHub Action, run the way the runner runs it: `node action/main.mjs` with INPUT_* variables, a
// pull_request payload in $GITHUB_EVENT_PATH, $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY files, in a git
// checkout whose base commit is the pull request's base. MIGRALINT_BIN points the action at the
// built CLI instead of the committed standalone bundle.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, bin, makeProject, repoRoot } from './run-cli.js';

beforeAll(assertBuilt);

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();

/**
 * A repository whose base commit already has a migration with an error (so reporting only the pull
 * request's files is visible), and a head commit adding one error and one warning.
 */
function pullRequestCheckout(): { dir: string; base: string } {
  const dir = fs.realpathSync(
    makeProject({
      'db/migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text, legacy text);\n',
      'db/migrations/002_old.sql': 'ALTER TABLE accounts DROP COLUMN legacy;\n',
    }),
  );
  git(dir, 'init', '-q');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  fs.writeFileSync(path.join(dir, 'db/migrations/003_drop_email.sql'), 'ALTER TABLE accounts DROP COLUMN email;\nCREATE INDEX accounts_id ON accounts (id);\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'head');
  return { dir, base };
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

function runAction(dir: string, base: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): ActionRun {
  const runnerDir = fs.mkdtempSync(path.join(dir, '..', 'runner-'));
  const event = path.join(runnerDir, 'event.json');
  fs.writeFileSync(event, JSON.stringify({ action: 'synchronize', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature', sha: git(dir, 'rev-parse', 'HEAD') } } }));
  const outputFile = path.join(runnerDir, 'output');
  const summaryFile = path.join(runnerDir, 'summary.md');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: runnerDir,
    MIGRALINT_BIN: bin,
    ...extraEnv,
  };
  // The runner sets every declared input, with its default when the workflow gives none.
  const defaults = { paths: '', config: '', 'changed-since': '', 'sarif-file': 'migralint.sarif', 'fail-on': 'error', verify: 'false' };
  for (const [name, value] of Object.entries({ ...defaults, ...inputs })) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawnSync(process.execPath, [path.join(repoRoot, 'action/main.mjs')], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr, outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')), summary: fs.readFileSync(summaryFile, 'utf8') };
}

/** $GITHUB_OUTPUT's `name<<DELIMITER … DELIMITER` blocks, as the runner reads them. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!;
  return outputs;
}

describe('action.yml', () => {
  it('is valid against SchemaStore\'s github-action schema, with node24 and the documented inputs and outputs', () => {
    const action = yaml.load(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { runs: { using: string; main: string }; inputs: object; outputs: object };
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'packages/cli/test/github-action.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
    expect(validate(action) ? [] : validate.errors).toEqual([]);
    expect(action.runs).toEqual({ using: 'node24', main: 'action/main.mjs' });
    expect(Object.keys(action.inputs)).toEqual(['paths', 'config', 'changed-since', 'sarif-file', 'fail-on', 'verify']);
    expect(Object.keys(action.outputs)).toEqual(['errors', 'warnings', 'sarif-file']);
  });

  it('its entry imports node built-ins only (nothing to install on the runner)', () => {
    for (const file of fs.readdirSync(path.join(repoRoot, 'action')).filter((f) => f.endsWith('.mjs'))) {
      const imports = [...fs.readFileSync(path.join(repoRoot, 'action', file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      expect(imports.filter((spec) => !spec.startsWith('node:') && !spec.startsWith('./')), file).toEqual([]);
    }
  });
});

describe('the action on a pull request', () => {
  it('annotates only the pull request\'s migrations, writes summary, SARIF and outputs, and fails on errors', () => {
    const { dir, base } = pullRequestCheckout();
    const run = runAction(dir, base, { paths: 'db/migrations' });
    const annotations = run.stdout.split('\n').filter((l) => /^::(error|warning|notice) file=/.test(l));
    expect(annotations.map((l) => l.slice(0, l.indexOf('::', 2)))).toEqual([
      '::error file=db/migrations/003_drop_email.sql,line=1,endLine=1,col=34,endColumn=39,title=migralint destructive/no-drop-column',
      '::warning file=db/migrations/003_drop_email.sql,line=2,endLine=2,col=1,endColumn=13,title=migralint concurrently/require-concurrent-index-creation',
    ]);
    expect(annotations.join('\n')).not.toContain('002_old.sql');
    expect(run.summary).toMatch(/^## migralint: 1 error, 1 warning in 1 file\n/);
    expect(run.summary).toContain('### Errors\n\n- `db/migrations/003_drop_email.sql:1:');
    expect(run.outputs).toEqual({ errors: '1', warnings: '1', 'sarif-file': 'migralint.sarif' });
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'migralint.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('db/migrations/003_drop_email.sql');
    expect(run.stdout).toMatch(/^migralint: 1 error, 1 warning \(fail-on: error\)$/m);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('fail-on never passes with findings; an explicit changed-since wins over the event', () => {
    const { dir, base } = pullRequestCheckout();
    const first = git(dir, 'rev-list', '--max-parents=0', 'HEAD');
    const never = runAction(dir, base, { paths: 'db/migrations', 'fail-on': 'never', 'sarif-file': '' });
    expect(never.code).toBe(0);
    expect(never.outputs['sarif-file']).toBe('');
    expect(fs.existsSync(path.join(dir, 'migralint.sarif'))).toBe(false);

    // Against the base itself nothing changed: no findings at all.
    const same = runAction(dir, base, { paths: 'db/migrations', 'changed-since': git(dir, 'rev-parse', 'HEAD') });
    expect(same.outputs.errors).toBe('0');
    expect(same.code).toBe(0);
    expect(first).toBe(base);
  });

  it('fail-on warning fails on warnings alone', () => {
    const { dir, base } = pullRequestCheckout();
    fs.writeFileSync(path.join(dir, 'db/migrations/003_drop_email.sql'), 'CREATE INDEX accounts_email ON accounts (email);\n');
    git(dir, 'commit', '-qam', 'only a warning');
    const errorOnly = runAction(dir, base, { paths: 'db/migrations' });
    expect(errorOnly.outputs.errors).toBe('0');
    expect(Number(errorOnly.outputs.warnings)).toBeGreaterThan(0);
    expect(errorOnly.code).toBe(0);
    expect(runAction(dir, base, { paths: 'db/migrations', 'fail-on': 'warning' }).code).toBe(1);
  });

  it('says what is wrong with a bad input, and with a missing CLI, as an error annotation', () => {
    const { dir, base } = pullRequestCheckout();
    const bad = runAction(dir, base, { 'fail-on': 'sometimes' });
    expect(bad.stdout).toBe('::error title=migralint::fail-on: "sometimes" is not one of error, warning, never\n');
    expect(bad.code).toBe(2);
    const missing = runAction(dir, base, {}, { MIGRALINT_BIN: path.join(dir, 'nope.mjs') });
    expect(missing.stdout).toMatch(/^::error title=migralint::the migralint CLI is missing at .*nope\.mjs/);
    expect(missing.code).toBe(2);
  });

  it('a base commit that cannot be fetched warns and lints everything', () => {
    const { dir } = pullRequestCheckout();
    const run = runAction(dir, 'f'.repeat(40), { paths: 'db/migrations' });
    expect(run.stdout).toMatch(/^::warning title=migralint::changed-since: commit f{40} is not in the checkout/m);
    expect(run.outputs.errors).toBe('2');
    expect(run.code).toBe(1);
  });

  it('verify: true also applies the history on PGlite, in its own log group, and annotates and adds its findings', () => {
    const { dir, base } = pullRequestCheckout();
    // A statement PostgreSQL rejects: only verify can know the column does not exist.
    fs.writeFileSync(path.join(dir, 'db/migrations/004_typo.sql'), 'ALTER TABLE accounts ADD CONSTRAINT e CHECK (emial <> \'\');\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'typo');
    const run = runAction(dir, base, { paths: 'db/migrations', verify: 'true', 'fail-on': 'never' });
    expect(run.stdout).toMatch(/::group::migralint verify\n[\s\S]*emial[\s\S]*::endgroup::/);
    // The rejected statement is an annotation on its own line of the file, not only log text.
    expect(run.stdout).toMatch(/^::error file=db\/migrations\/004_typo\.sql,line=1,[^\n]*emial/m);
    expect(Number(run.outputs.errors)).toBeGreaterThan(1);
    expect(run.code).toBe(0);
  });
});

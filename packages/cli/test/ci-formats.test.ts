// `--format github` and `--format gitlab` through the CLI, from a subdirectory of a git repository:
// paths are the repository's, and the job summary goes where the runner says.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

function repo(): string {
  const dir = fs.realpathSync(
    makeProject({
      'db/migrations/001_accounts.sql': 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n',
      'db/migrations/002_drop.sql': 'ALTER TABLE accounts DROP COLUMN email;\n',
    }),
  );
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

describe('CI formats through the CLI', () => {
  it('github: annotations on stdout with repository paths, the summary in $GITHUB_STEP_SUMMARY', async () => {
    const dir = repo();
    const summary = path.join(dir, 'summary.md');
    const run = await runCli(['migrations', '--format', 'github'], { cwd: path.join(dir, 'db'), env: { GITHUB_STEP_SUMMARY: summary } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=db\/migrations\/002_drop\.sql,line=1,endLine=1,col=\d+,endColumn=\d+,title=migralint destructive\/no-drop-column::/m);
    expect(fs.readFileSync(summary, 'utf8')).toMatch(/^## migralint: 1 error, \d+ warnings?(, \d+ infos?)? in 2 files\n[\s\S]*### Errors\n\n- `db\/migrations\/002_drop\.sql:1:\d+` \[`destructive\/no-drop-column`\]\(https:\/\/[^)]+no-drop-column\.md\): /);
  });

  it('gitlab: a Code Quality file with repository paths', async () => {
    const dir = repo();
    const run = await runCli(['migrations', '--format', 'gitlab=gl-code-quality-report.json'], { cwd: path.join(dir, 'db') });
    expect(run.stderr).toBe('');
    const issues = JSON.parse(fs.readFileSync(path.join(dir, 'db/gl-code-quality-report.json'), 'utf8'));
    expect(issues).toContainEqual(expect.objectContaining({ check_name: 'destructive/no-drop-column', severity: 'major', location: { path: 'db/migrations/002_drop.sql', lines: { begin: 1, end: 1 } } }));
  });
});

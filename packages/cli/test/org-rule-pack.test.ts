// An organisation's rule pack, installed in a project's node_modules and named in its config's
// `plugins`, exactly as a user would: the example pack in fixtures/org-rule-pack.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, repoRoot, runCli } from './run-cli.js';

beforeAll(assertBuilt);

describe('an organisation rule pack loaded through "plugins"', () => {
  it('runs its rules next to the built-in ones, with options from the config', async () => {
    const dir = makeProject({
      // The org's rule next to one built-in rule: the test is about loading, not about every pack.
      'migralint.config.yaml': 'plugins: ["@acme/migralint-rules"]\nrules:\n  destructive/no-drop-table: error\n  acme/require-table-comment: [warn, {minLength: 10}]\n',
      'migrations/001_accounts.sql': "CREATE TABLE accounts (id bigint PRIMARY KEY);\nCOMMENT ON TABLE accounts IS 'Customer accounts, one per signed-up organisation';\n",
      'migrations/002_sessions.sql': 'CREATE TABLE sessions (id bigint PRIMARY KEY);\nDROP TABLE old_sessions;\n',
    });
    // `npm install @acme/migralint-rules` puts the package here; a symlink stands in for the registry.
    fs.mkdirSync(path.join(dir, 'node_modules/@acme'), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, 'fixtures/org-rule-pack'), path.join(dir, 'node_modules/@acme/migralint-rules'), 'dir');

    const run = await runCli(['migrations', '--format', 'json'], { cwd: dir });
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout);
    const found = report.files.flatMap((f: { path: string; messages: Array<{ ruleId: string; severity: string; line: number }> }) =>
      f.messages.map((m) => `${f.path}:${m.line} ${m.severity} ${m.ruleId}`),
    );
    expect(found).toEqual([
      'migrations/002_sessions.sql:1 warning acme/require-table-comment',
      'migrations/002_sessions.sql:2 error destructive/no-drop-table',
    ]);
    expect(report.rules['acme/require-table-comment']).toMatchObject({ url: expect.stringContaining('acme') });
    expect(run.code).toBe(1);

    const rules = JSON.parse((await runCli(['rules', '--format', 'json'], { cwd: dir })).stdout);
    expect(rules.find((r: { id: string }) => r.id === 'acme/require-table-comment')).toMatchObject({ severity: 'warning' });
  });
});

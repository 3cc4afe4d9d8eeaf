// A rule that never returns is stopped by the worker pool's watchdog: reported as a rule error that
// names the rule and the file, the other findings still reported, exit 2 (#17 item 5).
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const meta = (description: string) =>
  `{ type: 'problem', docs: { description: '${description}', url: 'https://example.test/loop' }, defaultSeverity: 'error', recommended: false, messages: { x: 'x' } }`;

// A plugin whose rules spin forever: one on DROP TABLE statements, one in its project phase.
const plugin = `export default {
  name: 'loop',
  rules: {
    'on-drop': { meta: ${meta('spins on DROP TABLE')}, create() { return { DropStmt() { for (;;) {} } }; } },
    'in-project': { meta: ${meta('spins in the project phase')}, project() { for (;;) {} } },
  },
};
`;

function project(rules: string): string {
  return makeProject({
    'loop-plugin.mjs': plugin,
    'migralint.config.json': JSON.stringify({ plugins: ['./loop-plugin.mjs'], rules: { 'destructive/no-drop-table': 'error', ...JSON.parse(rules) } }),
    'migrations/001_a.sql': 'CREATE TABLE a (id int);\n',
    'migrations/002_b.sql': 'DROP TABLE a;\n',
    'migrations/003_c.sql': 'DROP TABLE b;\n',
  });
}

describe('--rule-timeout', () => {
  it('stops a rule call that never returns, names the rule and file, and reports the rest', async () => {
    const dir = project('{"loop/on-drop": "error"}');
    const run = await runCli(['--rule-timeout', '1', '--format', 'json', 'migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout);
    const stopped = report.notifications.map((n: { message: string }) => n.message);
    expect(stopped).toEqual([
      expect.stringMatching(/^Rule loop\/on-drop ran longer than 1 s on migrations\/002_b\.sql and was stopped\./),
      expect.stringMatching(/^Rule loop\/on-drop ran longer than 1 s on migrations\/003_c\.sql and was stopped\./),
    ]);
    // Every other rule still ran on both files.
    const found = report.files.flatMap((f: { path: string; messages: Array<{ ruleId: string }> }) => f.messages.map((m) => `${f.path} ${m.ruleId}`));
    expect(found).toContain('migrations/002_b.sql destructive/no-drop-table');
    expect(found).toContain('migrations/003_c.sql destructive/no-drop-table');
  });

  it('stops a project hook that never returns', async () => {
    const dir = project('{"loop/in-project": "error"}');
    const run = await runCli(['--rule-timeout', '0.5', 'migrations'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Rule loop/in-project ran longer than 0.5 s in its project phase and was stopped.');
    expect(run.stdout).toContain('destructive/no-drop-table');
  });

  it('rejects a limit that is not a positive number of seconds', async () => {
    const run = await runCli(['--rule-timeout', 'soon', 'migrations'], { cwd: project('{}') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--rule-timeout takes a number of seconds > 0, got "soon"');
  });
});

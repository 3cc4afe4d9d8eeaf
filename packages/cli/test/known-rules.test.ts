// A directive may name any rule that exists, even one this run does not load: a rule of a built-in
// pack the config does not enable (a run loads only the packs its config uses), or a rule only
// `migralint verify` reports. Plain lint must neither call it unknown nor unused, and a typo in
// such a name still gets the "did you mean".
import { describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

assertBuilt();

const reason = ' -- the table is made by hand in production';

describe('directives naming rules this run does not load', () => {
  it('a verify rule: quiet in plain lint, and it still suppresses in verify', async () => {
    const dir = makeProject({
      'supabase/migrations/20240101000000_a.sql': `-- migralint-disable-next-statement verify/statement-failed${reason}\nALTER TABLE made_by_hand ADD COLUMN y int;\n`,
      'migralint.config.json': JSON.stringify({ extends: ['recommended'], rules: { 'migralint/unused-directive': 'warn' } }),
    });
    const lint = await runCli(['--format', 'json', 'supabase/migrations'], { cwd: dir });
    const messages = JSON.parse(lint.stdout).files.flatMap((f: { messages: Array<{ ruleId: string }> }) => f.messages);
    expect(messages.map((m: { ruleId: string }) => m.ruleId)).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it('a rule of a built-in pack the config does not load: known, not unused; a typo in it is still unknown, with the right guess', async () => {
    const dir = makeProject({
      'db/migrations/001_a.up.sql': `-- migralint-disable-next-statement locking/require-lock-timeout${reason}\nALTER TABLE t DROP COLUMN a;\n`,
      'db/migrations/001_a.down.sql': 'ALTER TABLE t ADD COLUMN a int;\n',
      'db/migrations/002_b.up.sql': `-- migralint-disable-next-statement locking/require-lock-timeot${reason}\nALTER TABLE t DROP COLUMN b;\n`,
      'db/migrations/002_b.down.sql': 'ALTER TABLE t ADD COLUMN b int;\n',
      // No preset: only the destructive pack is loaded.
      'migralint.config.json': JSON.stringify({ rules: { 'destructive/no-drop-column': 'error', 'migralint/unused-directive': 'warn' } }),
    });
    const run = await runCli(['db/migrations'], { cwd: dir });
    expect(run.stdout).not.toMatch(/001_a\.up\.sql\n[^\n]*(invalid-directive|unused-directive)/);
    expect(run.stdout).toMatch(/Directive names unknown rule "locking\/require-lock-timeot" \(did you mean "locking\/require-lock-timeout"\?\)/);
    expect(run.stdout.match(/destructive\/no-drop-column/g)).toHaveLength(2);
    expect(run.stdout).not.toMatch(/unused-directive/);
  });
});

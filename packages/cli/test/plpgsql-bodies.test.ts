// Issue #15 as a user meets it: SQL inside DO blocks and PL/pgSQL functions is linted at its own
// line and column, and the replay runs what the blocks run (multi-file projects, the built CLI).
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, makeProject, runCli } from './run-cli.js';

beforeAll(assertBuilt);

interface Finding {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

async function findings(files: Record<string, string>): Promise<Record<string, Finding[]>> {
  const dir = makeProject({ 'migralint.config.json': '{"extends": ["recommended"], "settings": {"runner": "sqlx"}}', ...files });
  const run = await runCli(['migrations', '--format', 'json'], { cwd: dir });
  expect(run.stderr).toBe('');
  const out: Record<string, Finding[]> = {};
  for (const file of JSON.parse(run.stdout).files) out[file.path] = file.messages.filter((m: Finding) => !m.ruleId.startsWith('migrations/'));
  return out;
}

const pick = ({ ruleId, line, column, endLine, endColumn }: Finding) => ({ ruleId, line, column, endLine, endColumn });

describe('PL/pgSQL bodies', () => {
  it('the issue example: both data-losing statements at their place in the body', async () => {
    const result = await findings({
      'migrations/001_init.sql': 'CREATE TABLE public.accounts (id bigint PRIMARY KEY);\nCREATE TABLE public.users (id bigint PRIMARY KEY, email text);\n',
      'migrations/002_a.sql': 'do $$ begin\n  drop table public.accounts;\n  alter table public.users drop column email;\nend $$;\n',
    });
    expect(result['migrations/002_a.sql']!.map(pick)).toEqual([
      { ruleId: 'destructive/no-drop-table', line: 2, column: 14, endLine: 2, endColumn: 29 },
      { ruleId: 'destructive/no-drop-column', line: 3, column: 40, endLine: 3, endColumn: 45 },
    ]);
  });

  it('the conditional CREATE TYPE idiom defines the type: dropping it in the same migration is fine, in a later one not', async () => {
    const idiom = "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n    CREATE TYPE mood AS ENUM ('happy', 'sad');\n  END IF;\nEND $$;\n";
    const result = await findings({
      'migrations/001_mood.sql': `${idiom}DROP TYPE mood;\n${idiom}`,
      'migrations/002_drop.sql': 'DROP TYPE mood;\n',
    });
    expect(result['migrations/001_mood.sql']).toEqual([]);
    expect(result['migrations/002_drop.sql']!.map(pick)).toEqual([{ ruleId: 'destructive/no-drop-type', line: 1, column: 11, endLine: 1, endColumn: 15 }]);
  });

  it('a function body runs where the migration calls it, not where it is created', async () => {
    const fn = 'CREATE FUNCTION setup() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  CREATE TABLE staging (id bigint PRIMARY KEY);\nEND $$;\n';
    const result = await findings({
      'migrations/001_called.sql': `${fn}SELECT setup();\nDROP TABLE staging;\n`,
      'migrations/002_not_called.sql': `${fn.replace('setup', 'setup2').replace('staging', 'staging2')}DROP TABLE staging2;\n`,
    });
    expect(result['migrations/001_called.sql']).toEqual([]);
    expect(result['migrations/002_not_called.sql']!.map(pick)).toEqual([{ ruleId: 'destructive/no-drop-table', line: 5, column: 12, endLine: 5, endColumn: 20 }]);
  });
});

// Defaults and CHECKs are compared as Postgres reads them (parsed, then printed by pgsql-deparser),
// through the built CLI: the deparser is loaded on first use from its own chunk of the bundle, and a
// bundled CommonJS module arrives differently than an unbundled one, so only the real binary proves it.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lintProjectJson } from './run-cli.js';

beforeAll(assertBuilt);

const history = (downDefault: string) => ({
  'db/migrations/001_users.up.sql': "CREATE TABLE users (id bigint PRIMARY KEY, created_at timestamptz DEFAULT now(), status text CHECK (status IN ('a', 'b')));\n",
  'db/migrations/001_users.down.sql': 'DROP TABLE users;\n',
  'db/migrations/002_default.up.sql': "ALTER TABLE users ALTER COLUMN created_at SET DEFAULT '2020-01-01';\n",
  'db/migrations/002_default.down.sql': `ALTER TABLE users ALTER COLUMN created_at SET DEFAULT ${downDefault};\n`,
});

describe('expressions compared through the deparser, in the CLI', () => {
  it('a down restoring NOW() for now() reverses its up: quiet, and the run completes', async () => {
    const run = await lintProjectJson(history('NOW()'), ['db']);
    expect(run.stderr).not.toMatch(/internal error|deparser/);
    expect(run.code).not.toBe(2);
    expect(run.findings.filter((f) => f.ruleId === 'rollback/down-does-not-reverse')).toEqual([]);
  });

  it('a down setting another default does not: reported', async () => {
    const run = await lintProjectJson(history('clock_timestamp()'), ['db']);
    expect(run.code).not.toBe(2);
    expect(run.findings.filter((f) => f.ruleId === 'rollback/down-does-not-reverse').map((f) => `${f.file}:${f.line}`)).toEqual(['db/migrations/002_default.down.sql:1']);
  });
});

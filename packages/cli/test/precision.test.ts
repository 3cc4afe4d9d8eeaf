// Issue #16, phase 2 at the CLI: small projects of each shape that produced a false finding on real
// histories (docs/precision/sample-after.md), linted by the built binary.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lintProjectJson, type JsonFinding } from './run-cli.js';

beforeAll(assertBuilt);

type Finding = JsonFinding;

async function lintJson(files: Record<string, string>, args: string[] = ['db']): Promise<Finding[]> {
  return (await lintProjectJson(files, args)).findings;
}

const at = (findings: Finding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line}`);

const plan = (...changes: string[]) =>
  `%syntax-version=1.0.0\n%project=app\n\n${changes.map((c, i) => `${c} 2024-01-0${i + 1}T00:00:00Z A <a@example.com> # ${c}\n`).join('')}`;

describe('psql is the runner: its meta-commands and variables are the files’ language', () => {
  const TEMPLATE = "\\set body `cat page.html`\nUPDATE pages SET body = :'body' WHERE name = 'home';\n";

  it('sqitch runs scripts with psql: no psql-meta-command, no parse error at :\'var\'', async () => {
    const findings = await lintJson({
      'db/sqitch.plan': plan('pages', 'home'),
      'db/deploy/pages.sql': 'CREATE TABLE pages (name text PRIMARY KEY, body text);\n',
      'db/revert/pages.sql': 'DROP TABLE pages;\n',
      'db/deploy/home.sql': TEMPLATE,
      'db/revert/home.sql': "UPDATE pages SET body = NULL WHERE name = 'home';\n",
    });
    expect(at(findings, 'migralint/psql-meta-command')).toEqual([]);
    expect(at(findings, 'migralint/parse-error')).toEqual([]);
  });

  it('a real syntax error in a sqitch script is still reported', async () => {
    const findings = await lintJson({
      'db/sqitch.plan': plan('pages'),
      'db/deploy/pages.sql': 'CREATE TABLE pages (name text PRIMARY KEY,, body text);\n',
      'db/revert/pages.sql': 'DROP TABLE pages;\n',
    });
    expect(at(findings, 'migralint/parse-error')).toEqual(['db/deploy/pages.sql:1']);
  });

  it('version scripts applied with psql (openreplay style, \\if guards): no meta-command findings', async () => {
    const findings = await lintJson({
      'db/1.0.0/1.0.0.sql': "\\set ON_ERROR_STOP true\nCREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY);\n",
      'db/1.1.0/1.1.0.sql': "SELECT current_setting('server_version_num')::int >= 140000 AS new_pg \\gset\n\\if :new_pg\nALTER TABLE events ADD COLUMN IF NOT EXISTS at timestamptz;\n\\endif\n",
    });
    expect(at(findings, 'migralint/psql-meta-command')).toEqual([]);
  });

  it('under a runner that sends SQL to the server (sqlx), a meta-command is still reported', async () => {
    const findings = await lintJson({
      'db/20240101000000_pages.sql': 'CREATE TABLE pages (name text PRIMARY KEY, body text);\n',
      'db/20240102000000_home.sql': TEMPLATE,
      'Cargo.toml': '[dependencies]\nsqlx = "0.8"\n',
    });
    expect(at(findings, 'migralint/psql-meta-command')).toEqual(['db/20240102000000_home.sql:1']);
    expect(at(findings, 'migralint/parse-error')).toEqual(['db/20240102000000_home.sql:2']);
  });
});

describe('one finding per risk', () => {
  const DROP = {
    'db/migrations/20260101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, legacy_flag boolean, note text);\n-- migrate:down\nDROP TABLE users;\n',
    'db/migrations/20260102000000_drop_flag.sql':
      "-- migrate:up\nALTER TABLE users DROP COLUMN legacy_flag;\nDELETE FROM users WHERE note = 'spam';\n-- migrate:down\nALTER TABLE users ADD COLUMN legacy_flag boolean;\n",
  };

  it('a dropped column is reported once, by destructive/no-drop-column; a DELETE … WHERE only by the rollback rule', async () => {
    const findings = await lintJson(DROP);
    const file = 'db/migrations/20260102000000_drop_flag.sql';
    expect(at(findings, 'destructive/no-drop-column')).toEqual([`${file}:2`]);
    expect(at(findings, 'rollback/irreversible-needs-annotation')).toEqual([`${file}:3`]);
  });

  it('with the destructive pack off, the rollback rule reports the dropped column itself', async () => {
    const findings = await lintJson({ ...DROP, 'migralint.config.json': JSON.stringify({ extends: ['recommended'], rules: { 'destructive/no-drop-column': 'off' } }) });
    expect(at(findings, 'rollback/irreversible-needs-annotation')).toEqual(['db/migrations/20260102000000_drop_flag.sql:2', 'db/migrations/20260102000000_drop_flag.sql:3']);
  });
});

describe('temporaries and objects the history never had', () => {
  const USERS = {
    'db/migrations/20260101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id bigint PRIMARY KEY, note text);\nCREATE INDEX users_note_idx ON users (note);\n-- migrate:down\nDROP TABLE users;\n',
  };
  const second = (up: string) => ({ ...USERS, 'db/migrations/20260102000000_second.sql': `-- migrate:up\n${up}-- migrate:down\nSELECT 1;\n` });
  const FILE = 'db/migrations/20260102000000_second.sql';

  it('a temp table made by CREATE TEMP TABLE … AS is created by the migration: dropping it is quiet', async () => {
    const findings = await lintJson(second("CREATE TEMP TABLE keep AS SELECT id FROM users WHERE note IS NULL;\nUPDATE users SET note = 'x' WHERE id IN (SELECT id FROM keep);\nDROP TABLE keep;\n"));
    expect(at(findings, 'destructive/no-drop-table')).toEqual([]);
  });

  it('DROP TABLE / DROP INDEX IF EXISTS in the first migration, of what it never had, is quiet', async () => {
    const first = 'db/migrations/20260101000000_users.sql';
    const findings = await lintJson({
      [first]: '-- migrate:up\nDROP TABLE IF EXISTS legacy_users;\nCREATE TABLE users (id bigint PRIMARY KEY, note text);\nDROP INDEX IF EXISTS users_note_old;\n-- migrate:down\nDROP TABLE users;\n',
    });
    expect(at(findings, 'destructive/no-drop-table')).toEqual([]);
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([]);
  });

  it('a first migration that creates no table (a delta or rollback folder of its own) is not an initial schema: reported', async () => {
    const first = 'db/migrations/20260101000000_cleanup.sql';
    const findings = await lintJson({ [first]: '-- migrate:up\nDROP TABLE IF EXISTS legacy_users;\nDROP INDEX IF EXISTS users_note_old;\n-- migrate:down\nSELECT 1;\n' });
    expect(at(findings, 'destructive/no-drop-table')).toEqual([`${first}:2`]);
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([`${first}:3`]);
  });

  it('in a later migration the same drops are reported (the history may have started after them), as are drops of what it had', async () => {
    const findings = await lintJson(
      second('DROP TABLE IF EXISTS legacy_users;\nDROP INDEX IF EXISTS users_note_old;\nCREATE INDEX users_note ON users (note);\nDROP INDEX IF EXISTS users_note;\n'),
    );
    expect(at(findings, 'destructive/no-drop-table')).toEqual([`${FILE}:2`]);
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([`${FILE}:3`, `${FILE}:5`]);
  });

  it("dropping the index of a table the same migration drops later is the table drop's finding, once", async () => {
    const findings = await lintJson(second('DROP INDEX users_note_idx;\nDROP TABLE users;\n'));
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([]);
    expect(at(findings, 'destructive/no-drop-table')).toEqual([`${FILE}:3`]);
  });

  it('an index the history built on a table it never created (external) is still known: its drop is reported', async () => {
    const findings = await lintJson({
      'db/migrations/20260101000000_idx.sql': '-- migrate:up\nCREATE INDEX CONCURRENTLY accounts_email ON accounts (email);\n-- migrate:down\nDROP INDEX CONCURRENTLY accounts_email;\n',
      'db/migrations/20260102000000_drop.sql': '-- migrate:up\nDROP INDEX IF EXISTS accounts_email;\n-- migrate:down\nSELECT 1;\n',
    });
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual(['db/migrations/20260102000000_drop.sql:2']);
  });
});

describe('restores in the same migration', () => {
  const INIT = {
    'prisma/migrations/20260101000000_init/migration.sql':
      'CREATE TYPE "Role" AS ENUM (\'USER\', \'ADMIN\', \'GUEST\');\nCREATE TABLE "User" ("id" BIGINT PRIMARY KEY, "role" "Role" NOT NULL DEFAULT \'USER\', "plan" TEXT NOT NULL DEFAULT \'free\');\n',
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
  };
  const SWAP = 'prisma/migrations/20260102000000_drop_guest/migration.sql';
  const swap = (tail: string) => ({
    ...INIT,
    [SWAP]:
      'BEGIN;\nCREATE TYPE "Role_new" AS ENUM (\'USER\', \'ADMIN\');\nALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;\n' +
      'ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");\n' +
      'ALTER TYPE "Role" RENAME TO "Role_old";\nALTER TYPE "Role_new" RENAME TO "Role";\nDROP TYPE "Role_old";\n' +
      tail +
      'COMMIT;\n',
  });

  it("Prisma's enum swap: the default set back and the _old type dropped are not destructive", async () => {
    const findings = await lintJson(swap('ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT \'USER\';\n'), ['prisma']);
    expect(at(findings, 'destructive/no-drop-default')).toEqual([]);
    expect(at(findings, 'destructive/no-drop-type')).toEqual([]);
  });

  it('a default dropped and never set back, or dropped again after it was set, is reported', async () => {
    const findings = await lintJson(swap('ALTER TABLE "User" ALTER COLUMN "plan" SET DEFAULT \'pro\', ALTER COLUMN "plan" DROP DEFAULT;\n'), ['prisma']);
    expect(at(findings, 'destructive/no-drop-default')).toEqual([`${SWAP}:3`, `${SWAP}:8`]);
  });

  it('a type renamed away and dropped with nothing taking its name is reported', async () => {
    const findings = await lintJson(
      { ...INIT, [SWAP]: 'ALTER TABLE "User" ALTER COLUMN "role" TYPE text;\nALTER TYPE "Role" RENAME TO "Role_old";\nDROP TYPE "Role_old";\n' },
      ['prisma'],
    );
    expect(at(findings, 'destructive/no-drop-type')).toEqual([`${SWAP}:3`]);
  });
});

describe('Supabase file names under the default config', () => {
  it('a hand-named file beside CLI-named ones is reported; a plain folder of other names is not', async () => {
    const findings = await lintJson(
      {
        'supabase/migrations/20260312090000_add_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
        'supabase/migrations/20260312_AddThings.sql': 'CREATE TABLE things (id bigint PRIMARY KEY);\n',
        'db/1-Create Teams.sql': 'CREATE TABLE teams (id bigint PRIMARY KEY);\n',
      },
      ['supabase', 'db'],
    );
    const named = findings.filter((f) => f.ruleId === 'naming/migration-file-name');
    expect(named.map((f) => f.file)).toEqual(['supabase/migrations/20260312_AddThings.sql', 'supabase/migrations/20260312_AddThings.sql']);
    expect(named.map((f) => f.message).join('\n')).toMatch(/not a YYYYMMDDHHmmss timestamp[\s\S]*not snake_case/);
  });
});

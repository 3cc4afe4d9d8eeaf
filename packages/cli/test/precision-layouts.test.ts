// Issue #16, layout and runner causes of false findings (docs/precision/sample-final.md): small
// projects of each shape, linted by the built binary, each beside the case that must still report.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lintProjectJson, type JsonFinding } from './run-cli.js';

beforeAll(assertBuilt);

async function lintJson(files: Record<string, string>, args: string[] = ['db']): Promise<JsonFinding[]> {
  return (await lintProjectJson(files, args)).findings;
}

const at = (findings: JsonFinding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line}`);

describe('Ory popx: one change split over same-named steps is one migration', () => {
  // keto's shape: step 0 creates the table, step 1 indexes it and its down drops the whole table,
  // step 2 is empty on PostgreSQL (another database needs it). A later change indexes an old table.
  const POPX = {
    'go.mod': 'module example.com/x\n\nrequire github.com/ory/x v0.0.600\n',
    'db/20240101000000000000_users.postgres.up.sql': 'CREATE TABLE users (id uuid PRIMARY KEY, email text);\n',
    'db/20240101000000000000_users.postgres.down.sql': 'DROP TABLE users;\n',
    'db/20240201000000000000_tuples.postgres.up.sql': 'CREATE TABLE tuples (id uuid PRIMARY KEY, ns int, obj text);\n',
    'db/20240201000000000000_tuples.postgres.down.sql': '',
    'db/20240201000000000001_tuples.postgres.up.sql': 'CREATE INDEX tuples_ns_idx ON tuples (ns);\n',
    'db/20240201000000000001_tuples.postgres.down.sql': 'DROP TABLE tuples;\n',
    'db/20240201000000000002_tuples.postgres.up.sql': '',
    'db/20240201000000000002_tuples.postgres.down.sql': '',
    'db/20240301000000000000_users_email.postgres.up.sql': 'CREATE INDEX users_email_idx ON users (email);\n',
    'db/20240301000000000000_users_email.postgres.down.sql': 'DROP INDEX users_email_idx;\n',
  };

  it('a table an earlier step of the same change created is new; the change’s down drops it; an empty step is no stray file', async () => {
    const findings = await lintJson(POPX);
    expect(at(findings, 'concurrently/require-concurrent-index-creation')).toEqual(['db/20240301000000000000_users_email.postgres.up.sql:1']);
    expect(at(findings, 'destructive/no-drop-table')).toEqual([]);
    expect(at(findings, 'rollback/down-does-not-reverse')).toEqual([]);
    expect(at(findings, 'migralint/empty-file')).toEqual([]);
  });

  it('a step may have a name of its own; a change with another timestamp is not joined: its index on an older table is reported', async () => {
    const findings = await lintJson({
      ...POPX,
      'db/20240201000000000003_tuples_obj_index.postgres.up.sql': 'CREATE INDEX tuples_obj_idx ON tuples (obj);\n',
      'db/20240201000000000003_tuples_obj_index.postgres.down.sql': '',
      'db/20240202000000000000_tuples.postgres.up.sql': 'CREATE INDEX tuples_id_ns_idx ON tuples (id, ns);\n',
      'db/20240202000000000000_tuples.postgres.down.sql': 'DROP INDEX tuples_id_ns_idx;\n',
    });
    expect(at(findings, 'concurrently/require-concurrent-index-creation')).toEqual([
      'db/20240202000000000000_tuples.postgres.up.sql:1',
      'db/20240301000000000000_users_email.postgres.up.sql:1',
    ]);
  });

  it('a change whose only step is empty is still an empty file, and popx still refuses a step without a down', async () => {
    const findings = await lintJson({
      'go.mod': POPX['go.mod'],
      'db/20240101000000000000_users.postgres.up.sql': POPX['db/20240101000000000000_users.postgres.up.sql'],
      'db/20240101000000000000_users.postgres.down.sql': POPX['db/20240101000000000000_users.postgres.down.sql'],
      'db/20240102000000000000_nothing.postgres.up.sql': '',
      'db/20240102000000000000_nothing.postgres.down.sql': '',
      'db/20240103000000000000_more.postgres.up.sql': 'ALTER TABLE users ADD COLUMN name text;\n',
      'db/20240103000000000001_more.postgres.up.sql': 'ALTER TABLE users ADD COLUMN nick text;\n',
      'db/20240103000000000001_more.postgres.down.sql': 'ALTER TABLE users DROP COLUMN nick, DROP COLUMN name;\n',
    });
    expect(at(findings, 'migralint/empty-file')).toEqual(['db/20240102000000000000_nothing.postgres.up.sql:1']);
    expect(at(findings, 'migrations/invalid-migration')).toEqual(['db/20240103000000000000_more.postgres.up.sql:1']);
  });
});

describe('psql: \\gset and \\gexec send the query, so the statement ends there', () => {
  // openreplay's version scripts: a version check ending in \gset, then BEGIN … COMMIT.
  const SCRIPT = (body: string) =>
    "\\set next_version 'v1.1.0'\nSELECT openreplay_version() = 'v1.0.0' AS valid_previous\n\\gset\n\\if :valid_previous\nBEGIN;\n" +
    "SELECT format($fn$CREATE OR REPLACE FUNCTION v() RETURNS text AS 'SELECT %L' LANGUAGE sql$fn$, :'next_version')\n\\gexec\n" +
    `${body}COMMIT;\n\\endif\n`;

  it('the BEGIN after \\gset opens the transaction: no "COMMIT without a transaction", no prefer-robust-stmts inside it', async () => {
    const findings = await lintJson({
      'db/1.0.0/1.0.0.sql': 'CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY);\nCREATE FUNCTION f1() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n',
      'db/1.1.0/1.1.0.sql': SCRIPT('DROP FUNCTION f1;\nALTER TABLE events ADD COLUMN IF NOT EXISTS at timestamptz;\n'),
    });
    expect(at(findings, 'concurrently/transaction-nesting')).toEqual([]);
    expect(at(findings, 'design/prefer-robust-stmts')).toEqual([]);
    expect(at(findings, 'migralint/parse-error')).toEqual([]);
    // The statement after \gexec is linted, not swallowed into it.
    expect(at(findings, 'destructive/no-drop-function')).toEqual(['db/1.1.0/1.1.0.sql:8']);
  });

  it('without the BEGIN the same statements run one by one and are reported', async () => {
    const findings = await lintJson({
      'db/1.0.0/1.0.0.sql': 'CREATE TABLE IF NOT EXISTS events (id bigint PRIMARY KEY);\nCREATE FUNCTION f1() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n',
      'db/1.1.0/1.1.0.sql': SCRIPT('DROP FUNCTION f1;\nALTER TABLE events ADD COLUMN IF NOT EXISTS at timestamptz;\n').replace('BEGIN;\n', ''),
    });
    expect(at(findings, 'design/prefer-robust-stmts')).toEqual(['db/1.1.0/1.1.0.sql:7']);
    expect(at(findings, 'concurrently/transaction-nesting')).toEqual(['db/1.1.0/1.1.0.sql:9']);
  });
});

describe('a rollback folder beside the forward one holds the downs of its versions', () => {
  // openreplay's shape: init_dbs/<v>/<v>.sql upgrades to <v>, rollback_dbs/<v>/<v>.sql goes back.
  const FOLDERS = {
    'db/init_dbs/postgresql/1.0.0/1.0.0.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, name text);\n',
    'db/init_dbs/postgresql/1.1.0/1.1.0.sql': 'ALTER TABLE users ADD COLUMN nick text;\n',
    'db/init_dbs/postgresql/1.2.0/1.2.0.sql': 'ALTER TABLE users ADD COLUMN avatar text;\n',
    'db/rollback_dbs/postgresql/1.1.0/1.1.0.sql': 'ALTER TABLE users DROP COLUMN nick;\n',
    'db/rollback_dbs/postgresql/1.2.0/1.2.0.sql': 'ALTER TABLE users DROP COLUMN avatar;\nALTER TABLE users DROP COLUMN name;\n',
  };

  it('dropping what the same version added is the rollback’s job; dropping what an older version made is still reported', async () => {
    const findings = await lintJson(FOLDERS, ['db']);
    expect(at(findings, 'destructive/no-drop-column')).toEqual(['db/rollback_dbs/postgresql/1.2.0/1.2.0.sql:2']);
  });

  it('a rollback folder with a version the forward one lacks stays a history of its own', async () => {
    const findings = await lintJson({ ...FOLDERS, 'db/rollback_dbs/postgresql/0.9.0/0.9.0.sql': 'DROP TABLE users;\n' }, ['db']);
    expect(at(findings, 'destructive/no-drop-column')).toEqual([
      'db/rollback_dbs/postgresql/1.1.0/1.1.0.sql:1',
      'db/rollback_dbs/postgresql/1.2.0/1.2.0.sql:1',
      'db/rollback_dbs/postgresql/1.2.0/1.2.0.sql:2',
    ]);
  });
});

describe('only supabase/migrations is the Supabase CLI’s history', () => {
  it('a sibling folder of SQL to run by hand gets no Supabase file-name findings; supabase/migrations still does', async () => {
    const findings = await lintJson(
      {
        'supabase/migrations/20250107210416_MFA.sql': 'CREATE SCHEMA IF NOT EXISTS mfa;\n',
        'supabase/migrations_for_old/20250107210416_MFA.sql': 'CREATE SCHEMA IF NOT EXISTS mfa;\n',
      },
      ['supabase'],
    );
    expect(at(findings, 'naming/migration-file-name')).toEqual(['supabase/migrations/20250107210416_MFA.sql:1']);
  });
});

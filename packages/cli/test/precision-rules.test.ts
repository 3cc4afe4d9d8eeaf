// Issue #16, the rule-logic causes of false findings, at the CLI: each a small project of the shape
// that produced a false finding on a real history, linted by the built binary, beside the nearby case
// that must still report.
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, lintProjectJson, type JsonFinding } from './run-cli.js';

beforeAll(assertBuilt);

async function lintJson(files: Record<string, string>, args: string[] = ['prisma']): Promise<JsonFinding[]> {
  return (await lintProjectJson(files, args)).findings;
}

const at = (findings: JsonFinding[], rule: string) => findings.filter((f) => f.ruleId === rule).map((f) => `${f.file}:${f.line}`);

/** A Prisma history: an initial migration, then `second` as the migration under test. */
const PRISMA_LOCK = { 'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n' };
const INIT = 'prisma/migrations/20260101000000_init/migration.sql';
const SECOND = 'prisma/migrations/20260102000000_second/migration.sql';
const prisma = (init: string, second: string) => ({ ...PRISMA_LOCK, [INIT]: init, [SECOND]: second });

describe('one finding per table rewrite', () => {
  const USERS = 'CREATE TABLE "User" ("id" INTEGER PRIMARY KEY, "age" INTEGER, "score" INTEGER, "name" VARCHAR(50));\n';

  it('one ALTER TABLE changing three column types is one finding naming them; a second statement is a second finding', async () => {
    const findings = await lintJson(
      prisma(
        USERS,
        '-- AlterTable\nALTER TABLE "User" ALTER COLUMN "id" SET DATA TYPE BIGINT,\nALTER COLUMN "age" SET DATA TYPE BIGINT,\nALTER COLUMN "name" SET DATA TYPE TEXT,\nALTER COLUMN "score" SET DATA TYPE BIGINT;\n' +
          'ALTER TABLE "User" ALTER COLUMN "name" SET DATA TYPE VARCHAR(10);\n',
      ),
    );
    const changes = findings.filter((f) => f.ruleId === 'destructive/no-column-type-change');
    expect(changes.map((f) => `${f.file}:${f.line}`)).toEqual([`${SECOND}:2`, `${SECOND}:6`]);
    expect(changes[0]!.message).toContain('3 columns of "User" ("id" integer → bigint, "age" integer → bigint, "score" integer → bigint)');
    expect(changes[1]!.message).toContain('Changing column "name" of "User" from text to varchar(10)');
  });

  it('one ALTER TABLE adding two columns with volatile defaults rewrites once: one adding-field-with-default finding naming both', async () => {
    const findings = await lintJson(
      prisma(USERS, 'ALTER TABLE "User" ADD COLUMN "created_at" TIMESTAMPTZ DEFAULT clock_timestamp(),\nADD COLUMN "token" UUID DEFAULT gen_random_uuid();\nALTER TABLE "User" ADD COLUMN "seen_at" TIMESTAMPTZ DEFAULT clock_timestamp();\n'),
    );
    const rewrites = findings.filter((f) => f.ruleId === 'locking/adding-field-with-default');
    expect(rewrites.map((f) => `${f.file}:${f.line}`)).toEqual([`${SECOND}:1`, `${SECOND}:3`]);
    expect(rewrites[0]!.message).toContain('Adding columns "created_at" (DEFAULT clock_timestamp()), "token" (DEFAULT gen_random_uuid()) to "User"');
  });

  it('one ALTER TABLE making two columns NOT NULL scans once: one set-not-null finding naming both; a later statement scans again', async () => {
    const findings = await lintJson(
      prisma(USERS, 'ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL,\nALTER COLUMN "score" SET NOT NULL;\nALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL;\n'),
    );
    const scans = findings.filter((f) => f.ruleId === 'locking/set-not-null');
    expect(scans.map((f) => `${f.file}:${f.line}`)).toEqual([`${SECOND}:1`, `${SECOND}:3`]);
    expect(scans[0]!.message).toContain('Making "age", "score" of "User" NOT NULL');
  });
});

describe('restores and intents within one statement', () => {
  const SURVEY = 'CREATE TABLE "Survey" ("id" TEXT PRIMARY KEY, "thankYouCard" JSONB NOT NULL DEFAULT \'{"enabled": false}\', "welcomeCard" JSONB NOT NULL DEFAULT \'{}\');\n';

  it('DROP NOT NULL and DROP DEFAULT of one column in one ALTER (formbricks): the column is made optional, not a lost default', async () => {
    const findings = await lintJson(
      prisma(SURVEY, '-- AlterTable\nALTER TABLE "Survey" ADD COLUMN "endings" JSONB[] DEFAULT ARRAY[]::JSONB[],\nALTER COLUMN "thankYouCard" DROP NOT NULL,\nALTER COLUMN "thankYouCard" DROP DEFAULT;\n'),
    );
    expect(at(findings, 'destructive/no-drop-default')).toEqual([]);
  });

  it('a default dropped while the column stays NOT NULL is still reported', async () => {
    const findings = await lintJson(prisma(SURVEY, 'ALTER TABLE "Survey" ALTER COLUMN "thankYouCard" DROP NOT NULL,\nALTER COLUMN "welcomeCard" DROP DEFAULT;\n'));
    expect(at(findings, 'destructive/no-drop-default')).toEqual([`${SECOND}:2`]);
  });
});

describe('a down part that adds a column back', () => {
  const plan = (...changes: string[]) =>
    `%syntax-version=1.0.0\n%project=app\n\n${changes.map((c, i) => `${c} 2024-01-0${i + 1}T00:00:00Z A <a@example.com> # ${c}\n`).join('')}`;
  const sqitch = (deploy: string, revert: string) => ({
    'db/sqitch.plan': plan('payments', 'cents'),
    'db/deploy/payments.sql': 'CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL);\n',
    'db/revert/payments.sql': 'DROP TABLE payments;\n',
    'db/deploy/cents.sql': deploy,
    'db/revert/cents.sql': revert,
  });
  const REVERT =
    'BEGIN;\nALTER TABLE payments ADD COLUMN IF NOT EXISTS amount numeric(10,2) NOT NULL DEFAULT 0;\nUPDATE payments SET amount = amount_cents::numeric / 100;\n' +
    'ALTER TABLE payments ALTER COLUMN amount DROP DEFAULT;\nALTER TABLE payments DROP COLUMN amount_cents;\nCOMMIT;\n';

  it('a sqitch revert re-adding the column its deploy dropped, then backfilling it (Tamarou): no UPDATE-without-WHERE', async () => {
    const deploy =
      'BEGIN;\nALTER TABLE payments ADD COLUMN IF NOT EXISTS amount_cents integer NOT NULL DEFAULT 0;\nUPDATE payments SET amount_cents = ROUND(amount * 100)::integer;\nALTER TABLE payments DROP COLUMN amount;\nCOMMIT;\n';
    const findings = await lintJson(sqitch(deploy, REVERT), ['db']);
    expect(at(findings, 'destructive/no-update-without-where')).toEqual([]);
    expect(at(findings, 'destructive/no-drop-column')).toEqual(['db/deploy/cents.sql:4']);
  });

  it('when the deploy kept the column, ADD COLUMN IF NOT EXISTS adds nothing: the UPDATE overwrites its values and is reported', async () => {
    const deploy = 'BEGIN;\nALTER TABLE payments ADD COLUMN IF NOT EXISTS amount_cents integer NOT NULL DEFAULT 0;\nUPDATE payments SET amount_cents = ROUND(amount * 100)::integer;\nCOMMIT;\n';
    const findings = await lintJson(sqitch(deploy, REVERT), ['db']);
    expect(at(findings, 'destructive/no-update-without-where')).toEqual(['db/revert/cents.sql:3']);
  });
});

describe('a unique key re-made across a rename', () => {
  const POLLS = 'CREATE TABLE "polls" ("url_id" TEXT NOT NULL, "title" TEXT);\nCREATE UNIQUE INDEX "polls_url_id_key" ON "polls"("url_id");\n';

  it('DROP INDEX, RENAME COLUMN url_id TO id, a unique index on id (rallly): the guarantee is kept', async () => {
    const findings = await lintJson(
      prisma(POLLS, '-- DropIndex\nDROP INDEX "polls_url_id_key";\n\nALTER TABLE "polls"\nRENAME COLUMN "url_id" TO "id";\n\nCREATE UNIQUE INDEX "polls_id_key" ON "polls"("id");\n'),
    );
    expect(at(findings, 'destructive/no-drop-index')).toEqual([]);
  });

  it('a table and column renamed, the primary key dropped and added on the renamed columns (formbricks): kept', async () => {
    const findings = await lintJson(
      prisma(
        'CREATE TABLE "ProjectTeam" ("projectId" TEXT NOT NULL, "teamId" TEXT NOT NULL, CONSTRAINT "ProjectTeam_pkey" PRIMARY KEY ("projectId", "teamId"));\n',
        'ALTER TABLE "ProjectTeam" RENAME TO "WorkspaceTeam";\nALTER TABLE "WorkspaceTeam" RENAME COLUMN "projectId" TO "workspaceId";\n' +
          'ALTER TABLE "WorkspaceTeam" DROP CONSTRAINT "ProjectTeam_pkey";\nALTER TABLE "WorkspaceTeam" ADD CONSTRAINT "WorkspaceTeam_pkey" PRIMARY KEY ("workspaceId", "teamId");\n',
      ),
    );
    expect(at(findings, 'destructive/no-drop-index')).toEqual([]);
  });

  it('a unique index on another column after the rename does not keep it: reported', async () => {
    const findings = await lintJson(
      prisma(POLLS, 'DROP INDEX "polls_url_id_key";\nALTER TABLE "polls" RENAME COLUMN "url_id" TO "id";\nCREATE UNIQUE INDEX "polls_title_key" ON "polls"("title");\n'),
    );
    expect(at(findings, 'destructive/no-drop-index')).toEqual([`${SECOND}:1`]);
  });
});

describe('drops of what is already gone', () => {
  const KEYS = 'supabase/migrations/20260101000000_keys.sql';
  const SWAP = 'supabase/migrations/20260102000000_swap.sql';
  const keys = (swap: string) => ({
    [KEYS]: 'create table "public"."api_keys" ("key_hash" text not null, "note" text, constraint "api_keys_pkey" primary key ("key_hash"));\ncreate index "api_keys_note_idx" on "public"."api_keys" ("note");\n',
    [SWAP]: swap,
  });

  it('DROP INDEX IF EXISTS of the index a DROP CONSTRAINT just removed (Helicone): nothing is dropped or locked', async () => {
    const findings = await lintJson(
      keys('alter table "public"."api_keys" drop constraint "api_keys_pkey";\n\ndrop index if exists "public"."api_keys_pkey";\n'),
      ['supabase'],
    );
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([]);
  });

  it('dropping the primary key of a table dropped later in the migration (Helicone): the table drop is the finding', async () => {
    const findings = await lintJson(keys('alter table "public"."api_keys" drop constraint "api_keys_pkey";\n\ndrop table "public"."api_keys";\n'), ['supabase']);
    expect(at(findings, 'destructive/no-drop-index')).toEqual([]);
    expect(at(findings, 'destructive/no-drop-table')).toEqual([`${SWAP}:3`]);
  });

  it('dropping the primary key of a table that stays is reported', async () => {
    const findings = await lintJson(keys('alter table "public"."api_keys" drop constraint "api_keys_pkey";\n'), ['supabase']);
    expect(at(findings, 'destructive/no-drop-index')).toEqual([`${SWAP}:1`]);
  });

  it('DROP INDEX IF EXISTS of an index that is still there is reported', async () => {
    const findings = await lintJson(
      keys('alter table "public"."api_keys" drop constraint "api_keys_pkey";\n\ndrop index if exists "public"."api_keys_note_idx";\n'),
      ['supabase'],
    );
    expect(at(findings, 'concurrently/require-concurrent-index-deletion')).toEqual([`${SWAP}:3`]);
  });
});

describe('locks of what is not there', () => {
  const V1 = 'db/migration/V1_1__initial.sql';
  const V2 = 'db/migration/V1_2__logs.sql';
  const more = 'CREATE INDEX IF NOT EXISTS logs_flow ON logs (flow_id);\nCREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int PRIMARY KEY);\nCREATE TABLE c (id int PRIMARY KEY);\nCREATE TABLE d (id int PRIMARY KEY);\nCREATE TABLE e (id int PRIMARY KEY);\n';
  const INITIAL = `CREATE TABLE IF NOT EXISTS logs (id bigint PRIMARY KEY, flow_id text, ns text);\nCREATE INDEX IF NOT EXISTS logs_ns ON logs (ns);\nDROP INDEX IF EXISTS logs_namespace;\n${more}`;

  it("an initial schema's DROP INDEX IF EXISTS of an index it never had (kestra) takes no lock: no access-exclusive-then-more", async () => {
    const findings = await lintJson({ [V1]: INITIAL }, ['db']);
    expect(at(findings, 'locking/access-exclusive-then-more')).toEqual([]);
  });

  it('in a later migration, DROP INDEX IF EXISTS of an index the history built, then six statements, is reported', async () => {
    const findings = await lintJson({ [V1]: INITIAL, [V2]: `DROP INDEX IF EXISTS logs_ns;\n${more}` }, ['db']);
    expect(at(findings, 'locking/access-exclusive-then-more')).toEqual([`${V2}:1`]);
  });
});

describe('a re-runnable DROP TABLE IF EXISTS then CREATE TABLE', () => {
  const USERS = 'CREATE TABLE "users" ("uuid" CHAR(36) PRIMARY KEY, "email" TEXT);\n';

  it('of a table the history never had (vaultwarden): drops nothing, quiet', async () => {
    const findings = await lintJson(prisma(USERS, 'DROP TABLE IF EXISTS "archives";\n\nCREATE TABLE "archives" ("user_uuid" CHAR(36) NOT NULL REFERENCES "users" ("uuid"));\n'));
    expect(at(findings, 'destructive/no-drop-table')).toEqual([]);
  });

  it('of a table the history created: its data is lost, reported', async () => {
    const findings = await lintJson(prisma(USERS, 'DROP TABLE IF EXISTS "users";\n\nCREATE TABLE "users" ("uuid" CHAR(36) PRIMARY KEY);\n'));
    expect(at(findings, 'destructive/no-drop-table')).toEqual([`${SECOND}:1`]);
  });
});

describe('a function whose last user the migration dropped', () => {
  const INIT_FN =
    'CREATE TABLE "versions" ("id" INTEGER PRIMARY KEY, "num" TEXT NOT NULL, "updated_at" TIMESTAMPTZ);\n' +
    'CREATE FUNCTION to_major(text) RETURNS integer IMMUTABLE LANGUAGE sql AS $$ SELECT split_part($1, \'.\', 1)::integer $$;\n' +
    'ALTER TABLE "versions" ADD COLUMN "major" INTEGER GENERATED ALWAYS AS (to_major("num")) STORED;\n' +
    'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$;\n' +
    'CREATE TRIGGER versions_touch BEFORE UPDATE ON "versions" FOR EACH ROW EXECUTE FUNCTION touch();\n';

  it('the generated column (crates.io) or the trigger (Helicone) dropped just before: the function is left over, quiet', async () => {
    const findings = await lintJson(
      prisma(INIT_FN, 'ALTER TABLE "versions" DROP COLUMN "major";\nDROP FUNCTION to_major(text);\nDROP TRIGGER IF EXISTS versions_touch ON "versions";\nDROP FUNCTION IF EXISTS touch();\n'),
    );
    expect(at(findings, 'destructive/no-drop-function')).toEqual([]);
  });

  it('a user left (a view calls it), or no user dropped by this migration: reported', async () => {
    const findings = await lintJson(
      prisma(
        `${INIT_FN}CREATE VIEW "majors" AS SELECT to_major("num") AS m FROM "versions";\n`,
        'ALTER TABLE "versions" DROP COLUMN "major";\nDROP FUNCTION to_major(text);\nDROP FUNCTION IF EXISTS touch();\n',
      ),
    );
    expect(at(findings, 'destructive/no-drop-function')).toEqual([`${SECOND}:2`, `${SECOND}:3`]);
  });
});

describe('names known only at run time (DO loops over tenant schemas)', () => {
  const INIT = 'db/migrations/20260101000000_payments.sql';
  const LOOP = 'db/migrations/20260102000000_tenants.sql';
  const project = (body: string) => ({
    [INIT]: '-- migrate:up\nCREATE TABLE payments (id bigint PRIMARY KEY, amount numeric, note text);\n-- migrate:down\nDROP TABLE payments;\n',
    [LOOP]: `-- migrate:up\nDO $$\nDECLARE s name;\nBEGIN\n  FOR s IN SELECT slug FROM tenants LOOP\n${body}  END LOOP;\nEND $$;\n-- migrate:down\nSELECT 1;\n`,
  });

  it('EXECUTE format(\'… %I.payments …\', s) in a loop (Tamarou): "{s}.payments" is no object the history knows, quiet', async () => {
    const findings = await lintJson(
      project("    EXECUTE format('ALTER TABLE %I.payments DROP COLUMN amount', s);\n    EXECUTE format('DROP TABLE IF EXISTS %I.payments_old', s);\n    EXECUTE format('ALTER TABLE %I.payments ADD CONSTRAINT p_fk FOREIGN KEY (id) REFERENCES %I.accounts (id)', s, s);\n"),
      ['db'],
    );
    expect(findings.filter((f) => f.message.includes('{s}')).map((f) => f.ruleId)).toEqual([]);
  });

  it('a constant EXECUTE in the same loop names a real table: reported', async () => {
    const findings = await lintJson(project("    EXECUTE 'ALTER TABLE payments DROP COLUMN note';\n"), ['db']);
    expect(at(findings, 'destructive/no-drop-column')).toEqual([`${LOOP}:6`]);
  });
});

describe('a down that leaves an extension in place', () => {
  const files = (create: string) => ({
    'db/migrations/001_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n',
    'db/migrations/001_users.down.sql': 'DROP TABLE users;\n',
    'db/migrations/002_search.up.sql': `${create}\nCREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);\n`,
    'db/migrations/002_search.down.sql': 'DROP INDEX users_email_trgm;\n',
  });

  it('CREATE EXTENSION IF NOT EXISTS in the up (hasura-auth, kratos): the down may leave it, quiet', async () => {
    const findings = await lintJson(files('CREATE EXTENSION IF NOT EXISTS pg_trgm;'), ['db']);
    expect(at(findings, 'rollback/down-does-not-reverse')).toEqual([]);
  });

  it('an extension the up created outright is reported', async () => {
    const findings = await lintJson(files('CREATE EXTENSION pg_trgm;'), ['db']);
    expect(at(findings, 'rollback/down-does-not-reverse')).toEqual(['db/migrations/002_search.up.sql:1']);
  });
});

describe('serial → identity', () => {
  const files = (second: string) => ({
    'db/migrations/001_users.up.sql': 'CREATE TABLE users (user_id serial PRIMARY KEY, email text);\n',
    'db/migrations/001_users.down.sql': 'DROP TABLE users;\n',
    'db/migrations/002_identity.up.sql': second,
    'db/migrations/002_identity.down.sql': 'SELECT 1;\n',
  });

  it('DROP DEFAULT, DROP SEQUENCE, ADD GENERATED ALWAYS AS IDENTITY (ente): inserts still get a value, quiet', async () => {
    const findings = await lintJson(
      files('BEGIN;\nALTER TABLE users ALTER user_id DROP DEFAULT;\nDROP SEQUENCE users_user_id_seq;\nALTER TABLE users\n    ALTER user_id ADD GENERATED ALWAYS AS IDENTITY (RESTART 1000);\nCOMMIT;\n'),
      ['db'],
    );
    expect(at(findings, 'destructive/no-drop-default')).toEqual([]);
  });

  it('the default dropped with no identity after it is reported', async () => {
    const findings = await lintJson(files('BEGIN;\nALTER TABLE users ALTER user_id DROP DEFAULT;\nDROP SEQUENCE users_user_id_seq;\nCOMMIT;\n'), ['db']);
    expect(at(findings, 'destructive/no-drop-default')).toEqual(['db/migrations/002_identity.up.sql:2']);
  });
});

describe('a table renamed away and its name created again', () => {
  const EVENTS = 'CREATE TABLE "usage_events" ("id" TEXT PRIMARY KEY, "at" TIMESTAMPTZ NOT NULL);\n';

  it('RENAME TO …_legacy, then CREATE TABLE of the old name (latitude), or the view the rule advises: quiet', async () => {
    const findings = await lintJson(
      prisma(
        EVENTS + 'CREATE TABLE "accounts_old" ("id" TEXT PRIMARY KEY);\n',
        'ALTER TABLE "usage_events" RENAME TO "usage_events_legacy";\nCREATE TABLE "usage_events" ("id" TEXT NOT NULL, "at" TIMESTAMPTZ NOT NULL) PARTITION BY RANGE ("at");\n' +
          'ALTER TABLE "accounts_old" RENAME TO "accounts";\nCREATE VIEW "accounts_old" AS SELECT * FROM "accounts";\n',
      ),
    );
    expect(at(findings, 'destructive/no-rename-table')).toEqual([]);
  });

  it('a down renaming back what its up renamed (measure, kratos): no deployed code uses the new name, quiet', async () => {
    const findings = await lintJson(
      {
        'db/migrations/20260101000000_reports.sql': '-- migrate:up\nCREATE TABLE reports (id bigint PRIMARY KEY);\n-- migrate:down\nDROP TABLE reports;\n',
        'db/migrations/20260102000000_rename.sql': '-- migrate:up\nALTER TABLE reports RENAME TO billing_reports;\n-- migrate:down\nALTER TABLE billing_reports RENAME TO reports;\n',
      },
      ['db'],
    );
    expect(at(findings, 'destructive/no-rename-table')).toEqual(['db/migrations/20260102000000_rename.sql:2']);
  });

  it('the swap ends by dropping the renamed-away table after copying its rows out (latitude): quiet; without the copy: reported', async () => {
    const swap = (copy: string) =>
      prisma(
        EVENTS,
        'ALTER TABLE "usage_events" RENAME TO "usage_events_legacy";\nCREATE TABLE "usage_events" ("id" TEXT NOT NULL, "at" TIMESTAMPTZ NOT NULL) PARTITION BY RANGE ("at");\n' +
          `${copy}DROP TABLE "usage_events_legacy";\n`,
      );
    expect(at(await lintJson(swap('INSERT INTO "usage_events" ("id", "at") SELECT "id", "at" FROM "usage_events_legacy";\n')), 'destructive/no-drop-table')).toEqual([]);
    expect(at(await lintJson(swap('')), 'destructive/no-drop-table')).toEqual([`${SECOND}:3`]);
  });

  it('a rename with nothing taking the old name is reported', async () => {
    const findings = await lintJson(prisma(EVENTS, 'ALTER TABLE "usage_events" RENAME TO "usage_events_legacy";\nCREATE TABLE "usage_events_v2" ("id" TEXT NOT NULL);\n'));
    expect(at(findings, 'destructive/no-rename-table')).toEqual([`${SECOND}:1`]);
  });
});

describe('a down that restores the type the column had before the up', () => {
  const files = (down: string) => ({
    'db/migrations/001_codes.up.sql': 'CREATE TABLE codes (id bigint PRIMARY KEY, address_type char(36), kind text);\n',
    'db/migrations/001_codes.down.sql': 'DROP TABLE codes;\n',
    'db/migrations/002_text.up.sql': 'ALTER TABLE codes ALTER COLUMN address_type TYPE varchar(36);\n',
    'db/migrations/002_text.down.sql': down,
  });

  it('ALTER COLUMN … TYPE char(36) back in the down (kratos): the down restores, no design/no-char-field', async () => {
    const findings = await lintJson(files('ALTER TABLE codes ALTER COLUMN address_type TYPE char(36);\n'), ['db']);
    expect(at(findings, 'design/no-char-field')).toEqual(['db/migrations/001_codes.up.sql:1']);
  });

  it('a down giving another column a char type it never had is reported', async () => {
    const findings = await lintJson(files('ALTER TABLE codes ALTER COLUMN address_type TYPE char(36), ALTER COLUMN kind TYPE char(8);\n'), ['db']);
    expect(at(findings, 'design/no-char-field')).toEqual(['db/migrations/001_codes.up.sql:1', 'db/migrations/002_text.down.sql:1']);
  });
});

describe('missing downs before the history adopted downs', () => {
  // golang-migrate, as hatchet writes it: no downs for its first migrations, downs from then on.
  const history = (thirdDown: boolean) => ({
    'db/migrations/001_init.up.sql': 'CREATE TABLE a (id int);\n',
    'db/migrations/002_more.up.sql': 'CREATE TABLE b (id int);\n',
    'db/migrations/003_downs_start.up.sql': 'CREATE TABLE c (id int);\n',
    'db/migrations/003_downs_start.down.sql': 'DROP TABLE c;\n',
    'db/migrations/004_forgot.up.sql': 'CREATE TABLE d (id int);\n',
    ...(thirdDown ? { 'db/migrations/004_forgot.down.sql': 'DROP TABLE d;\n' } : {}),
  });

  it('migrations older than the first down are grandfathered; a later one without a down is reported', async () => {
    const findings = await lintJson(history(false), ['db/migrations']);
    expect(at(findings, 'rollback/missing-down')).toEqual(['db/migrations/004_forgot.up.sql:1']);
  });

  it('an explicit since replaces the inferred start', async () => {
    const files = { ...history(true), 'migralint.config.json': JSON.stringify({ extends: ['recommended'], rules: { 'rollback/missing-down': ['error', { since: '002' }] } }) };
    const findings = await lintJson(files, ['db/migrations']);
    expect(at(findings, 'rollback/missing-down')).toEqual(['db/migrations/002_more.up.sql:1']);
  });
});

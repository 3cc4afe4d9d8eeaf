import { RuleTester } from '@migralint/rule-tester';
import rollback from '../src/index.js';
import rule from '../src/rules/down-does-not-reverse.js';

const GM = 'db/migrations';
const users = [
  { path: `${GM}/001_users.up.sql`, code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz DEFAULT now());\nCREATE INDEX users_email_idx ON users (email);\n' },
  { path: `${GM}/001_users.down.sql`, code: 'DROP TABLE users;\n' },
];

new RuleTester({ plugins: [rollback] }).run('rollback/down-does-not-reverse', rule, {
  valid: [
    {
      name: 'golang-migrate: the down undoes everything (table, index, RLS, policy, function, type)',
      files: [
        ...users,
        {
          path: `${GM}/002_orders.up.sql`,
          code: `CREATE TYPE order_state AS ENUM ('open', 'paid');
CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint REFERENCES users (id), state order_state NOT NULL DEFAULT 'open');
CREATE INDEX orders_user_idx ON orders (user_id);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON orders FOR SELECT USING (user_id = current_setting('app.user')::bigint);
CREATE FUNCTION order_total(bigint) RETURNS numeric LANGUAGE sql AS 'select 0';
ALTER TABLE users ADD COLUMN coupon text;
`,
        },
        { path: `${GM}/002_orders.down.sql`, code: 'ALTER TABLE users DROP COLUMN coupon;\nDROP FUNCTION order_total(bigint);\nDROP TABLE orders;\nDROP TYPE order_state;\n' },
      ],
    },
    {
      name: 'an extension the up only ensures (CREATE EXTENSION IF NOT EXISTS) may stay',
      files: [
        ...users,
        { path: `${GM}/002_search.up.sql`, code: 'CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);\n' },
        { path: `${GM}/002_search.down.sql`, code: 'DROP INDEX users_email_trgm;\n' },
      ],
    },
    {
      name: 'dbmate: restored in another spelling (INTEGER for int4, NOW() for now())',
      files: [
        { path: 'db/migrations/20260101000000_users.sql', code: '-- migrate:up\nCREATE TABLE users (id int, seen timestamptz DEFAULT now());\n-- migrate:down\nDROP TABLE users;\n' },
        {
          path: 'db/migrations/20260102000000_widen.sql',
          code: '-- migrate:up\nALTER TABLE users ALTER COLUMN id TYPE bigint, ALTER COLUMN seen DROP DEFAULT;\n-- migrate:down\nALTER TABLE users ALTER COLUMN id TYPE INTEGER, ALTER COLUMN seen SET DEFAULT NOW( );\n',
        },
      ],
    },
    {
      name: 'a rename reversed; an index dropped and recreated as it was',
      files: [
        ...users,
        { path: `${GM}/002_rename.up.sql`, code: 'ALTER TABLE users RENAME COLUMN email TO mail;\nDROP INDEX users_email_idx;' },
        { path: `${GM}/002_rename.down.sql`, code: 'CREATE INDEX users_email_idx ON users (mail);\nALTER TABLE users RENAME COLUMN mail TO email;' },
      ],
    },
    {
      name: 'declared irreversible: accepted as it is',
      files: [
        ...users,
        { path: `${GM}/002_drop.up.sql`, code: 'ALTER TABLE users DROP COLUMN created_at;' },
        { path: `${GM}/002_drop.down.sql`, code: '-- migralint-irreversible: created_at was never read; the values are gone\nALTER TABLE users ADD COLUMN created_at timestamptz;' },
      ],
    },
    {
      name: 'quiet when the replay skips a statement (a DO block) or the object is external',
      files: [
        ...users,
        { path: `${GM}/002_do.up.sql`, code: 'CREATE TABLE tmp (id int);' },
        { path: `${GM}/002_do.down.sql`, code: "DO $$ BEGIN EXECUTE 'DROP TABLE tmp'; END $$;" },
        { path: `${GM}/003_storage.up.sql`, code: 'CREATE POLICY own_files ON storage.objects FOR SELECT USING (true);' },
        { path: `${GM}/003_storage.down.sql`, code: 'DROP POLICY IF EXISTS own_file ON storage.objects;' },
      ],
    },
    {
      name: 'an up that changes nothing (its down belongs to a neighbour); an empty down is empty-down’s; `since`',
      options: { since: '003' },
      files: [
        ...users,
        { path: `${GM}/002_x.up.sql`, code: 'CREATE TABLE x (id int);' },
        { path: `${GM}/002_x.down.sql`, code: 'SELECT 1;' },
        { path: `${GM}/003_noop.up.sql`, code: '-- only down needed' },
        { path: `${GM}/003_noop.down.sql`, code: 'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'an extension the up created outright is left in place',
      files: [
        ...users,
        { path: `${GM}/002_search.up.sql`, code: 'CREATE EXTENSION pg_trgm;\nCREATE INDEX users_email_trgm ON users USING gin (email gin_trgm_ops);\n' },
        { path: `${GM}/002_search.down.sql`, code: 'DROP INDEX users_email_trgm;\n' },
      ],
      errors: [{ file: `${GM}/002_search.up.sql`, messageId: 'leftInPlace', line: 1 }],
    },
    {
      name: 'golang-migrate: the down leaves a column the up added and never recreates the index it dropped',
      files: [
        ...users,
        {
          path: `${GM}/003_add_orders.up.sql`,
          code: 'CREATE TABLE orders (id bigint PRIMARY KEY);\nALTER TABLE users ADD COLUMN coupon text;\nDROP INDEX users_email_idx;\n',
        },
        { path: `${GM}/003_add_orders.down.sql`, code: 'DROP TABLE orders;\n' },
      ],
      errors: [
        {
          file: `${GM}/003_add_orders.up.sql`,
          messageId: 'leftInPlace',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 41,
          message:
            'The down of 003_add_orders leaves column "users.coupon" (added by the up) in place, so a rollback does not restore the schema; drop it in the down',
        },
        {
          file: `${GM}/003_add_orders.up.sql`,
          messageId: 'notRecreated',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 27,
          data: { migration: '003_add_orders', object: 'index "users_email_idx"', it: 'it' },
        },
      ],
    },
    {
      name: 'dbmate: a type not restored, NOT NULL not restored, and a down that drops a table it did not create',
      files: [
        { path: 'db/migrations/20260101000000_init.sql', code: '-- migrate:up\nCREATE TABLE users (id int, email text NOT NULL);\nCREATE TABLE audit (at timestamptz);\n-- migrate:down\nDROP TABLE audit, users;\n' },
        {
          path: 'db/migrations/20260102000000_relax.sql',
          code: '-- migrate:up\nALTER TABLE users ALTER COLUMN id TYPE bigint;\nALTER TABLE users ALTER COLUMN email DROP NOT NULL;\n-- migrate:down\nALTER TABLE users ALTER COLUMN id TYPE text;\nDROP TABLE IF EXISTS audit;\n',
        },
      ],
      errors: [
        {
          file: 'db/migrations/20260102000000_relax.sql',
          messageId: 'notRestored',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 51,
          data: { migration: '20260102000000_relax', object: 'column "users.email"', changes: 'nullability nullable, NOT NULL before the up', it: 'it' },
        },
        {
          file: 'db/migrations/20260102000000_relax.sql',
          messageId: 'notRestored',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 44,
          data: { migration: '20260102000000_relax', object: 'column "users.id"', changes: 'type text, int4 before the up', it: 'it' },
        },
        { file: 'db/migrations/20260102000000_relax.sql', messageId: 'dropsExisting', line: 6, column: 1, endLine: 6, endColumn: 27, data: { migration: '20260102000000_relax', object: 'table "audit"' } },
      ],
    },
    {
      name: 'directory-per-migration: a rename not reversed, RLS left on, columns re-added with a default they never had (one finding)',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: 'CREATE TABLE "Members" (id int, a int NOT NULL, b int NOT NULL, nick text);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: 'DROP TABLE "Members";' },
        { path: 'migrations/2026-01-02-000000_rework/up.sql', code: 'ALTER TABLE "Members" RENAME nick TO handle;\nALTER TABLE "Members" ENABLE ROW LEVEL SECURITY;\nALTER TABLE "Members" DROP COLUMN a, DROP COLUMN b;' },
        { path: 'migrations/2026-01-02-000000_rework/down.sql', code: 'ALTER TABLE "Members"\n  ADD COLUMN a int NOT NULL DEFAULT 0,\n  ADD COLUMN b int NOT NULL DEFAULT 0;' },
      ],
      errors: [
        {
          file: 'migrations/2026-01-02-000000_rework/up.sql',
          messageId: 'leftRenamed',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 44,
          data: { migration: '2026-01-02-000000_rework', from: 'column "Members.nick"', to: '"handle"' },
        },
        {
          file: 'migrations/2026-01-02-000000_rework/up.sql',
          messageId: 'notRestored',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 48,
          data: { migration: '2026-01-02-000000_rework', object: 'table "Members"', changes: 'row level security enabled, disabled before the up', it: 'it' },
        },
        {
          file: 'migrations/2026-01-02-000000_rework/down.sql',
          messageId: 'recreatedDifferently',
          line: 1,
          column: 1,
          endLine: 3,
          endColumn: 38,
          data: { migration: '2026-01-02-000000_rework', object: 'columns "Members.a" and "Members.b"', changes: 'default 0, none before the up', it: 'them' },
        },
      ],
    },
    {
      name: 'a down that creates what was not there before the up',
      files: [
        ...users,
        { path: `${GM}/002_idx.up.sql`, code: 'CREATE INDEX users_created_idx ON users (created_at);' },
        { path: `${GM}/002_idx.down.sql`, code: 'DROP INDEX users_created_idx;\nCREATE INDEX users_email_lower_idx ON users (lower(email));' },
      ],
      errors: [{ file: `${GM}/002_idx.down.sql`, messageId: 'createsNew', line: 2, column: 1, endLine: 2, endColumn: 59, data: { migration: '002_idx', object: 'index "users_email_lower_idx"' } }],
    },
  ],
  invalidOptions: [{ since: '' }, { since: ['1'] }, { layouts: ['golang-migrate'] }],
});

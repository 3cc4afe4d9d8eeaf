import { RuleTester } from '@migralint/rule-tester';
import rollback from '../src/index.js';
import rule from '../src/rules/empty-down.js';

const GM = 'db/migrations';

new RuleTester({ plugins: [rollback] }).run('rollback/empty-down', rule, {
  valid: [
    {
      name: 'golang-migrate: the down undoes the up',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id bigint);' },
        { path: `${GM}/001_init.down.sql`, code: '-- undo\nDROP TABLE users;' },
      ],
    },
    {
      name: 'declared irreversible, with the reason (in the down)',
      files: [
        { path: `${GM}/001_purge.up.sql`, code: 'DELETE FROM sessions;' },
        { path: `${GM}/001_purge.down.sql`, code: '-- migralint-irreversible: deleted sessions cannot come back; users log in again\n' },
      ],
    },
    {
      name: 'dbmate: an empty up needs no down',
      files: [{ path: 'db/migrations/20260101000000_placeholder.sql', code: '-- migrate:up\n-- reserved\n\n-- migrate:down\n' }],
    },
    {
      name: 'grandfathered by `since` (dbmate versions compare as names)',
      options: { since: '20260201000000' },
      files: [{ path: 'db/migrations/20260101000000_init.sql', code: '-- migrate:up\nCREATE TABLE users (id int);\n\n-- migrate:down\n' }],
    },
    {
      name: 'a DO block is a statement that does something',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: 'CREATE TABLE users (id int);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: "DO $$ BEGIN EXECUTE 'DROP TABLE users'; END $$;" },
      ],
    },
    {
      name: 'goose: a Down section with statements',
      files: [{ path: 'migrations/00001_init.sql', code: '-- +goose Up\nCREATE TABLE users (id int);\n\n-- +goose Down\nDROP TABLE users;\n' }],
    },
  ],
  invalid: [
    {
      name: 'golang-migrate: a down with only a comment (emoji: UTF-16 columns)',
      files: [
        { path: `${GM}/001_add_orders.up.sql`, code: 'CREATE TABLE orders (id bigint);\n' },
        { path: `${GM}/001_add_orders.down.sql`, code: '\n-- 🙈 nothing to undo\n' },
      ],
      errors: [{ file: `${GM}/001_add_orders.down.sql`, messageId: 'empty', line: 2, column: 1, endLine: 2, endColumn: 22, data: { migration: '001_add_orders', kinds: '' } }],
    },
    {
      name: 'dbmate: the second section’s down is empty; reported at its marker',
      files: [
        {
          path: 'db/migrations/20260101000000_init.sql',
          code: '-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\nDROP TABLE users;\n\n-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n-- migrate:down   \n-- TODO\n',
        },
      ],
      errors: [{ file: 'db/migrations/20260101000000_init.sql', messageId: 'empty', line: 8, column: 1, endLine: 8, endColumn: 16 }],
    },
    {
      name: 'goose: the template’s Down left as generated',
      files: [
        {
          path: 'migrations/00002_orders.sql',
          code: "-- +goose Up\nCREATE TABLE orders (id int);\n\n-- +goose Down\n-- +goose StatementBegin\nSELECT 'down SQL query';\n-- +goose StatementEnd\n",
        },
      ],
      errors: [{ file: 'migrations/00002_orders.sql', messageId: 'noEffect', line: 6, column: 1, endLine: 6, endColumn: 24, data: { migration: '00002_orders', kinds: 'SELECT' } }],
    },
    {
      name: 'directory-per-migration: an empty down.sql; an annotation without a reason does not count',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: '/* migralint-irreversible */\nCREATE TABLE users (id int);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: '' },
      ],
      errors: [{ file: 'migrations/2026-01-01-000000_init/down.sql', messageId: 'empty', line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'transaction control only',
      files: [
        { path: `${GM}/3_x.up.sql`, code: 'ALTER TABLE users ADD COLUMN nickname text;' },
        { path: `${GM}/3_x.down.sql`, code: 'BEGIN;\nCOMMIT;\n' },
      ],
      errors: [{ file: `${GM}/3_x.down.sql`, messageId: 'noEffect', line: 1, column: 1, endLine: 1, endColumn: 6, data: { migration: '3_x', kinds: 'transaction control' } }],
    },
  ],
  invalidOptions: [{ since: '' }, { since: 1 }, { layouts: ['dbmate'] }],
});

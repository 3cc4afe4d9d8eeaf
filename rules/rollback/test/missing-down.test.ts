import { RuleTester } from '@migralint/rule-tester';
import rollback from '../src/index.js';
import rule from '../src/rules/missing-down.js';

const GM = 'db/migrations';

new RuleTester({ plugins: [rollback] }).run('rollback/missing-down', rule, {
  valid: [
    {
      name: 'golang-migrate: every up has its down',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id bigint PRIMARY KEY);\n' },
        { path: `${GM}/001_init.down.sql`, code: 'DROP TABLE users;\n' },
      ],
    },
    {
      name: 'dbmate: the down section is the down',
      files: [{ path: 'db/migrations/20260101000000_init.sql', code: '-- migrate:up\nCREATE TABLE users (id bigint);\n\n-- migrate:down\nDROP TABLE users;\n' }],
    },
    {
      name: 'directory-per-migration with up.sql and down.sql',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: 'CREATE TABLE users (id bigint);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: 'DROP TABLE users;' },
      ],
    },
    {
      name: 'grandfathered: migrations before `since` (versions as numbers: 9 < 10)',
      options: { since: '10' },
      files: [
        { path: `${GM}/9_old.up.sql`, code: 'CREATE TABLE old (id int);' },
        { path: `${GM}/10_new.up.sql`, code: 'CREATE TABLE new (id int);' },
        { path: `${GM}/10_new.down.sql`, code: 'DROP TABLE new;' },
      ],
    },
    {
      name: 'declared irreversible, with the reason, in the up',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE audit (id int);' },
        { path: `${GM}/001_init.down.sql`, code: 'DROP TABLE audit;' },
        { path: `${GM}/002_purge.up.sql`, code: '-- migralint-irreversible: purges the audit log; its rows are gone\nDROP TABLE audit;\n' },
      ],
    },
    {
      name: 'a directory where no migration has a down does not use rollbacks (default)',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id int);' },
        { path: `${GM}/002_more.up.sql`, code: 'CREATE TABLE orders (id int);' },
      ],
    },
    {
      name: 'Flyway is not in the default layouts (undo scripts are a paid feature)',
      files: [
        { path: 'db/migration/V1__init.sql', code: 'CREATE TABLE users (id int);' },
        { path: 'db/migration/U1__init.sql', code: 'DROP TABLE users;' },
        { path: 'db/migration/V2__orders.sql', code: 'CREATE TABLE orders (id int);' },
      ],
    },
    {
      name: 'an up that changes nothing needs no down; a down without an up is migrations/orphan-down’s',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id int);' },
        { path: `${GM}/001_init.down.sql`, code: 'DROP TABLE users;' },
        { path: `${GM}/002_noop.up.sql`, code: "-- nothing yet\nSELECT 'up SQL query';\n" },
        { path: `${GM}/003_gone.down.sql`, code: 'DROP TABLE gone;' },
      ],
    },
    {
      name: 'Supabase has no downs at all',
      files: [{ path: 'supabase/migrations/20260101000000_init.sql', code: 'CREATE TABLE users (id int);' }],
    },
  ],
  invalid: [
    {
      name: 'golang-migrate: the second up has no down (CRLF, an emoji comment first)',
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id bigint);\n' },
        { path: `${GM}/001_init.down.sql`, code: 'DROP TABLE users;\n' },
        { path: `${GM}/002_add_orders.up.sql`, code: '-- 😀 orders\r\nCREATE TABLE orders (\r\n  id bigint\r\n);\r\n' },
      ],
      errors: [
        {
          file: `${GM}/002_add_orders.up.sql`,
          messageId: 'missing',
          line: 2,
          column: 1,
          endLine: 4,
          endColumn: 2,
          data: { migration: '002_add_orders', down: '`002_add_orders.down.sql`' },
        },
      ],
    },
    {
      name: 'directory-per-migration: a directory without down.sql',
      files: [
        { path: 'migrations/2026-01-01-000000_init/up.sql', code: 'CREATE TABLE users (id bigint);' },
        { path: 'migrations/2026-01-01-000000_init/down.sql', code: 'DROP TABLE users;' },
        { path: 'migrations/2026-01-02-000000_orders/up.sql', code: 'BEGIN;\nCREATE TABLE orders (id bigint);\nCOMMIT;' },
      ],
      errors: [{ file: 'migrations/2026-01-02-000000_orders/up.sql', messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 32, data: { migration: '2026-01-02-000000_orders', down: '`down.sql` beside `up.sql`' } }],
    },
    {
      name: 'goose: a file without a Down section, beside one with',
      files: [
        { path: 'migrations/00001_init.sql', code: '-- +goose Up\nCREATE TABLE users (id int);\n\n-- +goose Down\nDROP TABLE users;\n' },
        { path: 'migrations/00002_orders.sql', code: '-- +goose Up\nCREATE TABLE orders (id int);\n' },
      ],
      errors: [{ file: 'migrations/00002_orders.sql', messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 29, data: { migration: '00002_orders', down: 'a `-- +goose Down` section' } }],
    },
    {
      name: 'paired-down: the expected file is named',
      files: [
        { path: 'supabase/migrations/20260101000000_init.sql', code: 'CREATE TABLE users (id int);' },
        { path: 'supabase/migrations/20260101000000_init.down.sql', code: 'DROP TABLE users;' },
        { path: 'supabase/migrations/20260102000000_orders.sql', code: 'CREATE TABLE orders (id int);' },
      ],
      errors: [{ file: 'supabase/migrations/20260102000000_orders.sql', messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 29, data: { migration: '20260102000000_orders', down: '`20260102000000_orders.down.sql`' } }],
    },
    {
      name: '`since`: older migrations are grandfathered, newer ones are not; an annotation without a reason does not count',
      options: { since: '002' },
      files: [
        { path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id int);' },
        { path: `${GM}/002_orders.up.sql`, code: 'CREATE TABLE orders (id int);' },
        { path: `${GM}/002_orders.down.sql`, code: 'DROP TABLE orders;' },
        { path: `${GM}/003_purge.up.sql`, code: '-- migralint-irreversible\nDROP TABLE users;' },
      ],
      errors: [{ file: `${GM}/003_purge.up.sql`, messageId: 'missing', line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      name: '`checkSetsWithoutDowns`: a directory that never had a down is checked too',
      options: { checkSetsWithoutDowns: true },
      files: [{ path: `${GM}/001_init.up.sql`, code: 'CREATE TABLE users (id int);' }],
      errors: [{ file: `${GM}/001_init.up.sql`, messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 28 }],
    },
    {
      name: '`layouts`: Flyway when asked for',
      options: { layouts: ['flyway'] },
      files: [
        { path: 'db/migration/V1__init.sql', code: 'CREATE TABLE users (id int);' },
        { path: 'db/migration/U1__init.sql', code: 'DROP TABLE users;' },
        { path: 'db/migration/V2__orders.sql', code: 'CREATE TABLE orders (id int);' },
      ],
      errors: [{ file: 'db/migration/V2__orders.sql', messageId: 'missing', line: 1, column: 1, data: { migration: '2_orders', down: '`U2__orders.sql`' } }],
    },
  ],
  invalidOptions: [{ layouts: ['supabase'] }, { layouts: 'golang-migrate' }, { layouts: ['goose', 'goose'] }, { since: '' }, { since: 42 }, { checkSetsWithoutDowns: 'yes' }, { other: true }],
});

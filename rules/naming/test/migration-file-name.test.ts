import { RuleTester } from '@migralint/rule-tester';
import naming from '../src/index.js';
import rule from '../src/rules/migration-file-name.js';

const NOW = { now: '2026-03-01T12:00:00Z' };
const SQL = 'SELECT 1;';
const files = (...paths: string[]) => paths.map((path) => ({ path, code: SQL }));
/** A finding about a file's name points at the start of the file. */
const AT_START = { line: 1, column: 1, endLine: 1, endColumn: 1 };

new RuleTester({ plugins: [naming] }).run('naming/migration-file-name', rule, {
  valid: [
    {
      name: 'a Supabase history: 14-digit UTC timestamps, snake_case descriptions',
      files: files(
        'supabase/migrations/20240108234540_setup.sql',
        'supabase/migrations/20240108234541_add_profiles.sql',
        'supabase/migrations/20251031133754_20250429164909_pgflow_initial.sql',
      ),
      options: NOW,
    },
    {
      name: 'golang-migrate: zero-padded numbers of one width, up and down, dialect suffixes',
      files: files(
        'db/migrations/000001_init.up.sql',
        'db/migrations/000001_init.down.sql',
        'db/migrations/000002_add_users.postgres.up.sql',
        'db/migrations/000002_add_users.postgres.down.sql',
      ),
    },
    {
      name: "diesel: its own YYYY-MM-DD-HHmmss and the all-zero initial setup",
      files: files(
        'migrations/00000000000000_diesel_initial_setup/up.sql',
        'migrations/00000000000000_diesel_initial_setup/down.sql',
        'migrations/2019-09-12-100000_create_tables/up.sql',
        'migrations/2019-09-12-100000_create_tables/down.sql',
      ),
    },
    { name: 'Flyway: V<version>__ with dotted and underscored versions, repeatables', files: files('db/V1__init.sql', 'db/V1_1__add_users.sql', 'db/V2.0__orders.sql', 'db/R__views.sql') },
    {
      name: "the team's own pattern and case on a plain directory",
      files: files('db/20240101120000-add-users.sql', 'db/20240102120000-add-orders.sql'),
      options: { pattern: '{timestamp}-{description}.sql', case: 'kebab-case' },
    },
    {
      name: 'a timestamp a few hours ahead (a local time written by hand) is not "future"',
      files: files('supabase/migrations/20260301200000_late_evening.sql'),
      options: NOW,
    },
    { name: 'an unknown runner (plain) has no convention until `pattern` gives one', files: files('db/1_Whatever.sql', 'db/2_Another One.sql') },
    {
      name: "a pattern by layout (the supabase preset's) leaves other runners' directories to their own convention",
      files: files('supabase/migrations/20240101000000_init.sql', 'db/migrations/000001_init.up.sql', 'db/migrations/000001_init.down.sql'),
      options: { pattern: { supabase: '{timestamp}_{description}.sql' }, timestampFormat: { supabase: 'YYYYMMDDHHmmss' }, ...NOW },
    },
  ],
  invalid: [
    {
      name: 'Supabase: a short timestamp, an impossible date, a future one, the wrong case, spaces, no description',
      files: files(
        'supabase/migrations/20240101000000_init.sql',
        'supabase/migrations/2024010200_short.sql',
        'supabase/migrations/20240230120000_feb_30.sql',
        'supabase/migrations/20240103000000_Add-Users.sql',
        'supabase/migrations/20240104000000_add users.sql',
        'supabase/migrations/20240105000000_.sql',
        'supabase/migrations/20990101000000_from_the_future.sql',
      ),
      options: NOW,
      errors: [
        { file: 'supabase/migrations/2024010200_short.sql', messageId: 'timestampFormat', ...AT_START, data: { timestamp: '2024010200', format: 'YYYYMMDDHHmmss' } },
        { file: 'supabase/migrations/20240230120000_feb_30.sql', messageId: 'invalidDate', ...AT_START, data: { timestamp: '20240230120000', reason: 'day 30 of a month with 29 days' } },
        {
          file: 'supabase/migrations/20240103000000_Add-Users.sql',
          messageId: 'descriptionCase',
          ...AT_START,
          data: { description: 'Add-Users', case: 'snake_case', suggested: 'add_users' },
        },
        { file: 'supabase/migrations/20240104000000_add users.sql', messageId: 'spaces', ...AT_START, data: { description: 'add users', suggested: 'add_users' } },
        { file: 'supabase/migrations/20240105000000_.sql', messageId: 'missingDescription', ...AT_START, data: { case: 'snake_case' } },
        {
          file: 'supabase/migrations/20990101000000_from_the_future.sql',
          messageId: 'futureTimestamp',
          ...AT_START,
          data: { timestamp: '20990101000000', date: '2099-01-01 00:00:00 UTC' },
        },
      ],
    },
    {
      name: "golang-migrate: a number padded differently, and a description's case — once per migration, on its up",
      files: files(
        'db/migrations/0001_init.up.sql',
        'db/migrations/0001_init.down.sql',
        'db/migrations/0002_add_users.up.sql',
        'db/migrations/0002_add_users.down.sql',
        'db/migrations/003_AddOrders.up.sql',
        'db/migrations/003_AddOrders.down.sql',
      ),
      errors: [
        { file: 'db/migrations/003_AddOrders.up.sql', messageId: 'sequenceWidth', ...AT_START, data: { version: '003', digits: 3, width: 4 } },
        { file: 'db/migrations/003_AddOrders.up.sql', messageId: 'descriptionCase', ...AT_START, data: { description: 'AddOrders', case: 'snake_case', suggested: 'add_orders' } },
      ],
    },
    {
      name: 'Prisma: a 12-digit timestamp and a PascalCase name in the folder',
      files: files(
        'prisma/migrations/20230912150657_initialize/migration.sql',
        'prisma/migrations/202310122339_NewColumnInLinkTable/migration.sql',
        'prisma/migrations/20231013165123_create_document_version/migration.sql',
      ),
      errors: [
        { file: 'prisma/migrations/202310122339_NewColumnInLinkTable/migration.sql', messageId: 'timestampFormat', ...AT_START },
        {
          file: 'prisma/migrations/202310122339_NewColumnInLinkTable/migration.sql',
          messageId: 'descriptionCase',
          ...AT_START,
          data: { description: 'NewColumnInLinkTable', case: 'snake_case', suggested: 'new_column_in_link_table' },
        },
      ],
    },
    {
      name: 'golang-migrate with timestamps: a version of 12 digits among 14-digit ones is a short timestamp',
      files: files(
        'db/migrations/20220123205937_initial.up.sql',
        'db/migrations/20220125145204_foreign_keys.up.sql',
        'db/migrations/202202011200_webhooks.up.sql',
      ),
      errors: [{ file: 'db/migrations/202202011200_webhooks.up.sql', messageId: 'timestampFormat', ...AT_START, data: { timestamp: '202202011200', format: 'YYYYMMDDHHmmss' } }],
    },
    {
      name: "the team's pattern: a file that does not follow it at all",
      files: files('db/20240101120000_init.sql', 'db/001-users.sql'),
      options: { pattern: '{timestamp}_{description}.sql' },
      errors: [{ file: 'db/001-users.sql', messageId: 'mismatch', ...AT_START, data: { name: '001-users.sql', pattern: '"{timestamp}_{description}.sql"' } }],
    },
    {
      name: 'a pattern by layout: only the named layout uses it',
      files: files('supabase/migrations/20240101000000_init.sql', 'prisma/migrations/2024010200_init/migration.sql'),
      options: { pattern: { supabase: '{timestamp}-{description}.sql', prisma: ['{timestamp}_{description}/migration.sql'] } },
      errors: [
        { file: 'supabase/migrations/20240101000000_init.sql', messageId: 'mismatch', ...AT_START, data: { name: '20240101000000_init.sql', pattern: '"{timestamp}-{description}.sql"' } },
        { file: 'prisma/migrations/2024010200_init/migration.sql', messageId: 'timestampFormat', ...AT_START, data: { timestamp: '2024010200', format: 'YYYYMMDDHHmmss' } },
      ],
    },
    {
      name: 'unix-second versions (timestampFormat "unix"), one in the future',
      files: files('db/migrations/1510262030_initial_schema.up.sql', 'db/migrations/1510670987_update_caches.up.sql', 'db/migrations/9999999999_later.up.sql'),
      options: { timestampFormat: 'unix', ...NOW },
      errors: [{ file: 'db/migrations/9999999999_later.up.sql', messageId: 'futureTimestamp', ...AT_START, data: { timestamp: '9999999999', date: '2286-11-20 17:46:39 UTC' } }],
    },
  ],
  invalidOptions: [
    { pattern: '{timestamp}_{name}.sql' },
    { pattern: [] },
    { pattern: { supabse: '{timestamp}_{description}.sql' } },
    { pattern: {} },
    { timestampFormat: 'YYYYMMDDHHMMSS' },
    { case: 'snake' },
    { now: 'yesterday' },
    { layout: 'supabase' },
  ],
});

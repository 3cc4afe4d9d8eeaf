import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-index.js';

const USERS = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, CONSTRAINT users_email_key UNIQUE (email));\nCREATE UNIQUE INDEX users_lower_email ON users (lower(email));\nCREATE UNIQUE INDEX users_email_uniq ON users (email);\nCREATE INDEX users_email_idx ON users (email);';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-index', rule, {
  valid: [
    { name: 'a plain index: a speed question, not lost data', code: 'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;' },
    { name: 'without the model a DROP INDEX cannot be judged', code: 'DROP INDEX users_email_key;' },
    { name: 'a constraint whose name says nothing', code: 'ALTER TABLE users DROP CONSTRAINT users_email_check, DROP CONSTRAINT fk_org;' },
    { name: 'a table created in the same migration', code: 'CREATE TABLE t (id bigint PRIMARY KEY);\nALTER TABLE t DROP CONSTRAINT t_pkey;' },
    { name: 're-added under the same name in the same statement', code: 'ALTER TABLE users DROP CONSTRAINT users_email_key, ADD CONSTRAINT users_email_key UNIQUE (email, tenant_id);' },
    { name: 'an unnamed primary key added back', code: 'ALTER TABLE memberships DROP CONSTRAINT memberships_pkey;\nALTER TABLE memberships ADD PRIMARY KEY (org_id, user_id);' },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-index -- emails may repeat across tenants now, ticket OPS-3\nALTER TABLE users DROP CONSTRAINT users_email_key;',
    },
    {
      name: 'a unique index replaced by an equivalent one in the same migration (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: USERS },
        { path: 'migrations/002_swap.up.sql', code: 'DROP INDEX users_email_uniq;' },
      ],
    },
    {
      name: 'a plain index an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: USERS },
        { path: 'migrations/002_drop.up.sql', code: 'DROP INDEX users_email_idx;\nDROP INDEX users_lower_email;' },
      ],
    },
    {
      name: 'the primary key of a table the migration drops later: the table drop is the finding (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE tasks (id bigint, CONSTRAINT tasks_pkey PRIMARY KEY (id));' },
        { path: 'migrations/002_drop.up.sql', code: 'ALTER TABLE tasks DROP CONSTRAINT tasks_pkey;\nDROP TABLE tasks;' },
      ],
    },
    {
      name: 'the key re-made on the renamed column (by identity, migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, mail text, CONSTRAINT users_mail_key UNIQUE (mail));' },
        { path: 'migrations/002_rename.up.sql', code: 'ALTER TABLE users DROP CONSTRAINT users_mail_key;\nALTER TABLE users RENAME COLUMN mail TO email;\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);' },
      ],
    },
  ],
  invalid: [
    {
      code: 'ALTER TABLE users DROP CONSTRAINT users_email_key;',
      errors: [{ messageId: 'dropConstraint', line: 1, column: 35, endLine: 1, endColumn: 50, data: { kind: 'unique constraint', constraint: 'users_email_key', table: 'users' } }],
    },
    {
      name: 'a primary key and an exclusion constraint, IF EXISTS, CASCADE, schema-qualified',
      code: 'ALTER TABLE app.bookings DROP CONSTRAINT IF EXISTS bookings_pkey CASCADE, DROP CONSTRAINT bookings_room_excl;',
      errors: [
        { messageId: 'dropConstraint', line: 1, column: 52, endLine: 1, endColumn: 65, data: { kind: 'primary key', constraint: 'bookings_pkey', table: 'app.bookings' } },
        { messageId: 'dropConstraint', line: 1, column: 91, endLine: 1, endColumn: 109, data: { kind: 'exclusion constraint', constraint: 'bookings_room_excl', table: 'app.bookings' } },
      ],
    },
    {
      name: 'CRLF, an emoji comment, a quoted non-ASCII name',
      code: '-- 🔓\r\nALTER TABLE "Kunden"\r\n  DROP CONSTRAINT "Kunden_e-mail_key";',
      errors: [{ messageId: 'dropConstraint', line: 3, column: 19, endLine: 3, endColumn: 38, data: { kind: 'unique constraint', constraint: 'Kunden_e-mail_key', table: 'Kunden' } }],
    },
    {
      name: 'a unique index an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: USERS.replace(', CONSTRAINT users_email_key UNIQUE (email)', '') },
        { path: 'migrations/002_drop.up.sql', code: 'DROP INDEX users_email_uniq;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropUniqueIndex', line: 1, column: 12, endLine: 1, endColumn: 28 }],
    },
    {
      name: 'a unique constraint the model knows, whatever its name (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text, CONSTRAINT one_email_per_user UNIQUE (email));' },
        { path: 'migrations/002_drop.up.sql', code: 'ALTER TABLE users DROP CONSTRAINT one_email_per_user;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropConstraint', line: 1, column: 35, data: { kind: 'unique constraint', constraint: 'one_email_per_user', table: 'users' } }],
    },
  ],
  invalidOptions: [{ checkPlainIndexes: true }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-rename-column.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-rename-column', rule, {
  valid: [
    'CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;',
    { name: 'a column added earlier in the same file', code: 'ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME nick TO nickname;' },
    'ALTER VIEW v RENAME COLUMN a TO b;',
    'ALTER TABLE users RENAME CONSTRAINT a TO b;',
    'ALTER TYPE address RENAME ATTRIBUTE zip TO postcode;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-rename-column -- only the batch job reads it, deployed together\nALTER TABLE jobs RENAME COLUMN ran_at TO finished_at;',
    },
    {
      name: 'a down that renames back what its up renamed (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, name text);' },
        { path: 'migrations/002_rename.up.sql', code: '-- migralint-disable-next-statement destructive/no-rename-column -- app reads both, ticket OPS-4\nALTER TABLE users RENAME COLUMN name TO full_name;' },
        { path: 'migrations/002_rename.down.sql', code: 'ALTER TABLE users RENAME COLUMN full_name TO name;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'ALTER TABLE users RENAME COLUMN name TO full_name;',
      errors: [{ messageId: 'renameColumn', line: 1, column: 33, endLine: 1, endColumn: 37, data: { column: 'name', table: 'users', newName: 'full_name' } }],
    },
    {
      name: 'without the COLUMN keyword, schema-qualified, quoted non-ASCII names',
      code: 'ALTER TABLE ONLY app.kunden RENAME "straße" TO "strasse";',
      errors: [{ messageId: 'renameColumn', line: 1, column: 36, endLine: 1, endColumn: 44, data: { column: 'straße', table: 'app.kunden', newName: 'strasse' } }],
    },
    {
      name: 'a column named like the keyword: RENAME COLUMN "column"',
      code: 'ALTER TABLE t RENAME COLUMN "column" TO col;',
      errors: [{ messageId: 'renameColumn', line: 1, column: 29, endLine: 1, endColumn: 37 }],
    },
    {
      name: 'squawk renaming_column::err#1 (same verdict)',
      code: '\nALTER TABLE "table_name" RENAME COLUMN "column_name" TO "new_column_name";\n        ',
      errors: [{ messageId: 'renameColumn', line: 2, column: 40, endLine: 2, endColumn: 53 }],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- 🔤\r\nALTER TABLE users\r\n  RENAME COLUMN\r\n    email TO email_address;',
      errors: [{ messageId: 'renameColumn', line: 4, column: 5, endLine: 4, endColumn: 10 }],
    },
    {
      name: 'a column an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, name text);' },
        { path: 'migrations/002_rename.up.sql', code: 'ALTER TABLE users RENAME COLUMN name TO full_name;' },
      ],
      errors: [{ file: 'migrations/002_rename.up.sql', messageId: 'renameColumn', line: 1, column: 33 }],
    },
  ],
  invalidOptions: [{ allowColumns: [] }],
});

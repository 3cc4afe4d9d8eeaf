import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/enum-add-value.js';
import { needsModel } from './model-wired.js';

new RuleTester({ plugins: [locking] }).run('locking/enum-add-value', rule, {
  valid: [
    { name: 'outside a transaction on Postgres 11', code: "ALTER TYPE mood ADD VALUE 'ecstatic';", settings: { postgresVersion: 11 } },
    { name: 'in a transaction on Postgres 12+, unused', code: "BEGIN;\nALTER TYPE mood ADD VALUE 'ecstatic';\nCOMMIT;" },
    { name: 'used after the COMMIT', code: "BEGIN;\nALTER TYPE status ADD VALUE 'archived';\nCOMMIT;\nUPDATE posts SET status = 'archived' WHERE deleted;" },
    {
      name: 'an enum created in the same transaction is safe to use',
      code: "BEGIN;\nCREATE TYPE status AS ENUM ('draft');\nALTER TYPE status ADD VALUE 'published';\nCREATE TABLE posts (s status DEFAULT 'published');\nCOMMIT;",
      settings: { postgresVersion: 11 },
    },
    { name: 'squawk ok_add_value_before#1', code: "\nALTER TYPE my_enum ADD VALUE 'new_value' BEFORE 'existing_value';\n", options: { requirePosition: true } },
    { name: 'squawk ok_add_value_after#1', code: "\nALTER TYPE my_enum ADD VALUE 'new_value' AFTER 'existing_value';\n", options: { requirePosition: true } },
    { name: 'no position needed by default', code: "ALTER TYPE my_enum ADD VALUE 'new_value';" },
    { name: 'RENAME VALUE adds nothing', code: "BEGIN;\nALTER TYPE mood RENAME VALUE 'sad' TO 'blue';\nUPDATE t SET m = 'blue';\nCOMMIT;" },
  ],
  invalid: [
    {
      name: 'in a transaction before Postgres 12',
      code: "BEGIN;\nALTER TYPE mood ADD VALUE 'ecstatic';\nCOMMIT;",
      settings: { postgresVersion: 11 },
      errors: [{ messageId: 'inTransactionBefore12', line: 2, column: 27, endLine: 2, endColumn: 37, data: { value: 'ecstatic', type: 'mood', version: 11 } }],
    },
    {
      name: 'the runner’s transaction (assumeTransaction), Postgres 10',
      code: "-- 😀\nALTER TYPE \"Humeur\" ADD VALUE 'très content';",
      settings: { postgresVersion: 10, assumeTransaction: true },
      errors: [{ messageId: 'inTransactionBefore12', line: 2, column: 31, endColumn: 45, data: { value: 'très content', type: 'Humeur', version: 10 } }],
    },
    {
      name: 'the new value used in the same transaction',
      code: "ALTER TYPE status ADD VALUE 'archived';\nUPDATE posts SET status = 'archived' WHERE deleted;",
      settings: { assumeTransaction: true },
      errors: [{ messageId: 'usedInSameTransaction', line: 2, column: 27, endColumn: 37, data: { value: 'archived', type: 'status' } }],
    },
    {
      name: 'used as a column default; requirePosition is satisfied by AFTER',
      code: "BEGIN;\nALTER TYPE app.status ADD VALUE IF NOT EXISTS 'archived' AFTER 'published';\nALTER TABLE posts ALTER COLUMN status SET DEFAULT 'archived';\nCOMMIT;",
      options: { requirePosition: true },
      errors: [{ messageId: 'usedInSameTransaction', line: 3, column: 51, endColumn: 61, data: { value: 'archived', type: 'app.status' } }],
    },
    {
      name: 'squawk err_add_value_without_ordering#1',
      code: "\nALTER TYPE my_enum ADD VALUE 'new_value';\n",
      options: { requirePosition: true },
      errors: [{ messageId: 'noPosition', line: 2, column: 30, endColumn: 41, data: { value: 'new_value', type: 'my_enum' } }],
    },
    {
      name: 'squawk err_add_value_if_not_exists_without_ordering#1',
      code: "\nALTER TYPE my_enum ADD VALUE IF NOT EXISTS 'new_value';\n",
      options: { requirePosition: true },
      errors: [{ messageId: 'noPosition', line: 2, column: 44, endColumn: 55 }],
    },
    {
      name: '[model] a golang-migrate up file runs in a transaction',
      ...needsModel,
      filename: 'db/migrations/003_archived.up.sql',
      code: "ALTER TYPE status ADD VALUE 'archived';\nUPDATE posts SET status = 'archived' WHERE deleted;",
      errors: [{ messageId: 'usedInSameTransaction', line: 2, column: 27, endColumn: 37 }],
    },
  ],
  invalidOptions: [{ requirePosition: 'yes' }, { requirePosition: 1 }, { requireOrder: true }],
});

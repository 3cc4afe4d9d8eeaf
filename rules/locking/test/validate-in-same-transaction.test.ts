import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/validate-in-same-transaction.js';
import { needsModel } from './model-wired.js';

const ADD_FK = 'ALTER TABLE "app_email" ADD CONSTRAINT "fk_user" FOREIGN KEY (user_id) REFERENCES "app_user" (id) NOT VALID;';
const VALIDATE_FK = 'ALTER TABLE "app_email" VALIDATE CONSTRAINT "fk_user";';

new RuleTester({ plugins: [locking] }).run('locking/validate-in-same-transaction', rule, {
  valid: [
    { name: 'autocommit: each statement is its own transaction (squawk adding_fk_not_valid_ok#1)', code: `${ADD_FK}\n${VALIDATE_FK}` },
    {
      name: 'two explicit transactions (squawk regression_gh_issue_628)',
      code: `BEGIN;\n${ADD_FK}\nCOMMIT;\n\nBEGIN;\n${VALIDATE_FK}\nCOMMIT;`,
    },
    { name: 'COMMIT AND CHAIN starts a new transaction', code: `BEGIN;\n${ADD_FK}\nCOMMIT AND CHAIN;\n${VALIDATE_FK}\nCOMMIT;` },
    {
      name: 'a COMMIT ends the runner’s transaction too',
      code: `${ADD_FK}\nCOMMIT;\n${VALIDATE_FK}`,
      settings: { assumeTransaction: true },
    },
    { name: 'validating a constraint added in an earlier migration', code: `BEGIN;\n${VALIDATE_FK}\nCOMMIT;` },
    {
      name: 'a table created in the same transaction holds no rows',
      code: 'CREATE TABLE t (a int);\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;',
      settings: { assumeTransaction: true },
    },
    { name: 'another constraint', code: `BEGIN;\n${ADD_FK}\nALTER TABLE "app_email" VALIDATE CONSTRAINT "fk_other";\nCOMMIT;` },
    { name: 'another table', code: `BEGIN;\n${ADD_FK}\nALTER TABLE app_user VALIDATE CONSTRAINT "fk_user";\nCOMMIT;` },
  ],
  invalid: [
    {
      name: 'squawk not_valid_validate_transaction_err#1',
      code: `\nBEGIN;\n${ADD_FK}\n${VALIDATE_FK}\nCOMMIT;\n        `,
      errors: [
        {
          messageId: 'sameTransaction',
          line: 4,
          column: 45,
          endLine: 4,
          endColumn: 54,
          data: { constraint: 'fk_user', table: 'app_email', mode: 'SHARE ROW EXCLUSIVE', blocked: 'writes' },
        },
      ],
    },
    {
      name: 'squawk not_valid_validate_assume_transaction_err#1',
      code: `\n${ADD_FK}\n${VALIDATE_FK}\n        `,
      settings: { assumeTransaction: true },
      errors: [{ messageId: 'sameTransaction', line: 3, column: 45, endColumn: 54 }],
    },
    {
      name: 'squawk not_valid_validate_with_assume_in_transaction_with_explicit_commit_err#1',
      code: `\n${ADD_FK}\n${VALIDATE_FK}\nCOMMIT;\n        `,
      settings: { assumeTransaction: true },
      errors: [{ messageId: 'sameTransaction', line: 3, column: 45, endColumn: 54 }],
    },
    {
      name: 'a CHECK holds ACCESS EXCLUSIVE; in one ALTER TABLE',
      code: 'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID, VALIDATE CONSTRAINT c;',
      errors: [{ messageId: 'sameTransaction', column: 77, endColumn: 78, data: { constraint: 'c', table: 't', mode: 'ACCESS EXCLUSIVE', blocked: 'reads and writes' } }],
    },
    {
      name: 'NOT NULL … NOT VALID (Postgres 18), START TRANSACTION … END',
      code: 'START TRANSACTION;\nALTER TABLE t ADD CONSTRAINT t_a_not_null NOT NULL a NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT t_a_not_null;\nEND;',
      errors: [{ messageId: 'sameTransaction', line: 3, column: 35, endColumn: 47, data: { constraint: 't_a_not_null', table: 't', mode: 'ACCESS EXCLUSIVE', blocked: 'reads and writes' } }],
    },
    {
      name: 'a table created by an earlier migration',
      files: [
        { path: 'migrations/001_create.sql', code: 'CREATE TABLE t (a int);' },
        { path: 'migrations/002_check.sql', code: 'BEGIN;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\nALTER TABLE t VALIDATE CONSTRAINT c;\nCOMMIT;' },
      ],
      errors: [{ file: 'migrations/002_check.sql', messageId: 'sameTransaction', line: 3, column: 35, endColumn: 36 }],
    },
    {
      name: '[model] a golang-migrate up file runs in a transaction',
      ...needsModel,
      filename: 'db/migrations/001_x.up.sql',
      code: `${ADD_FK}\n${VALIDATE_FK}`,
      errors: [{ messageId: 'sameTransaction', line: 2, column: 45, endColumn: 54 }],
    },
  ],
});

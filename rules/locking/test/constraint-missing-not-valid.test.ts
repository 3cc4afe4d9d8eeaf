import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/constraint-missing-not-valid.js';
import { needsModel } from './model-wired.js';

new RuleTester({ plugins: [locking] }).run('locking/constraint-missing-not-valid', rule, {
  valid: [
    'ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;',
    'ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT positive;',
    {
      name: 'a table created earlier in the same file, without BEGIN (Squawk needs BEGIN)',
      code: 'CREATE TABLE emails (id bigint, user_id bigint);\nALTER TABLE emails ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users (id);',
    },
    {
      name: 'created earlier in the same transaction',
      code: 'BEGIN;\nCREATE TABLE core_foo (id serial PRIMARY KEY, age integer NOT NULL);\nALTER TABLE core_foo ADD CONSTRAINT age_restriction CHECK (age >= 25);\nCOMMIT;',
      settings: { assumeTransaction: true },
    },
    'ALTER TABLE app_email ADD CONSTRAINT email_uniq UNIQUE USING INDEX email_idx;',
    { name: 'NOT ENFORCED (Postgres 18) checks nothing', code: 'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED;' },
    { name: 'a foreign key in CREATE TABLE', code: 'CREATE TABLE orders (id bigint, user_id bigint REFERENCES users (id));' },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement locking/constraint-missing-not-valid -- table has 12 rows, ticket OPS-7\nALTER TABLE settings ADD CONSTRAINT one_row CHECK (id = 1);',
    },
  ],
  invalid: [
    {
      name: 'squawk adding_fk_err#1, with the suggestion',
      code: 'ALTER TABLE distributors ADD CONSTRAINT distfk FOREIGN KEY (address) REFERENCES addresses (address);',
      errors: [
        {
          messageId: 'foreignKey',
          line: 1,
          column: 41,
          endLine: 1,
          endColumn: 47,
          data: { what: 'foreign key "distfk"', table: 'distributors', referenced: 'addresses' },
          suggestions: [
            {
              desc: 'Add NOT VALID, then VALIDATE CONSTRAINT in a statement of its own',
              output:
                'ALTER TABLE distributors ADD CONSTRAINT distfk FOREIGN KEY (address) REFERENCES addresses (address) NOT VALID;\n' +
                'ALTER TABLE distributors VALIDATE CONSTRAINT distfk;',
            },
          ],
        },
      ],
    },
    {
      name: 'quoted, schema-qualified names are kept as written',
      code: 'ALTER TABLE "app"."Accounts" ADD CONSTRAINT "positive_balance" CHECK ("balance" >= 0);',
      errors: [
        {
          messageId: 'check',
          line: 1,
          column: 45,
          endColumn: 63,
          data: { what: 'CHECK constraint "positive_balance"', table: 'app.Accounts' },
          suggestions: [
            {
              output:
                'ALTER TABLE "app"."Accounts" ADD CONSTRAINT "positive_balance" CHECK ("balance" >= 0) NOT VALID;\n' +
                'ALTER TABLE "app"."Accounts" VALIDATE CONSTRAINT "positive_balance";',
            },
          ],
        },
      ],
    },
    {
      name: 'in a transaction: NOT VALID only, VALIDATE belongs in a later migration',
      code: 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0);',
      settings: { assumeTransaction: true },
      errors: [
        {
          messageId: 'check',
          column: 37,
          endColumn: 53,
          suggestions: [
            {
              desc: 'Add NOT VALID (then VALIDATE CONSTRAINT in the next migration)',
              output: 'ALTER TABLE accounts ADD CONSTRAINT positive_balance CHECK (balance >= 0) NOT VALID;',
            },
          ],
        },
      ],
    },
    {
      name: 'an unnamed foreign key: no suggestion (VALIDATE needs a name)',
      code: 'ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (id);',
      errors: [{ messageId: 'foreignKey', line: 1, column: 19, endColumn: 30, data: { what: 'a foreign key', table: 't', referenced: 'u' }, suggestions: [] }],
    },
    {
      name: 'squawk add_column_references_lock#1',
      code: '\nBEGIN;\nALTER TABLE "emails" ADD COLUMN "user_id" INT REFERENCES "user" ("id");\nCOMMIT;\n        ',
      errors: [
        {
          messageId: 'foreignKey',
          line: 3,
          column: 47,
          endColumn: 57,
          data: { what: 'a foreign key on new column "user_id"', table: 'emails', referenced: 'user' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'two constraints in one ALTER TABLE: one finding and one suggestion each',
      code: 'ALTER TABLE t ADD CONSTRAINT a CHECK (x > 0), ADD CONSTRAINT b FOREIGN KEY (y) REFERENCES u (id) ON DELETE CASCADE;',
      errors: [
        {
          messageId: 'check',
          column: 30,
          endColumn: 31,
          suggestions: [
            {
              output:
                'ALTER TABLE t ADD CONSTRAINT a CHECK (x > 0) NOT VALID, ADD CONSTRAINT b FOREIGN KEY (y) REFERENCES u (id) ON DELETE CASCADE;\n' +
                'ALTER TABLE t VALIDATE CONSTRAINT a;',
            },
          ],
        },
        {
          messageId: 'foreignKey',
          column: 62,
          endColumn: 63,
          suggestions: [
            {
              output:
                'ALTER TABLE t ADD CONSTRAINT a CHECK (x > 0), ADD CONSTRAINT b FOREIGN KEY (y) REFERENCES u (id) ON DELETE CASCADE NOT VALID;\n' +
                'ALTER TABLE t VALIDATE CONSTRAINT b;',
            },
          ],
        },
      ],
    },
    {
      name: 'CRLF, an emoji comment, non-ASCII names: the suggestion keeps the line ends',
      code: '-- 🚀 deploy\r\nALTER TABLE "résumé" ADD CONSTRAINT "clé" CHECK (n > 0);\r\n',
      errors: [
        {
          messageId: 'check',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 42,
          suggestions: [
            {
              output: '-- 🚀 deploy\r\nALTER TABLE "résumé" ADD CONSTRAINT "clé" CHECK (n > 0) NOT VALID;\r\nALTER TABLE "résumé" VALIDATE CONSTRAINT "clé";\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a CHECK on a new column still scans the table',
      code: 'ALTER TABLE profiles ADD COLUMN openrouter_api_key text CHECK (char_length(openrouter_api_key) <= 1000);',
      errors: [{ messageId: 'check', column: 57, endColumn: 62, data: { what: 'a CHECK constraint on new column "openrouter_api_key"', table: 'profiles' } }],
    },
    {
      name: 'a table created by an earlier migration is not new',
      files: [
        { path: 'migrations/001_create.sql', code: 'CREATE TABLE t (id int, a int);' },
        { path: 'migrations/002_check.sql', code: 'ALTER TABLE t ADD CONSTRAINT a_positive CHECK (a > 0);' },
      ],
      errors: [{ file: 'migrations/002_check.sql', messageId: 'check', line: 1, column: 30, endColumn: 40 }],
    },
    {
      name: '[model] before Postgres 18 a partitioned table refuses NOT VALID foreign keys: no suggestion',
      ...needsModel,
      settings: { postgresVersion: 17 },
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE events (id bigint, user_id bigint, at date) PARTITION BY RANGE (at);' },
        { path: 'supabase/migrations/20240102000000_fk.sql', code: 'ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id);' },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_fk.sql', messageId: 'foreignKey', column: 35, endColumn: 49, suggestions: [] }],
    },
    {
      name: '[model] Postgres 18 accepts them',
      ...needsModel,
      settings: { postgresVersion: 18 },
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE events (id bigint, user_id bigint, at date) PARTITION BY RANGE (at);' },
        { path: 'supabase/migrations/20240102000000_fk.sql', code: 'ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id);' },
      ],
      errors: [
        {
          file: 'supabase/migrations/20240102000000_fk.sql',
          messageId: 'foreignKey',
          column: 35,
          endColumn: 49,
          suggestions: [{ desc: 'Add NOT VALID (then VALIDATE CONSTRAINT in the next migration)', output: 'ALTER TABLE events ADD CONSTRAINT events_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;' }],
        },
      ],
    },
    {
      name: '[model] golang-migrate sends the file as one query: a second statement would share its transaction, so NOT VALID only',
      ...needsModel,
      filename: 'db/migrations/002_users_team_fk.up.sql',
      code: 'ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id);',
      errors: [
        {
          messageId: 'foreignKey',
          column: 34,
          endColumn: 47,
          suggestions: [{ desc: 'Add NOT VALID (then VALIDATE CONSTRAINT in the next migration)', output: 'ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;' }],
        },
      ],
    },
  ],
});

import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/set-not-null.js';
import { needsModel } from './model-wired.js';

const VALIDATED_RECIPE =
  'BEGIN;\nALTER TABLE foo ADD COLUMN bar BIGINT;\nALTER TABLE foo ADD CONSTRAINT bar_not_null CHECK (bar IS NOT NULL) NOT VALID;\nCOMMIT;\n\n' +
  'BEGIN;\nALTER TABLE foo VALIDATE CONSTRAINT bar_not_null;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;\nALTER TABLE foo DROP CONSTRAINT bar_not_null;\nCOMMIT;';

new RuleTester({ plugins: [locking] }).run('locking/set-not-null', rule, {
  valid: [
    { name: 'a table created in the same file', code: 'CREATE TABLE foo (bar int);\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;' },
    { name: 'squawk regression_gh_issue_628_pg16_with_validated_check_ok#1', code: VALIDATED_RECIPE, settings: { postgresVersion: 16 } },
    {
      name: 'a CHECK added without NOT VALID is validated at once (constraint-missing-not-valid reports its scan)',
      code: "ALTER TABLE foo ADD CONSTRAINT bar_ok CHECK (bar IS NOT NULL AND bar <> '');\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;",
    },
    {
      name: 'squawk pg12_cross_migration_validate_then_set_not_null_ok#1: the constraint name mentions the column',
      code: 'ALTER TABLE foo VALIDATE CONSTRAINT foo_bar_not_null;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;\nALTER TABLE foo DROP CONSTRAINT foo_bar_not_null;',
      settings: { postgresVersion: 12 },
    },
    { name: 'NOT NULL … NOT VALID (Postgres 18) checks nothing yet', code: 'ALTER TABLE t ADD CONSTRAINT t_a_not_null NOT NULL a NOT VALID;' },
    { name: 'squawk adding_field_that_is_not_nullable#1', code: 'BEGIN;\nALTER TABLE "core_recipe" ADD COLUMN "foo" integer DEFAULT 10 NOT NULL;\nALTER TABLE "core_recipe" ALTER COLUMN "foo" DROP DEFAULT;\nCOMMIT;' },
    {
      name: '[model] a CHECK validated by an earlier migration',
      ...needsModel,
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE users (id bigint, email text);' },
        { path: 'supabase/migrations/20240102000000_check.sql', code: 'ALTER TABLE users ADD CONSTRAINT email_present CHECK (email IS NOT NULL) NOT VALID;' },
        { path: 'supabase/migrations/20240103000000_validate.sql', code: 'ALTER TABLE users VALIDATE CONSTRAINT email_present;' },
        { path: 'supabase/migrations/20240104000000_not_null.sql', code: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
      ],
    },
    {
      name: '[model] a column that is NOT NULL already',
      ...needsModel,
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE users (id bigint, email text NOT NULL);' },
        { path: 'supabase/migrations/20240102000000_not_null.sql', code: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'squawk set_not_null#1',
      code: '\nALTER TABLE "core_recipe" ALTER COLUMN "foo" SET NOT NULL;\n        ',
      errors: [{ messageId: 'notNull', line: 2, column: 40, endLine: 2, endColumn: 45, data: { column: 'foo', table: 'core_recipe' } }],
    },
    {
      name: 'squawk regression_gh_issue_628_pg11_with_validated_check_err#1: no shortcut before Postgres 12',
      code: VALIDATED_RECIPE.replace('\nALTER TABLE foo DROP CONSTRAINT bar_not_null;', ''),
      settings: { postgresVersion: 11 },
      errors: [{ messageId: 'notNullBefore12', line: 8, column: 30, endColumn: 33, data: { column: 'bar', table: 'foo', version: 11 } }],
    },
    {
      name: 'squawk pg12_with_check_but_not_validated_err#1',
      code: 'ALTER TABLE foo ADD CONSTRAINT bar_not_null CHECK (bar IS NOT NULL) NOT VALID;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;',
      settings: { postgresVersion: 12 },
      errors: [{ messageId: 'notNull', line: 2, column: 30, endColumn: 33 }],
    },
    {
      name: 'squawk pg12_with_different_column_validated_err#1',
      code: 'ALTER TABLE foo ADD CONSTRAINT baz_not_null CHECK (baz IS NOT NULL) NOT VALID;\nALTER TABLE foo VALIDATE CONSTRAINT baz_not_null;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;',
      settings: { postgresVersion: 12 },
      errors: [{ messageId: 'notNull', line: 3, column: 30, endColumn: 33 }],
    },
    {
      name: 'validating an unknown constraint that does not mention the column proves nothing',
      code: 'ALTER TABLE foo VALIDATE CONSTRAINT unrelated_check;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;',
      errors: [{ messageId: 'notNull', line: 2, column: 30, endColumn: 33 }],
    },
    {
      name: 'the CHECK was dropped before SET NOT NULL',
      code: 'ALTER TABLE foo ADD CONSTRAINT foo_bar_nn CHECK (bar IS NOT NULL);\nALTER TABLE foo DROP CONSTRAINT foo_bar_nn;\nALTER TABLE foo ALTER COLUMN bar SET NOT NULL;',
      errors: [{ messageId: 'notNull', line: 3, column: 30, endColumn: 33 }],
    },
    {
      name: 'ADD CONSTRAINT … NOT NULL (Postgres 18) scans the same way',
      code: 'ALTER TABLE t ADD CONSTRAINT t_a_not_null NOT NULL a;',
      errors: [{ messageId: 'notNull', column: 30, endColumn: 42, data: { column: 'a', table: 't' } }],
    },
    {
      name: 'an emoji comment, quoted names, ALTER without COLUMN',
      code: '/* 🐘 */ ALTER TABLE s."Tbl" ALTER "Foo" SET NOT NULL;',
      errors: [{ messageId: 'notNull', column: 36, endColumn: 41, data: { column: 'Foo', table: 's.Tbl' } }],
    },
    {
      name: 'two columns of one statement: one scan, one finding naming both',
      code: 'ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER COLUMN b SET NOT NULL;',
      errors: [{ messageId: 'notNullMany', column: 28, endColumn: 29, data: { columns: '"a", "b"', table: 't' } }],
    },
    {
      name: 'two statements: two scans, two findings',
      code: 'ALTER TABLE t ALTER COLUMN a SET NOT NULL;\nALTER TABLE t ALTER COLUMN b SET NOT NULL;',
      errors: [
        { messageId: 'notNull', line: 1, data: { column: 'a', table: 't' } },
        { messageId: 'notNull', line: 2, data: { column: 'b', table: 't' } },
      ],
    },
    {
      name: 'a table created by an earlier migration',
      files: [
        { path: 'supabase/migrations/20240101000000_create.sql', code: 'CREATE TABLE foo (bar int);' },
        { path: 'supabase/migrations/20240102000000_not_null.sql', code: 'ALTER TABLE foo ALTER COLUMN bar SET NOT NULL;' },
      ],
      errors: [{ file: 'supabase/migrations/20240102000000_not_null.sql', messageId: 'notNull', column: 30, endColumn: 33 }],
    },
  ],
});

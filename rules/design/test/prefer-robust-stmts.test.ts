import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/prefer-robust-stmts.js';

new RuleTester({ plugins: [design] }).run('design/prefer-robust-stmts', rule, {
  valid: [
    { name: 'a single statement: if it fails, nothing was applied', code: 'CREATE TABLE t (id bigint);' },
    { name: 'the last statement of the part', code: 'SELECT 1;\nALTER TABLE t ADD COLUMN c int;' },
    { name: 'inside BEGIN … COMMIT the part rolls back as a whole', code: 'BEGIN;\nCREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nCOMMIT;' },
    { name: 'settings.assumeTransaction: the runner wraps every part', code: 'CREATE TABLE a ();\nCREATE TABLE b ();', settings: { assumeTransaction: true } },
    {
      name: 'robust forms; CREATE INDEX CONCURRENTLY is the concurrently pack’s',
      code: 'CREATE TABLE IF NOT EXISTS a (c int);\nDROP TABLE IF EXISTS b;\nALTER TABLE a ADD COLUMN IF NOT EXISTS c int, DROP COLUMN IF EXISTS d, DROP CONSTRAINT IF EXISTS e;\nCREATE INDEX CONCURRENTLY i ON a (c);\nCREATE OR REPLACE VIEW v AS SELECT 1 AS one;\nALTER TYPE mood ADD VALUE IF NOT EXISTS \'meh\';\nSELECT 1;',
    },
    {
      name: 'a DROP … IF EXISTS just before makes the CREATE re-runnable',
      code: 'DROP TRIGGER IF EXISTS t ON x;\nCREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f();\nDROP POLICY IF EXISTS p ON x;\nCREATE POLICY p ON x USING (true);\nALTER TABLE x DROP CONSTRAINT IF EXISTS c, ADD CONSTRAINT c CHECK (a > 0);\nSELECT 1;',
    },
    { name: 'statements that are idempotent anyway', code: 'ALTER TABLE t ALTER COLUMN c SET NOT NULL;\nALTER TABLE t ENABLE ROW LEVEL SECURITY;\nALTER TABLE t ALTER COLUMN c SET DEFAULT 0;\nSELECT 1;' },
    { name: 'temporary tables live for the session only', code: 'CREATE TEMP TABLE x (id int);\nSELECT 1;' },
    {
      name: 'a multi-statement golang-migrate file runs as one implicit transaction (migration model)',
      files: [{ path: 'migrations/001_init.up.sql', code: 'CREATE TABLE a (id bigint);\nCREATE TABLE b (id bigint);' }],
    },
  ],
  invalid: [
    {
      code: 'CREATE TABLE users (id bigint);\nCREATE INDEX users_id_idx ON users (id);',
      output: 'CREATE TABLE IF NOT EXISTS users (id bigint);\nCREATE INDEX users_id_idx ON users (id);',
      errors: [{ messageId: 'fragile', line: 1, column: 14, endLine: 1, endColumn: 19, data: { action: 'CREATE TABLE "users"', remedy: 'write CREATE TABLE IF NOT EXISTS' } }],
    },
    {
      name: 'ALTER TABLE subcommands',
      code: 'ALTER TABLE t ADD COLUMN c int, DROP COLUMN d, DROP CONSTRAINT e, ADD CONSTRAINT f CHECK (c > 0);\nSELECT 1;',
      output: 'ALTER TABLE t ADD COLUMN IF NOT EXISTS c int, DROP COLUMN IF EXISTS d, DROP CONSTRAINT IF EXISTS e, ADD CONSTRAINT f CHECK (c > 0);\nSELECT 1;',
      errors: [
        { messageId: 'fragile', line: 1, column: 26, endLine: 1, endColumn: 27, data: { action: 'ADD COLUMN "c" to "t"', remedy: 'write ADD COLUMN IF NOT EXISTS' } },
        { messageId: 'fragile', line: 1, column: 45, endLine: 1, endColumn: 46, data: { action: 'DROP COLUMN "d" of "t"', remedy: 'write DROP COLUMN IF EXISTS' } },
        { messageId: 'fragile', line: 1, column: 64, endLine: 1, endColumn: 65, data: { action: 'DROP CONSTRAINT "e" of "t"', remedy: 'write DROP CONSTRAINT IF EXISTS' } },
        { messageId: 'fragile', line: 1, column: 71, endLine: 1, endColumn: 81, data: { action: 'ADD CONSTRAINT "f" to "t"', remedy: 'drop it with DROP CONSTRAINT IF EXISTS "f" just before' } },
      ],
    },
    {
      name: 'after COMMIT the statements run on their own again',
      code: 'BEGIN;\nCREATE TABLE a ();\nCOMMIT;\nCREATE TABLE b ();\nCREATE TABLE c ();',
      output: 'BEGIN;\nCREATE TABLE a ();\nCOMMIT;\nCREATE TABLE IF NOT EXISTS b ();\nCREATE TABLE c ();',
      errors: [{ messageId: 'fragile', line: 4, column: 14, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'ADD VALUE, CREATE INDEX, CREATE EXTENSION, CREATE SCHEMA, DROP INDEX CONCURRENTLY',
      code: "ALTER TYPE mood ADD VALUE 'meh';\nCREATE INDEX users_email_idx ON users (email);\nCREATE EXTENSION pgcrypto;\nCREATE SCHEMA app;\nDROP INDEX CONCURRENTLY old_idx;\nSELECT 1;",
      output: "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh';\nCREATE INDEX IF NOT EXISTS users_email_idx ON users (email);\nCREATE EXTENSION IF NOT EXISTS pgcrypto;\nCREATE SCHEMA IF NOT EXISTS app;\nDROP INDEX CONCURRENTLY IF EXISTS old_idx;\nSELECT 1;",
      errors: [
        { messageId: 'fragile', line: 1, column: 27, endLine: 1, endColumn: 32 },
        { messageId: 'fragile', line: 2, column: 14, endLine: 2, endColumn: 29 },
        { messageId: 'fragile', line: 3, column: 18, endLine: 3, endColumn: 26 },
        { messageId: 'fragile', line: 4, column: 15, endLine: 4, endColumn: 18 },
        { messageId: 'fragile', line: 5, column: 25, endLine: 5, endColumn: 32, data: { action: 'DROP INDEX "old_idx"', remedy: 'write DROP INDEX IF EXISTS' } },
      ],
    },
    {
      name: 'views, functions and triggers get an OR REPLACE suggestion; policies and types a recipe',
      code: "CREATE VIEW v AS SELECT 1 AS one;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE POLICY p ON t USING (true);\nCREATE TYPE mood AS ENUM ('ok');\nCREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;",
      errors: [
        {
          messageId: 'fragile', line: 1, column: 13, endLine: 1, endColumn: 14, data: { action: 'CREATE VIEW "v"', remedy: 'write CREATE OR REPLACE VIEW' },
          suggestions: [{ desc: 'Use CREATE OR REPLACE', output: "CREATE OR REPLACE VIEW v AS SELECT 1 AS one;\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE POLICY p ON t USING (true);\nCREATE TYPE mood AS ENUM ('ok');\nCREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();\nSELECT 1;" }],
        },
        { messageId: 'fragile', line: 2, column: 1, endLine: 2, endColumn: 59, data: { action: 'CREATE FUNCTION "f"', remedy: 'write CREATE OR REPLACE FUNCTION' } },
        { messageId: 'fragile', line: 3, column: 1, endLine: 3, endColumn: 34, data: { action: 'CREATE POLICY "p"', remedy: 'drop it with DROP POLICY IF EXISTS "p" ON t first' } },
        { messageId: 'fragile', line: 4, column: 1, endLine: 4, endColumn: 32 },
        { messageId: 'fragile', line: 5, column: 1, endLine: 5, endColumn: 71, data: { action: 'CREATE TRIGGER "tr"', remedy: 'write CREATE OR REPLACE TRIGGER' } },
      ],
    },
    {
      name: 'squawk prefer_robust_stmts::double_add_after_drop_err#1, followed: one DROP … IF EXISTS covers one re-creation',
      code: 'ALTER TABLE "app_email" DROP CONSTRAINT IF EXISTS "email_uniq";\nALTER TABLE "app_email" ADD CONSTRAINT "email_uniq" UNIQUE USING INDEX "email_idx";\nALTER TABLE "app_email" ADD CONSTRAINT "email_uniq" UNIQUE USING INDEX "email_idx";\nSELECT 1;',
      errors: [{ messageId: 'fragile', line: 3, column: 29, endLine: 3, endColumn: 39, data: { action: 'ADD CONSTRAINT "email_uniq" to "app_email"', remedy: 'drop it with DROP CONSTRAINT IF EXISTS "email_uniq" just before' } }],
    },
    {
      name: 'CRLF, an emoji comment, a DROP of two tables, a quoted non-ASCII name',
      code: '-- ♻️ retry-safe?\r\nDROP TABLE\r\n  legacy,\r\n  "Alt";\r\nSELECT 1;',
      output: '-- ♻️ retry-safe?\r\nDROP TABLE\r\n  IF EXISTS legacy,\r\n  "Alt";\r\nSELECT 1;',
      errors: [{ messageId: 'fragile', line: 3, column: 3, endLine: 3, endColumn: 9, data: { action: 'DROP TABLE "legacy", "Alt"', remedy: 'write DROP TABLE IF EXISTS' } }],
    },
    {
      name: 'a goose migration marked NO TRANSACTION (migration model)',
      files: [{ path: 'migrations/00001_init.sql', code: '-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE a (id bigint);\nCREATE TABLE b (id bigint);\n-- +goose Down\nDROP TABLE b;\nDROP TABLE a;' }],
      errors: [
        { file: 'migrations/00001_init.sql', messageId: 'fragile', line: 3, column: 14, endLine: 3, endColumn: 15 },
        { file: 'migrations/00001_init.sql', messageId: 'fragile', line: 6, column: 12, endLine: 6, endColumn: 13 },
      ],
    },
  ],
  invalidOptions: [{ ignoreTransactions: true }],
});

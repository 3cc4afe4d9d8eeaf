import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/policy-without-rls.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const C = 'supabase/migrations/20260103000000_c.sql';
const POLICY = 'CREATE POLICY "owners read" ON notes FOR SELECT USING ((select auth.uid()) = user_id);';

new RuleTester({ plugins: [rls] }).run('rls/policy-without-rls', rule, {
  valid: [
    { name: 'RLS enabled in the same migration', filename: A, code: `CREATE TABLE notes (id int, user_id uuid);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n${POLICY}` },
    {
      name: 'RLS enabled two migrations later',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int, user_id uuid);' },
        { path: B, code: POLICY },
        { path: C, code: 'ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;' },
      ],
    },
    {
      name: 'the policy is dropped later',
      files: [
        { path: A, code: `CREATE TABLE notes (id int, user_id uuid);\n${POLICY}` },
        { path: B, code: 'DROP POLICY "owners read" ON notes;' },
      ],
    },
    {
      name: 'the table is dropped later',
      files: [
        { path: A, code: `CREATE TABLE notes (id int, user_id uuid);\n${POLICY}` },
        { path: B, code: 'DROP TABLE notes CASCADE;' },
      ],
    },
    {
      name: 'a table the history never creates (RLS managed by the platform)',
      filename: A,
      code: "CREATE POLICY \"own files\" ON storage.objects FOR SELECT USING (bucket_id = 'avatars');",
    },
    {
      name: 'dropped and created again, then RLS enabled (renamed table)',
      files: [
        { path: A, code: `CREATE TABLE notes (id int, user_id uuid);\n${POLICY}` },
        { path: B, code: `DROP POLICY "owners read" ON notes;\n${POLICY}\nALTER TABLE notes RENAME TO memos;` },
        { path: C, code: 'ALTER TABLE memos ENABLE ROW LEVEL SECURITY;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'RLS never enabled',
      filename: A,
      code: `CREATE TABLE notes (id int, user_id uuid);\n${POLICY}`,
      errors: [{ messageId: 'rlsDisabled', line: 2, column: 15, endLine: 2, endColumn: 28, data: { policy: 'owners read', table: 'notes' } }],
    },
    {
      name: 'dropped and created again: only the last CREATE POLICY is reported',
      files: [
        { path: A, code: `CREATE TABLE notes (id int, user_id uuid);\n${POLICY}` },
        { path: B, code: `DROP POLICY "owners read" ON notes;\r\n${POLICY}` },
      ],
      errors: [{ file: B, messageId: 'rlsDisabled', line: 2, column: 15, endColumn: 28 }],
    },
    {
      name: 'enabled, then disabled again in a later migration',
      files: [
        { path: A, code: `CREATE TABLE notes (id int, user_id uuid);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\n${POLICY}` },
        { path: B, code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: A, messageId: 'rlsDisabled', line: 3, column: 15, endColumn: 28 }],
    },
    {
      name: 'a schema-qualified table in another schema, an unquoted policy name, golang-migrate',
      files: [
        { path: 'db/migrations/001_init.up.sql', code: 'CREATE SCHEMA app;\nCREATE TABLE app."Café" (id int);\nCREATE POLICY café_all ON app."Café" USING (true);' },
      ],
      errors: [{ file: 'db/migrations/001_init.up.sql', messageId: 'rlsDisabled', line: 3, column: 15, endColumn: 23, data: { policy: 'café_all', table: 'app.Café' } }],
    },
  ],
  invalidOptions: [{ byEndOfMigration: true }],
});

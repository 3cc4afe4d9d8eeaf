import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/rls-without-policy.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const C = 'supabase/migrations/20260103000000_c.sql';
const TABLE = 'CREATE TABLE notes (id int, user_id uuid);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;';

new RuleTester({ plugins: [rls] }).run('rls/rls-without-policy', rule, {
  valid: [
    { name: 'FOR ALL covers every command', filename: A, code: `${TABLE}\nCREATE POLICY own ON notes FOR ALL TO authenticated USING ((select auth.uid()) = user_id);` },
    {
      name: 'policies for each command, spread over later migrations',
      files: [
        { path: A, code: `${TABLE}\nCREATE POLICY r ON notes FOR SELECT USING (true);` },
        { path: B, code: 'CREATE POLICY i ON notes FOR INSERT WITH CHECK ((select auth.uid()) = user_id);\nCREATE POLICY u ON notes FOR UPDATE USING ((select auth.uid()) = user_id);' },
        { path: C, code: 'CREATE POLICY d ON notes FOR DELETE USING ((select auth.uid()) = user_id);' },
      ],
    },
    {
      name: 'a policy dropped and created again later',
      files: [
        { path: A, code: `${TABLE}\nCREATE POLICY own ON notes USING (true);` },
        { path: B, code: 'DROP POLICY own ON notes;' },
        { path: C, code: 'CREATE POLICY own ON notes USING ((select auth.uid()) = user_id);' },
      ],
    },
    { name: 'options.commands: a read-only table', filename: A, options: { commands: ['select'] }, code: `${TABLE}\nCREATE POLICY r ON notes FOR SELECT USING (true);` },
    { name: 'RLS disabled again (another rule reports that)', filename: A, code: `${TABLE}\nALTER TABLE notes DISABLE ROW LEVEL SECURITY;` },
    { name: 'a table the history does not create', filename: A, code: 'ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;' },
    { name: 'no RLS at all (table-without-rls reports that)', filename: A, code: 'CREATE TABLE notes (id int);' },
  ],
  invalid: [
    {
      name: 'no policy at all',
      filename: A,
      code: TABLE,
      errors: [{ messageId: 'noPolicy', line: 2, column: 19, endLine: 2, endColumn: 44, data: { table: 'notes', commands: 'SELECT, INSERT, UPDATE, DELETE' } }],
    },
    {
      name: 'some commands uncovered; a restrictive policy grants nothing',
      files: [
        { path: A, code: TABLE },
        { path: B, code: 'CREATE POLICY r ON notes FOR SELECT USING (true);\nCREATE POLICY only_mine ON notes AS RESTRICTIVE FOR UPDATE USING ((select auth.uid()) = user_id);' },
      ],
      errors: [{ file: A, messageId: 'missingCommands', line: 2, column: 19, endColumn: 44, data: { table: 'notes', commands: 'INSERT, UPDATE, DELETE' } }],
    },
    {
      name: 'the last ENABLE is reported; renamed table; NO FORCE and FORCE do not confuse the position',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nALTER TABLE notes DISABLE ROW LEVEL SECURITY;' },
        { path: B, code: 'ALTER TABLE notes RENAME TO "Notizen";\nALTER TABLE "Notizen" FORCE ROW LEVEL SECURITY, ENABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: B, messageId: 'noPolicy', line: 2, column: 49, endColumn: 74, data: { table: 'Notizen' } }],
    },
    {
      name: 'options.commands: only the ones asked for',
      filename: A,
      options: { commands: ['select', 'insert'] },
      code: `${TABLE}\nCREATE POLICY r ON notes FOR SELECT USING (true);`,
      errors: [{ messageId: 'missingCommands', line: 2, data: { table: 'notes', commands: 'INSERT' } }],
    },
  ],
  invalidOptions: [{ commands: ['truncate'] }, { commands: 'select' }, { commands: ['select', 'select'] }],
});

import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/permissive-true-policy.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';

new RuleTester({ plugins: [rls] }).run('rls/permissive-true-policy', rule, {
  valid: [
    'CREATE POLICY own ON notes FOR UPDATE TO authenticated USING ((select auth.uid()) = user_id) WITH CHECK ((select auth.uid()) = user_id);',
    { name: 'SELECT for a role that is not public', code: 'CREATE POLICY staff_read ON notes FOR SELECT TO staff USING (true);' },
    { name: 'restrictive policies restrict nothing with true', code: 'CREATE POLICY r ON notes AS RESTRICTIVE FOR ALL TO anon USING (true);' },
    { name: 'only roles that bypass RLS anyway', code: 'CREATE POLICY service ON notes FOR ALL TO service_role USING (true) WITH CHECK (true);' },
    { name: 'allowPublicSelect', options: { allowPublicSelect: true }, code: 'CREATE POLICY "Public products" ON products FOR SELECT USING (true);' },
    { name: 'true inside a larger expression is not always true', code: 'CREATE POLICY p ON notes FOR DELETE TO anon USING (true AND owner = current_user);' },
    {
      name: 'a deliberate public read, said with a directive',
      code: '-- migralint-disable-next-statement rls/permissive-true-policy -- the product catalog is public\nCREATE POLICY "Public products" ON products FOR SELECT TO anon USING (true);',
    },
    {
      name: 'ALTER POLICY on a SELECT policy for a private role (command from the model)',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nCREATE POLICY staff_read ON notes FOR SELECT TO staff USING (false);' },
        { path: B, code: 'ALTER POLICY staff_read ON notes USING (true);' },
      ],
    },
  ],
  invalid: [
    {
      name: 'WITH CHECK (true) on INSERT for anon',
      code: 'CREATE POLICY "anyone can sign" ON guestbook FOR INSERT TO anon WITH CHECK (true);',
      errors: [{ messageId: 'alwaysTrue', line: 1, column: 77, endLine: 1, endColumn: 81, data: { policy: 'anyone can sign', roles: 'anon', action: 'insert', table: 'guestbook', clause: 'WITH CHECK' } }],
    },
    {
      name: 'SELECT USING (true) for PUBLIC (no TO clause), multi-line, emoji comment',
      code: '-- 🌍 everyone\nCREATE POLICY "Public profiles"\n  ON public.profiles\n  FOR SELECT\n  USING ( true );',
      errors: [{ messageId: 'alwaysTrue', line: 5, column: 11, endColumn: 15, data: { policy: 'Public profiles', roles: 'PUBLIC', action: 'read', table: 'public.profiles', clause: 'USING' } }],
    },
    {
      name: 'FOR ALL with both clauses true, for a private role: writes count for any role',
      code: 'CREATE POLICY admin_all ON notes FOR ALL TO admin USING (1 = 1) WITH CHECK (true::boolean);',
      errors: [
        { messageId: 'alwaysTrue', column: 58, endColumn: 63, data: { policy: 'admin_all', roles: 'admin', action: 'read, update and delete', table: 'notes', clause: 'USING' } },
        { messageId: 'alwaysTrue', column: 77, endColumn: 90, data: { policy: 'admin_all', roles: 'admin', action: 'insert and update', table: 'notes', clause: 'WITH CHECK' } },
      ],
    },
    {
      name: 'FOR ALL without WITH CHECK: USING (true) also checks new rows',
      code: 'CREATE POLICY p ON notes TO authenticated USING (true);',
      errors: [{ messageId: 'alwaysTrue', column: 50, endColumn: 54, data: { policy: 'p', roles: 'authenticated', action: 'read, insert, update and delete', table: 'notes', clause: 'USING' } }],
    },
    {
      name: 'ALTER POLICY makes a DELETE policy always true (command from the model)',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int, user_id uuid);\nCREATE POLICY own_delete ON notes FOR DELETE TO authenticated USING ((select auth.uid()) = user_id);' },
        { path: B, code: 'ALTER POLICY own_delete ON notes\r\n  USING (true);' },
      ],
      errors: [{ file: B, messageId: 'alwaysTrue', line: 2, column: 10, endColumn: 14, data: { policy: 'own_delete', roles: 'authenticated', action: 'delete', table: 'notes', clause: 'USING' } }],
    },
    {
      name: 'allowPublicSelect does not allow writes',
      options: { allowPublicSelect: true },
      code: 'CREATE POLICY p ON notes FOR UPDATE TO anon USING (true);',
      errors: [{ messageId: 'alwaysTrue', column: 52, endColumn: 56, data: { policy: 'p', roles: 'anon', action: 'update', table: 'notes', clause: 'USING' } }],
    },
  ],
  invalidOptions: [{ allowPublicSelect: 'yes' }, { ignoreRoles: 'service_role' }, { ignoreRoles: [''] }],
});

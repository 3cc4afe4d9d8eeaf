import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/auth-function-per-row.js';

new RuleTester({ plugins: [rls] }).run('rls/auth-function-per-row', rule, {
  valid: [
    'CREATE POLICY own ON notes FOR SELECT TO authenticated USING ((select auth.uid()) = user_id);',
    { name: 'a wrapped expression over the call', code: "CREATE POLICY admins ON notes USING ((SELECT auth.jwt() ->> 'role') = 'admin');" },
    {
      name: 'wrapped inside a sub-query',
      code: 'CREATE POLICY members ON docs USING (team_id IN (SELECT team_id FROM members WHERE user_id = (select auth.uid())));',
    },
    { name: 'a call that reads a column depends on the row', code: 'CREATE POLICY p ON notes USING (auth.can_read(owner_id));', settings: { authFunctions: ['auth.can_read'] } },
    { name: 'not an auth function', code: 'CREATE POLICY p ON notes USING (created_at > now() - interval \'1 day\');' },
    { name: 'auth.uid outside a policy', code: 'CREATE TABLE notes (user_id uuid DEFAULT auth.uid());' },
  ],
  invalid: [
    {
      code: 'CREATE POLICY own ON notes FOR SELECT USING (auth.uid() = user_id);',
      errors: [
        {
          messageId: 'perRow', line: 1, column: 46, endLine: 1, endColumn: 56, data: { policy: 'own', call: 'auth.uid()' },
          suggestions: [{ desc: 'Wrap the call: (select auth.uid())', output: 'CREATE POLICY own ON notes FOR SELECT USING ((select auth.uid()) = user_id);' }],
        },
      ],
    },
    {
      name: 'USING and WITH CHECK, spaces inside the call, a JSON operator, CRLF',
      code: "CREATE POLICY \"own rows\" ON notes\r\n  USING (auth.uid ( ) = user_id)\r\n  WITH CHECK (auth.jwt()->>'role' = 'editor');",
      errors: [
        {
          messageId: 'perRow', line: 2, column: 10, endColumn: 22, data: { policy: 'own rows', call: 'auth.uid ( )' },
          suggestions: [{ output: "CREATE POLICY \"own rows\" ON notes\r\n  USING ((select auth.uid ( )) = user_id)\r\n  WITH CHECK (auth.jwt()->>'role' = 'editor');" }],
        },
        {
          messageId: 'perRow', line: 3, column: 15, endColumn: 25, data: { policy: 'own rows', call: 'auth.jwt()' },
          suggestions: [{ output: "CREATE POLICY \"own rows\" ON notes\r\n  USING (auth.uid ( ) = user_id)\r\n  WITH CHECK ((select auth.jwt())->>'role' = 'editor');" }],
        },
      ],
    },
    {
      name: 'in a correlated sub-query it still runs per row',
      code: '/* 🐘 */ ALTER POLICY members ON docs USING (EXISTS (SELECT 1 FROM members m WHERE m.team_id = docs.team_id AND m.user_id = auth.uid()));',
      errors: [
        {
          messageId: 'perRow', column: 125, endColumn: 135, // the emoji is two UTF-16 code units
          suggestions: [{ output: '/* 🐘 */ ALTER POLICY members ON docs USING (EXISTS (SELECT 1 FROM members m WHERE m.team_id = docs.team_id AND m.user_id = (select auth.uid())));' }],
        },
      ],
    },
    {
      name: 'a scalar sub-select that reads a column is per row too; settings.authFunctions',
      settings: { authFunctions: ['app.current_tenant', 'current_setting'] },
      code: "CREATE POLICY tenant ON orders USING ((SELECT app.current_tenant() = tenant_id) AND region = pg_catalog.current_setting('app.region'));",
      errors: [
        { messageId: 'perRow', column: 47, endColumn: 67, data: { policy: 'tenant', call: 'app.current_tenant()' }, suggestions: [{ output: "CREATE POLICY tenant ON orders USING ((SELECT (select app.current_tenant()) = tenant_id) AND region = pg_catalog.current_setting('app.region'));" }] },
        { messageId: 'perRow', column: 94, endColumn: 134, data: { policy: 'tenant', call: "pg_catalog.current_setting('app.region')" }, suggestions: [{ output: "CREATE POLICY tenant ON orders USING ((SELECT app.current_tenant() = tenant_id) AND region = (select pg_catalog.current_setting('app.region')));" }] },
      ],
    },
  ],
  invalidOptions: [{ functions: ['auth.uid'] }],
});

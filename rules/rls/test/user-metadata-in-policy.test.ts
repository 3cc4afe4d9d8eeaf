import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/user-metadata-in-policy.js';

new RuleTester({ plugins: [rls] }).run('rls/user-metadata-in-policy', rule, {
  valid: [
    "CREATE POLICY admins ON notes USING (((select auth.jwt()) -> 'app_metadata' ->> 'role') = 'admin');",
    { name: 'user_metadata outside a policy', code: "CREATE VIEW v AS SELECT raw_user_meta_data ->> 'name' AS name FROM auth.users;" },
    { name: 'a look-alike key', code: "CREATE POLICY p ON notes USING ((auth.jwt() -> 'user_metadata_version') IS NOT NULL);" },
    { name: 'options.keys replaces the list', options: { keys: ['profile'] }, code: "CREATE POLICY p ON notes USING ((auth.jwt() -> 'user_metadata' ->> 'team') = team);" },
  ],
  invalid: [
    {
      code: "CREATE POLICY admins ON notes USING ((auth.jwt() -> 'user_metadata' ->> 'role') = 'admin');",
      errors: [{ messageId: 'userMetadata', line: 1, column: 53, endLine: 1, endColumn: 68, data: { policy: 'admins', key: 'user_metadata' } }],
    },
    {
      name: 'a JSON path and a column of auth.users, in WITH CHECK, multi-line with an emoji comment',
      code: "-- 👑 team admins\nCREATE POLICY \"team admin\" ON teams FOR UPDATE\n  USING ((auth.jwt() #>> '{user_metadata,team}') = name)\n  WITH CHECK (EXISTS (SELECT 1 FROM auth.users u WHERE u.id = owner AND u.raw_user_meta_data ->> 'admin' = 'true'));",
      errors: [
        { messageId: 'userMetadata', line: 3, column: 26, endColumn: 48, data: { policy: 'team admin', key: 'user_metadata' } },
        { messageId: 'userMetadata', line: 4, column: 73, endColumn: 93, data: { policy: 'team admin', key: 'raw_user_meta_data' } },
      ],
    },
    {
      name: 'ALTER POLICY, CRLF',
      code: "ALTER POLICY p ON notes\r\n  USING (current_setting('request.jwt.claims')::jsonb -> 'user_metadata' ? 'beta');",
      errors: [{ messageId: 'userMetadata', line: 2, column: 58, endColumn: 73 }],
    },
    {
      name: 'options.keys',
      options: { keys: ['profile'] },
      code: "CREATE POLICY p ON notes USING ((auth.jwt() -> 'profile' ->> 'team') = team);",
      errors: [{ messageId: 'userMetadata', column: 48, endColumn: 57, data: { policy: 'p', key: 'profile' } }],
    },
  ],
  invalidOptions: [{ keys: 'user_metadata' }, { keys: [] as string[], extra: true }],
});

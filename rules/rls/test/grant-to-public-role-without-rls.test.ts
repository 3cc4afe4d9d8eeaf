import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/grant-to-public-role-without-rls.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const C = 'supabase/migrations/20260103000000_c.sql';

new RuleTester({ plugins: [rls] }).run('rls/grant-to-public-role-without-rls', rule, {
  valid: [
    { filename: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nGRANT SELECT, INSERT ON notes TO anon, authenticated;' },
    {
      name: 'RLS enabled two migrations later',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO anon;' },
        { path: B, code: 'ALTER TABLE notes ADD COLUMN body text;' },
        { path: C, code: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
      ],
    },
    { name: 'a role that is not public', filename: A, code: 'CREATE TABLE notes (id int);\nGRANT ALL ON notes TO service_role;' },
    { name: 'privileges RLS does not govern', filename: A, code: 'CREATE TABLE notes (id int);\nGRANT REFERENCES, TRIGGER ON notes TO authenticated;' },
    {
      name: 'the table is dropped later',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO anon;' },
        { path: B, code: 'DROP TABLE notes;' },
      ],
    },
    { name: 'revoked again later', filename: A, code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO anon;\nREVOKE SELECT ON notes FROM anon;' },
    { name: 'auto: a non-Supabase history without RLS', files: [{ path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO PUBLIC;' }] },
    { name: 'a table the history does not create', filename: A, code: 'GRANT SELECT ON auth.users TO authenticated;' },
  ],
  invalid: [
    {
      filename: A,
      code: 'CREATE TABLE notes (id int);\nGRANT SELECT, UPDATE (id), TRUNCATE ON TABLE public.notes TO anon, PUBLIC, service_role;',
      errors: [{ messageId: 'grant', line: 2, column: 46, endLine: 2, endColumn: 58, data: { privileges: 'SELECT, UPDATE', table: 'notes', roles: 'anon, PUBLIC' } }],
    },
    {
      name: 'two tables in one GRANT, one with RLS; a renamed table; CRLF',
      files: [
        { path: A, code: 'CREATE TABLE a (id int);\r\nCREATE TABLE "Bä" (id int);\r\nALTER TABLE a ENABLE ROW LEVEL SECURITY;\r\nGRANT ALL ON a, "Bä" TO authenticated;' },
        { path: B, code: 'ALTER TABLE "Bä" RENAME TO b2;' },
      ],
      errors: [{ file: A, messageId: 'grant', line: 4, column: 17, endColumn: 21, data: { privileges: 'ALL', table: 'b2', roles: 'authenticated' } }],
    },
    {
      name: 'ALL TABLES IN SCHEMA',
      filename: A,
      code: 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);\nCREATE TABLE c (id int);\nALTER TABLE b ENABLE ROW LEVEL SECURITY;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO anon;',
      errors: [{ messageId: 'grantAll', line: 5, column: 38, endColumn: 44, data: { privileges: 'SELECT', schema: 'public', roles: 'anon', tables: '"a", "c"' } }],
    },
    {
      name: 'when: always, in a history that never uses RLS',
      options: { when: 'always' },
      files: [{ path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO PUBLIC;' }],
      errors: [{ file: 'db/migrations/001_init.up.sql', messageId: 'grant', line: 2, column: 17, endColumn: 22, data: { privileges: 'SELECT', table: 'notes', roles: 'PUBLIC' } }],
    },
    {
      name: 'revoked from one of the roles in a later migration: the message names the other',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO anon, authenticated;' },
        { path: B, code: 'REVOKE SELECT ON notes FROM anon;' },
      ],
      errors: [{ file: A, messageId: 'grant', line: 2, column: 17, endColumn: 22, data: { privileges: 'SELECT', table: 'notes', roles: 'authenticated' } }],
    },
    {
      name: 'settings.publicRoles',
      filename: A,
      settings: { publicRoles: ['web_anon'] },
      code: 'CREATE TABLE notes (id int);\nGRANT SELECT ON notes TO web_anon, anon;',
      errors: [{ messageId: 'grant', line: 2, column: 17, endColumn: 22, data: { privileges: 'SELECT', table: 'notes', roles: 'web_anon' } }],
    },
  ],
  invalidOptions: [{ when: 'sometimes' }, { roles: ['anon'] }],
});

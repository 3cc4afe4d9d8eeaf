import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/table-without-rls.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const C = 'supabase/migrations/20260103000000_c.sql';
const D = 'supabase/migrations/20260104000000_d.sql';

new RuleTester({ plugins: [rls] }).run('rls/table-without-rls', rule, {
  valid: [
    {
      name: 'RLS enabled in the same migration',
      filename: A,
      code: 'CREATE TABLE profiles (id uuid PRIMARY KEY);\nALTER TABLE profiles ENABLE ROW LEVEL SECURITY;',
    },
    {
      name: 'RLS enabled three migrations later',
      files: [
        { path: A, code: 'CREATE TABLE public.profiles (id uuid PRIMARY KEY);' },
        { path: B, code: 'ALTER TABLE profiles ADD COLUMN bio text;' },
        { path: C, code: 'CREATE INDEX ON profiles (bio);' },
        { path: D, code: 'ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;' },
      ],
    },
    {
      name: 'a table dropped later is not reported',
      files: [
        { path: A, code: 'CREATE TABLE scratch (id int);' },
        { path: B, code: 'DROP TABLE scratch;' },
      ],
    },
    {
      name: 'renamed later, and RLS enabled under the new name',
      files: [
        { path: A, code: 'CREATE TABLE people (id int);' },
        { path: B, code: 'ALTER TABLE people RENAME TO members;' },
        { path: C, code: 'ALTER TABLE members ENABLE ROW LEVEL SECURITY;' },
      ],
    },
    {
      name: 'auto: a golang-migrate history that never uses RLS stays quiet',
      files: [
        { path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE users (id bigint);' },
        { path: 'db/migrations/001_init.down.sql', code: 'DROP TABLE users;' },
      ],
    },
    { name: 'a schema the API does not expose', filename: A, code: 'CREATE SCHEMA private;\nCREATE TABLE private.secrets (id int);' },
    { name: 'temporary tables', filename: A, code: 'CREATE TEMP TABLE scratch (id int);' },
    {
      name: 'every public role was revoked from it',
      filename: A,
      code: 'CREATE TABLE internal_jobs (id int);\nREVOKE ALL ON TABLE internal_jobs FROM anon, authenticated;',
    },
    {
      name: 'settings.exposedSchemas: public is not exposed',
      filename: A,
      settings: { exposedSchemas: ['api'] },
      code: 'CREATE TABLE profiles (id int);',
    },
    {
      name: 'suppressed with a reason',
      filename: A,
      code: '-- migralint-disable-next-statement rls/table-without-rls -- read-only reference data, public on purpose\nCREATE TABLE countries (code text);',
    },
  ],
  invalid: [
    {
      name: 'a Supabase table without RLS, quoted non-ASCII name, after an emoji comment',
      filename: A,
      code: '-- 🔐 profiles\nCREATE TABLE "Résumés" (id uuid PRIMARY KEY);',
      errors: [{ messageId: 'missing', line: 2, column: 14, endLine: 2, endColumn: 23, data: { table: 'Résumés', schema: 'public' } }],
    },
    {
      name: 'once one table uses RLS, every exposed table should (golang-migrate)',
      files: [
        { path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE users (id bigint);\r\nCREATE TABLE notes (id bigint, user_id bigint);' },
        { path: 'db/migrations/002_rls.up.sql', code: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: 'db/migrations/001_init.up.sql', messageId: 'missing', line: 1, column: 14, endColumn: 19, data: { table: 'users', schema: 'public' } }],
    },
    {
      name: 'byEndOfMigration: enabled only by a later migration',
      options: { byEndOfMigration: true },
      files: [
        { path: A, code: 'CREATE TABLE public.profiles (id uuid);' },
        { path: B, code: 'ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: A, messageId: 'missingInMigration', line: 1, column: 14, endColumn: 29, data: { table: 'profiles', schema: 'public' } }],
    },
    {
      name: 'when: always, in a history that never uses RLS',
      options: { when: 'always' },
      files: [{ path: 'db/migrations/001_init.up.sql', code: 'CREATE TABLE users (id bigint);' }],
      errors: [{ file: 'db/migrations/001_init.up.sql', messageId: 'missing', column: 14, endColumn: 19 }],
    },
    {
      name: 'enabled, then disabled again later',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
        { path: B, code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: A, messageId: 'missing', line: 1, column: 14, endColumn: 19 }],
    },
    {
      name: 'dropped and created again without RLS: the second CREATE is reported',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
        { path: B, code: 'DROP TABLE notes;\nCREATE TABLE IF NOT EXISTS notes (id bigint);' },
      ],
      errors: [{ file: B, messageId: 'missing', line: 2, column: 28, endColumn: 33 }],
    },
    {
      name: 'settings.exposedSchemas, CREATE TABLE … AS',
      filename: A,
      settings: { exposedSchemas: ['public', 'api'] },
      code: 'CREATE SCHEMA api;\nCREATE TABLE api.report AS SELECT 1 AS n;',
      errors: [{ messageId: 'missing', line: 2, column: 14, endColumn: 24, data: { table: 'api.report', schema: 'api' } }],
    },
    {
      name: 'revoked from authenticated only: anon still reaches it',
      filename: A,
      code: 'CREATE TABLE waitlist (email text);\nREVOKE ALL ON TABLE waitlist FROM PUBLIC;\nREVOKE ALL ON TABLE waitlist FROM authenticated;',
      errors: [{ messageId: 'missing', line: 1, column: 14, endColumn: 22 }],
    },
  ],
  invalidOptions: [{ when: 'never' }, { byEndOfMigration: 'yes' }, { exposedSchemas: ['public'] }],
});

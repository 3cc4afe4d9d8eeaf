import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/view-security-invoker.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const C = 'supabase/migrations/20260103000000_c.sql';
const TABLE = 'CREATE TABLE notes (id int, user_id uuid, body text);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;';

new RuleTester({ plugins: [rls] }).run('rls/view-security-invoker', rule, {
  valid: [
    { filename: A, code: `${TABLE}\nCREATE VIEW note_bodies WITH (security_invoker = true) AS SELECT body FROM notes;` },
    { name: 'a table without RLS (table-without-rls reports that)', filename: A, code: 'CREATE TABLE notes (id int);\nCREATE VIEW v AS SELECT * FROM notes;' },
    { name: 'a schema the API does not expose', filename: A, code: `${TABLE}\nCREATE SCHEMA private;\nCREATE VIEW private.v AS SELECT * FROM public.notes;` },
    {
      name: 'made security_invoker by a later migration',
      files: [
        { path: A, code: `${TABLE}\nCREATE VIEW note_bodies AS SELECT body FROM notes;` },
        { path: B, code: 'ALTER VIEW note_bodies SET (security_invoker = on);' },
      ],
    },
    {
      name: 'SELECT revoked from every public role',
      files: [
        { path: A, code: `${TABLE}\nCREATE VIEW decrypted_notes AS SELECT * FROM notes;` },
        { path: B, code: 'REVOKE ALL ON decrypted_notes FROM anon, authenticated;\nGRANT SELECT ON decrypted_notes TO service_role;' },
      ],
    },
    {
      name: 'the view is dropped later',
      files: [
        { path: A, code: `${TABLE}\nCREATE VIEW v AS SELECT * FROM notes;` },
        { path: B, code: 'DROP VIEW v;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a view over an RLS table',
      filename: A,
      code: `${TABLE}\nCREATE VIEW note_bodies AS SELECT body FROM notes;`,
      errors: [{ messageId: 'definerView', line: 3, column: 13, endLine: 3, endColumn: 24, data: { view: 'note_bodies', table: 'notes' } }],
    },
    {
      name: 'RLS enabled on the table by a later migration; a view over a security_invoker view still bypasses it',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nCREATE VIEW inner_v WITH (security_invoker = true) AS SELECT * FROM notes;\r\nCREATE OR REPLACE VIEW public."Übersicht" AS SELECT count(*) FROM inner_v;' },
        { path: B, code: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
      ],
      errors: [{ file: A, messageId: 'definerView', line: 3, column: 24, endColumn: 42, data: { view: 'Übersicht', table: 'notes' } }],
    },
    {
      name: 'made definer again by ALTER VIEW … RESET: reported there',
      files: [
        { path: A, code: `${TABLE}\nCREATE VIEW v WITH (security_invoker) AS SELECT * FROM notes;` },
        { path: B, code: 'ALTER VIEW v RESET (security_invoker);' },
      ],
      errors: [{ file: B, messageId: 'definerView', line: 1, column: 12, endColumn: 13 }],
    },
    {
      name: 'before Postgres 15',
      filename: A,
      settings: { postgresVersion: 14 },
      code: `${TABLE}\nCREATE VIEW v AS SELECT * FROM notes;`,
      errors: [{ messageId: 'definerViewBefore15', line: 3, column: 13, endColumn: 14, data: { view: 'v', table: 'notes', version: 14 } }],
    },
    {
      name: 'a materialized view in an exposed schema, renamed later',
      files: [
        { path: A, code: `${TABLE}\nCREATE MATERIALIZED VIEW note_stats AS SELECT user_id, count(*) FROM notes GROUP BY user_id;` },
        { path: C, code: 'ALTER MATERIALIZED VIEW note_stats RENAME TO user_note_stats;' },
      ],
      errors: [{ file: A, messageId: 'materializedView', line: 3, column: 26, endColumn: 36, data: { view: 'user_note_stats', table: 'notes' } }],
    },
  ],
  invalidOptions: [{ allowViews: ['v'] }],
});

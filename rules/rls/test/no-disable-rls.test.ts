import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/no-disable-rls.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';

new RuleTester({ plugins: [rls] }).run('rls/no-disable-rls', rule, {
  valid: [
    'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;',
    'ALTER TABLE notes FORCE ROW LEVEL SECURITY;',
    { name: 'allowNoForce', options: { allowNoForce: true }, code: 'ALTER TABLE notes NO FORCE ROW LEVEL SECURITY;' },
    {
      name: 'a down migration undoes its up',
      files: [
        { path: 'db/migrations/001_rls.up.sql', code: 'ALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
        { path: 'db/migrations/001_rls.down.sql', code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;' },
      ],
    },
    {
      name: 'enabled again later in the same migration',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
        { path: B, code: 'BEGIN;\nALTER TABLE notes DISABLE ROW LEVEL SECURITY;\nUPDATE notes SET id = id + 1;\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nCOMMIT;' },
      ],
    },
    {
      name: 'suppressed with a reason',
      code: '-- migralint-disable-next-statement rls/no-disable-rls -- table moved behind the API, no client reaches it\nALTER TABLE audit_log DISABLE ROW LEVEL SECURITY;',
    },
  ],
  invalid: [
    {
      code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;',
      errors: [{ messageId: 'disable', line: 1, column: 19, endLine: 1, endColumn: 45, data: { table: 'notes' } }],
    },
    {
      name: 'NO FORCE, a quoted non-ASCII name, lower case, several subcommands',
      code: '-- 🔓\nalter table if exists app."Bücher"\n  no force row level security,\n  disable row level security;',
      errors: [
        { messageId: 'noForce', line: 3, column: 3, endColumn: 30, data: { table: 'app.Bücher' } },
        { messageId: 'disable', line: 4, column: 3, endColumn: 29, data: { table: 'app.Bücher' } },
      ],
    },
    {
      name: 'disabled in a later migration of the history',
      files: [
        { path: A, code: 'CREATE TABLE notes (id int);\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;' },
        { path: B, code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;\r\nALTER TABLE notes ADD COLUMN body text;' },
      ],
      errors: [{ file: B, messageId: 'disable', line: 1, column: 19, endColumn: 45 }],
    },
    {
      name: 'enabled again, then disabled for good in the same migration: both DISABLEs count',
      filename: A,
      code: 'ALTER TABLE notes DISABLE ROW LEVEL SECURITY;\nALTER TABLE notes ENABLE ROW LEVEL SECURITY;\nALTER TABLE notes DISABLE ROW LEVEL SECURITY;',
      errors: [
        { messageId: 'disable', line: 1, column: 19 },
        { messageId: 'disable', line: 3, column: 19 },
      ],
    },
  ],
  invalidOptions: [{ allowNoForce: 1 }, { allowDisable: true }],
});

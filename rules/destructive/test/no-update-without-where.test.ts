import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-update-without-where.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-update-without-where', rule, {
  valid: [
    'UPDATE users SET active = false WHERE last_seen < now() - interval \'1 year\';',
    { name: 'backfilling a column added in the same migration', code: 'ALTER TABLE users ADD COLUMN email_lower text;\nUPDATE users SET email_lower = lower(email);' },
    'CREATE TABLE t (a int);\nUPDATE t SET a = 1;',
    { code: 'UPDATE staging.rows SET processed = true;', options: { allowTables: ['staging.*'] } },
    'CREATE TEMP TABLE scratch (a int);\nUPDATE scratch SET a = 0;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-update-without-where -- every plan moves to the new price, ticket OPS-8\nUPDATE plans SET price_cents = price_cents * 2;',
    },
    {
      name: 'backfilling a column added by the same migration in another statement form (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);' },
        { path: 'migrations/002_lower.up.sql', code: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS email_lower text;\nUPDATE users SET email_lower = lower(email);' },
      ],
    },
  ],
  invalid: [
    {
      code: 'UPDATE users SET active = false;',
      errors: [{ messageId: 'updateAll', line: 1, column: 8, endLine: 1, endColumn: 13, data: { columns: '"active"', table: 'users' } }],
    },
    {
      name: 'only the pre-existing columns are named',
      code: 'ALTER TABLE users ADD COLUMN nick text;\nUPDATE ONLY app.users SET nick = name, name = upper(name), (a, b) = (1, 2);',
      errors: [{ messageId: 'updateAll', line: 2, column: 13, endLine: 2, endColumn: 22, data: { columns: '"nick", "name", "a", "b"', table: 'app.users' } }],
    },
    {
      name: 'UPDATE … FROM without WHERE',
      code: 'UPDATE orders SET total = p.total FROM prices p;',
      errors: [{ messageId: 'updateAll', line: 1, column: 8, endLine: 1, endColumn: 14 }],
    },
    {
      name: 'CRLF, an emoji comment, a quoted non-ASCII name',
      code: '-- ✏️\r\nUPDATE\r\n  "Konten"\r\n  SET "währung" = \'EUR\';',
      errors: [{ messageId: 'updateAll', line: 3, column: 3, endLine: 3, endColumn: 11, data: { columns: '"währung"', table: 'Konten' } }],
    },
    {
      name: 'ADD COLUMN IF NOT EXISTS may have added nothing',
      code: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS nick text;\nUPDATE users SET nick = name;',
      errors: [{ messageId: 'updateAll', line: 2, column: 8 }],
    },
    {
      name: 'a column an earlier migration added (migration model)',
      files: [
        { path: 'migrations/001_users.up.sql', code: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);' },
        { path: 'migrations/002_reset.up.sql', code: 'UPDATE users SET email = NULL;' },
      ],
      errors: [{ file: 'migrations/002_reset.up.sql', messageId: 'updateAll', line: 1, column: 8, data: { columns: '"email"', table: 'users' } }],
    },
  ],
  invalidOptions: [{ allowTables: 'staging.*' }, { allowColumns: [] }],
});

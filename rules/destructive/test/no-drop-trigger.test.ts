import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-trigger.js';

const TRIGGER = 'CREATE TRIGGER touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION set_updated_at()';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-trigger', rule, {
  valid: [
    `${TRIGGER};\nDROP TRIGGER touch ON users;`,
    { name: 'the idempotent drop-and-create', code: `DROP TRIGGER IF EXISTS touch ON users;\n${TRIGGER};` },
    { name: 'a trigger on a table created in the same migration', code: 'CREATE TABLE t (id bigint);\nDROP TRIGGER IF EXISTS audit ON t;' },
    'ALTER TABLE users DISABLE TRIGGER touch;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-trigger -- audit moved to the app, ticket OPS-12\nDROP TRIGGER audit ON orders;',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_touch.up.sql', code: `${TRIGGER};` },
        { path: 'migrations/001_touch.down.sql', code: 'DROP TRIGGER touch ON users;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DROP TRIGGER touch ON users;',
      errors: [{ messageId: 'dropTrigger', line: 1, column: 14, endLine: 1, endColumn: 19, data: { trigger: 'touch', table: 'users' } }],
    },
    {
      name: 're-created on another table does not count',
      code: `DROP TRIGGER touch ON accounts;\n${TRIGGER};`,
      errors: [{ messageId: 'dropTrigger', line: 1, column: 14, endColumn: 19, data: { trigger: 'touch', table: 'accounts' } }],
    },
    {
      name: 'IF EXISTS, a quoted name, a schema-qualified table, CASCADE',
      code: 'DROP TRIGGER IF EXISTS "Audit Trail" ON billing.invoices CASCADE;',
      errors: [{ messageId: 'dropTrigger', line: 1, column: 24, endLine: 1, endColumn: 37, data: { trigger: 'Audit Trail', table: 'billing.invoices' } }],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- ⏱️ no more stamps\r\nDROP TRIGGER\r\n  touch\r\n  ON users;',
      errors: [{ messageId: 'dropTrigger', line: 3, column: 3, endLine: 3, endColumn: 8 }],
    },
  ],
  invalidOptions: [{ allowTriggers: [] }],
});

import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-view.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-view', rule, {
  valid: [
    'CREATE VIEW active_users AS SELECT * FROM users WHERE active;\nDROP VIEW active_users;',
    { name: 'drop and re-create to change the columns', code: 'DROP VIEW IF EXISTS report;\nCREATE VIEW report AS SELECT id, total FROM orders;' },
    { name: 'a materialized view re-created', code: 'DROP MATERIALIZED VIEW stats;\nCREATE MATERIALIZED VIEW stats AS SELECT count(*) AS n FROM users;' },
    'CREATE OR REPLACE VIEW v AS SELECT 1 AS one;',
    'DROP TABLE t;',
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-view -- unused since v4, ticket OPS-9\nDROP VIEW legacy_report;',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_view.up.sql', code: 'CREATE VIEW recent AS SELECT 1 AS one;' },
        { path: 'migrations/001_view.down.sql', code: 'DROP VIEW recent;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DROP VIEW active_users;',
      errors: [{ messageId: 'dropView', line: 1, column: 11, endLine: 1, endColumn: 23, data: { view: 'active_users', what: 'view' } }],
    },
    {
      name: 'a materialized view, IF EXISTS, schema-qualified, two names',
      code: 'DROP MATERIALIZED VIEW IF EXISTS analytics.daily, "Wöchentlich";',
      errors: [
        { messageId: 'dropView', line: 1, column: 34, endLine: 1, endColumn: 49, data: { view: 'analytics.daily', what: 'materialized view' } },
        { messageId: 'dropView', line: 1, column: 51, endLine: 1, endColumn: 64, data: { view: 'Wöchentlich', what: 'materialized view' } },
      ],
    },
    {
      name: 'CASCADE is reported even when the view is re-created',
      code: 'DROP VIEW report CASCADE;\nCREATE VIEW report AS SELECT 1 AS one;',
      errors: [{ messageId: 'dropViewCascade', line: 1, column: 11, endLine: 1, endColumn: 17, data: { view: 'report', what: 'view' } }],
    },
    {
      name: 'CRLF, an emoji comment, a statement spanning lines',
      code: '-- 📉 old report\r\nDROP VIEW\r\n  public.sales_by_month;\r\n',
      errors: [{ messageId: 'dropView', line: 3, column: 3, endLine: 3, endColumn: 24 }],
    },
    {
      name: 're-created under another name does not count',
      code: 'DROP VIEW report;\nCREATE VIEW report_v2 AS SELECT 1 AS one;',
      errors: [{ messageId: 'dropView', line: 1, column: 11 }],
    },
    {
      name: 'a view an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_view.up.sql', code: 'CREATE VIEW recent AS SELECT 1 AS one;' },
        { path: 'migrations/002_drop.up.sql', code: 'DROP VIEW recent;' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropView', line: 1, column: 11 }],
    },
  ],
  invalidOptions: [{ allowViews: [] }],
});

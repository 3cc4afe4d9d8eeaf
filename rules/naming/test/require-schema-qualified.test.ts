import { RuleTester } from '@migralint/rule-tester';
import naming from '../src/index.js';
import rule from '../src/rules/require-schema-qualified.js';
import { span } from './positions.js';

const MANY =
  "-- 📦 orders\r\nCREATE TABLE public.orders (\r\n  id bigint PRIMARY KEY,\r\n  user_id bigint REFERENCES users (id)\r\n);\r\n" +
  'CREATE INDEX orders_user_idx ON orders (user_id);\r\nDROP TABLE IF EXISTS public.legacy, legacy_items CASCADE;\r\n';

const SEARCH_PATH = "SET search_path = app;\nCREATE TABLE invoices (id bigint);";

new RuleTester({ plugins: [naming] }).run('naming/require-schema-qualified', rule, {
  valid: [
    { name: 'squawk create_table_ok#1', code: '\nCREATE TABLE public.my_table (id int);\n' },
    { name: 'squawk create_temp_table_ok#1: temporary tables live in pg_temp', code: '\nCREATE TEMP TABLE temp_mapping_table (id int4) ON COMMIT DROP;\nCREATE TEMPORARY TABLE other_temp (id int4);\n' },
    {
      name: 'every table qualified, quoted and not',
      code: 'CREATE TABLE app."Orders" (id bigint, user_id bigint REFERENCES auth.users (id));\nCREATE INDEX ON app."Orders" (user_id);\nALTER TABLE app."Orders" ENABLE ROW LEVEL SECURITY;\nCREATE POLICY own ON app."Orders" USING (true);\nGRANT SELECT ON app."Orders" TO authenticated;',
    },
    { name: 'data statements are not checked (CTEs and aliases have no schema)', code: 'WITH recent AS (SELECT * FROM public.orders) UPDATE public.orders o SET total = 0 FROM recent WHERE recent.id = o.id;' },
    { name: 'views and functions only when asked for', code: 'CREATE VIEW order_totals AS SELECT 1;\nCREATE FUNCTION total() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' },
  ],
  invalid: [
    {
      name: 'squawk create_table_err#1, with the suggestion',
      code: '\nCREATE TABLE my_table (id int);\n',
      errors: [
        {
          messageId: 'unqualified',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 22,
          data: { kind: 'Table', name: 'my_table', object: 'table', qualified: 'public.my_table' },
          suggestions: [{ desc: 'Write public.my_table', output: '\nCREATE TABLE public.my_table (id int);\n' }],
        },
      ],
    },
    { name: 'squawk alter_table_err#1', code: '\nALTER TABLE my_table ADD COLUMN name text;\n', errors: [{ messageId: 'unqualified', line: 2, column: 13, endLine: 2, endColumn: 21 }] },
    { name: 'squawk drop_table_err#1', code: '\nDROP TABLE my_table;\n', errors: [{ messageId: 'unqualified', line: 2, column: 12, endLine: 2, endColumn: 20 }] },
    { name: 'squawk create_table_as_err#1', code: '\nCREATE TABLE my_table AS SELECT 1;\n', errors: [{ messageId: 'unqualified', line: 2, column: 14, endLine: 2, endColumn: 22 }] },
    {
      name: 'references too: REFERENCES, CREATE INDEX … ON, each table of a DROP list (CRLF, emoji comment)',
      code: MANY,
      errors: [
        { messageId: 'unqualified', ...span(MANY, 'users'), data: { kind: 'Table', name: 'users', object: 'table', qualified: 'public.users' } },
        { messageId: 'unqualified', ...span(MANY, 'orders', 3), data: { kind: 'Table', name: 'orders', object: 'table', qualified: 'public.orders' } },
        { messageId: 'unqualified', ...span(MANY, 'legacy_items'), data: { kind: 'Table', name: 'legacy_items', object: 'table', qualified: 'public.legacy_items' } },
      ],
    },
    {
      name: '[model] the suggestion names the schema the search_path in effect resolves to',
      files: [{ path: 'db/migrations/001_invoices.sql', code: SEARCH_PATH }],
      errors: [
        {
          file: 'db/migrations/001_invoices.sql',
          messageId: 'unqualified',
          ...span(SEARCH_PATH, 'invoices'),
          data: { kind: 'Table', name: 'invoices', object: 'table', qualified: 'app.invoices' },
        },
      ],
    },
    {
      name: 'views, functions and types when `objects` asks for them',
      code: 'CREATE VIEW order_totals AS SELECT 1;\nCREATE FUNCTION "Total"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nCREATE TYPE mood AS ENUM (\'ok\');\nCREATE TABLE t (id int);',
      options: { objects: ['view', 'function', 'type'] },
      errors: [
        { messageId: 'unqualified', line: 1, column: 13, endLine: 1, endColumn: 25, data: { kind: 'View', name: 'order_totals', object: 'view', qualified: 'public.order_totals' } },
        {
          messageId: 'unqualified',
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 24,
          data: { kind: 'Function', name: 'Total', object: 'function', qualified: 'public."Total"' },
          suggestions: [{ output: 'CREATE VIEW order_totals AS SELECT 1;\nCREATE FUNCTION public."Total"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\nCREATE TYPE mood AS ENUM (\'ok\');\nCREATE TABLE t (id int);' }],
        },
        { messageId: 'unqualified', line: 3, column: 13, endLine: 3, endColumn: 17, data: { kind: 'Type', name: 'mood', object: 'type', qualified: 'public.mood' } },
      ],
    },
  ],
  invalidOptions: [{ objects: [] }, { objects: ['tables'] }, { objects: 'table' }, { objects: ['table', 'table'] }, { schemas: ['public'] }],
});

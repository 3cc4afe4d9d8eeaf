import { RuleTester } from '@migralint/rule-tester';
import naming from '../src/index.js';
import rule from '../src/rules/identifier-pattern.js';
import { span } from './positions.js';

const TEAM = { index: 'idx_{table}_{columns}', foreignKey: 'fk_{table}_{ref_table}', unique: 'uq_{table}_{columns}' };

const TEAM_OK =
  'CREATE TABLE users (id bigint PRIMARY KEY, email text, CONSTRAINT uq_users_email UNIQUE (email));\n' +
  'CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  user_id bigint,\n  CONSTRAINT fk_orders_users FOREIGN KEY (user_id) REFERENCES users (id)\n);\n' +
  'CREATE INDEX CONCURRENTLY idx_orders_user_id ON orders (user_id);';

const TEAM_BAD = 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\nCREATE INDEX orders_by_user ON orders (user_id);';

const DEFAULTS_BAD =
  '-- 🧾 orders\r\nCREATE TABLE app.orders (\r\n  id bigint,\r\n  "createdAt" timestamptz,\r\n  CONSTRAINT orders_pk PRIMARY KEY (id),\r\n  CONSTRAINT chk CHECK (id < 10 OR "createdAt" > now())\r\n);\r\n';

const LONG_TABLE = 'customer_subscription_billing_events';

new RuleTester({ plugins: [naming] }).run('naming/identifier-pattern', rule, {
  valid: [
    {
      name: "the defaults are Postgres' own names: unnamed constraints and indexes pass",
      code:
        'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id), total int CHECK (total > 0), note text, UNIQUE (id, user_id));\n' +
        'CREATE INDEX ON orders (lower(note));\nCREATE UNIQUE INDEX orders_user_id_idx ON orders (user_id);\nALTER TABLE orders ADD CONSTRAINT orders_note_key UNIQUE (note);',
    },
    { name: 'a team convention, followed', code: TEAM_OK, options: TEAM },
    {
      name: "long names are fitted into 63 bytes the way Postgres fits its own",
      code: `CREATE TABLE ${LONG_TABLE} (external_invoice_reference text, occurred_at timestamptz, UNIQUE (external_invoice_reference, occurred_at));`,
    },
    { name: 'ignoreUnnamed: only written names are checked', code: 'CREATE TABLE orders (user_id bigint REFERENCES users);', options: { foreignKey: 'fk_{table}_{ref_table}', ignoreUnnamed: true } },
    { name: 'false turns a kind off', code: 'CREATE TABLE "Orders" ("createdAt" timestamptz);', options: { table: false, column: false } },
    { name: 'a regular expression with a placeholder', code: 'CREATE INDEX idx_orders_recent ON orders (created_at);', options: { index: '^idx_{table}_[a-z_]+$' } },
    {
      name: '[model] a constraint renamed to the convention in a later migration',
      files: [
        {
          path: 'db/migrations/001_orders.sql',
          code: '-- migralint-disable-next-statement naming/identifier-pattern -- legacy name, renamed in 002\nCREATE TABLE orders (id bigint, CONSTRAINT orders_pk PRIMARY KEY (id));',
        },
        { path: 'db/migrations/002_rename.sql', code: 'ALTER TABLE orders RENAME CONSTRAINT orders_pk TO orders_pkey;' },
      ],
    },
  ],
  invalid: [
    {
      name: 'a team convention: an unnamed foreign key and an index named otherwise',
      code: TEAM_BAD,
      options: TEAM,
      errors: [
        {
          messageId: 'unnamed',
          ...span(TEAM_BAD, 'REFERENCES'),
          data: { kind: 'foreign key', name: 'orders_user_id_fkey', pattern: 'fk_{table}_{ref_table}', expected: 'fk_orders_users' },
          suggestions: [{ desc: 'Name it fk_orders_users', output: TEAM_BAD.replace('REFERENCES', 'CONSTRAINT fk_orders_users REFERENCES') }],
        },
        {
          messageId: 'mismatch',
          ...span(TEAM_BAD, 'orders_by_user'),
          data: { kind: 'Index', name: 'orders_by_user', pattern: 'idx_{table}_{columns}', expected: 'idx_orders_user_id' },
          suggestions: [{ desc: 'Rename it to idx_orders_user_id', output: TEAM_BAD.replace('orders_by_user', 'idx_orders_user_id') }],
        },
      ],
    },
    {
      name: 'the defaults: a camelCase column, a primary key and a check named otherwise (schema-qualified table, CRLF, emoji)',
      code: DEFAULTS_BAD,
      errors: [
        { messageId: 'mismatchRegex', line: 4, column: 3, endLine: 4, endColumn: 14, data: { kind: 'Column', name: 'createdAt', pattern: '^[a-z_][a-z0-9_]*$' } },
        {
          messageId: 'mismatch',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 23,
          data: { kind: 'Primary key', name: 'orders_pk', pattern: '{table}_pkey', expected: 'orders_pkey' },
          suggestions: [{ output: DEFAULTS_BAD.replace('orders_pk ', 'orders_pkey ') }],
        },
        {
          // A check over several columns: {column} is empty and takes its `_` along (Postgres' `orders_check`).
          messageId: 'mismatch',
          line: 6,
          column: 14,
          endLine: 6,
          endColumn: 17,
          data: { kind: 'Check constraint', name: 'chk', pattern: '{table}_{column}_check', expected: 'orders_check' },
          suggestions: [{ output: DEFAULTS_BAD.replace('CONSTRAINT chk', 'CONSTRAINT orders_check') }],
        },
      ],
    },
    {
      name: '[model] an index renamed in a later migration: its table and columns come from the replayed schema',
      files: [
        { path: 'db/migrations/001_orders.sql', code: 'CREATE TABLE orders (id bigint, user_id bigint);\nCREATE INDEX orders_user_id_idx ON orders (user_id);' },
        { path: 'db/migrations/002_rename.sql', code: 'ALTER INDEX orders_user_id_idx RENAME TO user_orders;' },
      ],
      errors: [
        {
          file: 'db/migrations/002_rename.sql',
          messageId: 'mismatch',
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 53,
          data: { kind: 'Index', name: 'user_orders', pattern: '{table}_{columns}_idx', expected: 'orders_user_id_idx' },
        },
      ],
    },
    {
      name: '[model] a constraint renamed in a later migration: its kind comes from the replayed schema',
      files: [
        { path: 'db/migrations/001_orders.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY);' },
        { path: 'db/migrations/002_rename.sql', code: 'ALTER TABLE orders\n  RENAME CONSTRAINT orders_pkey TO "orders primary key";' },
      ],
      errors: [
        {
          file: 'db/migrations/002_rename.sql',
          messageId: 'mismatch',
          line: 2,
          column: 36,
          endLine: 2,
          endColumn: 56,
          data: { kind: 'Primary key', name: 'orders primary key', pattern: '{table}_pkey', expected: 'orders_pkey' },
          suggestions: [{ output: 'ALTER TABLE orders\n  RENAME CONSTRAINT orders_pkey TO orders_pkey;' }],
        },
      ],
    },
    {
      name: 'a unique index falls back to the index pattern; an unnamed one shows the name Postgres picks',
      code: 'CREATE UNIQUE INDEX ON orders (customer_id, (lower(code)));',
      options: { index: 'ix_{table}_{columns}' },
      errors: [
        {
          messageId: 'unnamed',
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 20,
          data: { kind: 'unique index', name: 'orders_customer_id_lower_idx', pattern: 'ix_{table}_{columns}', expected: 'ix_orders_customer_id_lower' },
          suggestions: [{ output: 'CREATE UNIQUE INDEX ix_orders_customer_id_lower ON orders (customer_id, (lower(code)));' }],
        },
      ],
    },
    {
      name: 'tables, views and functions against regular expressions',
      code: 'CREATE TABLE order_item (id bigint);\nCREATE VIEW OrderTotals AS SELECT 1;\nCREATE FUNCTION app."fnTotal"() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      options: { table: '^[a-z][a-z0-9_]*s$', view: '^v_[a-z0-9_]+$' },
      errors: [
        { messageId: 'mismatchRegex', line: 1, column: 14, endLine: 1, endColumn: 24, data: { kind: 'Table', name: 'order_item', pattern: '^[a-z][a-z0-9_]*s$' } },
        { messageId: 'mismatchRegex', line: 2, column: 13, endLine: 2, endColumn: 24, data: { kind: 'View', name: 'ordertotals', pattern: '^v_[a-z0-9_]+$' } },
        { messageId: 'mismatchRegex', line: 3, column: 21, endLine: 3, endColumn: 30, data: { kind: 'Function', name: 'fnTotal', pattern: '^[a-z_][a-z0-9_]*$' } },
      ],
    },
  ],
  invalidOptions: [
    { index: 'idx_{tabel}_{columns}' },
    { table: '{table}_x' },
    { column: '{columns}' },
    { primaryKey: 42 },
    { primaryKey: true },
    { foreignKey: '' },
    { colour: 'blue' },
  ],
});

import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/foreign-key-needs-index.js';

new RuleTester({ plugins: [design] }).run('design/foreign-key-needs-index', rule, {
  valid: [
    'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\nCREATE INDEX orders_user_id_idx ON orders (user_id);',
    { name: 'a join table: the primary key covers the first key, an index the second', code: 'CREATE TABLE memberships (org_id bigint REFERENCES orgs, user_id bigint REFERENCES users, PRIMARY KEY (org_id, user_id));\nCREATE INDEX ON memberships (user_id);' },
    { name: 'a composite key covered by an index that starts with its columns in another order', code: 'CREATE TABLE t (a int, b int, c int, FOREIGN KEY (a, b) REFERENCES p (x, y));\nCREATE INDEX ON t (b, a, c);' },
    { name: 'a UNIQUE column is indexed', code: 'CREATE TABLE profiles (user_id bigint UNIQUE REFERENCES users);' },
    { name: 'without the model an older table’s indexes are unknown', code: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users NOT VALID;' },
    'CREATE TEMP TABLE t (p bigint REFERENCES p);',
    {
      name: 'the index came with an earlier migration (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);\nCREATE INDEX orders_user_id_idx ON orders (user_id);' },
        { path: 'migrations/002_fk.up.sql', code: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users;' },
      ],
    },
  ],
  invalid: [
    {
      code: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);',
      errors: [
        {
          messageId: 'missingIndex', line: 1, column: 60, endLine: 1, endColumn: 70, data: { columns: 'user_id', table: 'orders', parent: 'users' },
          suggestions: [
            {
              desc: 'Add CREATE INDEX orders_user_id_idx ON orders (user_id)',
              output: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\nCREATE INDEX orders_user_id_idx ON orders (user_id);',
            },
          ],
        },
      ],
    },
    {
      name: 'partial and expression indexes, and an index where the key is not leading, do not count',
      code: 'CREATE TABLE t (id bigint PRIMARY KEY, a bigint, p bigint REFERENCES p);\nCREATE INDEX ON t (p) WHERE id > 0;\nCREATE INDEX ON t (lower(p::text));\nCREATE INDEX ON t (a, p);',
      errors: [{ messageId: 'missingIndex', line: 1, column: 59, endLine: 1, endColumn: 69, data: { columns: 'p', table: 't', parent: 'p' } }],
    },
    {
      name: 'a named table constraint with quoted non-ASCII names, CRLF and an emoji comment',
      code: '-- 🔗\r\nCREATE TABLE "Aufträge" (\r\n  id bigint PRIMARY KEY,\r\n  kunde_id bigint,\r\n  CONSTRAINT "fk_kunde" FOREIGN KEY (kunde_id) REFERENCES "Kunden" (id)\r\n);',
      errors: [
        {
          messageId: 'missingIndex', line: 5, column: 3, endLine: 5, endColumn: 13, data: { columns: 'kunde_id', table: 'Aufträge', parent: 'Kunden' },
          suggestions: [
            {
              output: '-- 🔗\r\nCREATE TABLE "Aufträge" (\r\n  id bigint PRIMARY KEY,\r\n  kunde_id bigint,\r\n  CONSTRAINT "fk_kunde" FOREIGN KEY (kunde_id) REFERENCES "Kunden" (id)\r\n);\nCREATE INDEX "Aufträge_kunde_id_idx" ON "Aufträge" (kunde_id);',
            },
          ],
        },
      ],
    },
    {
      name: 'two keys in one table, schema-qualified',
      code: 'CREATE TABLE app.lines (order_id bigint REFERENCES app.orders, product_id bigint REFERENCES app.products);\nCREATE INDEX ON app.lines (order_id);',
      errors: [{ messageId: 'missingIndex', line: 1, column: 82, endLine: 1, endColumn: 92, data: { columns: 'product_id', table: 'app.lines', parent: 'app.products' } }],
    },
    {
      name: 'a key added to an older table without an index (migration model)',
      files: [
        { path: 'migrations/001_orders.up.sql', code: 'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint);' },
        { path: 'migrations/002_fk.up.sql', code: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users;' },
      ],
      errors: [{ file: 'migrations/002_fk.up.sql', messageId: 'missingIndex', line: 1, column: 24, endLine: 1, endColumn: 34, data: { columns: 'user_id', table: 'orders', parent: 'users' } }],
    },
  ],
  invalidOptions: [{ ignoreTables: [] }],
});

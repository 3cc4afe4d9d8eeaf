import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/no-duplicate-column-assignment.js';

new RuleTester({ plugins: [design] }).run('design/no-duplicate-column-assignment', rule, {
  valid: [
    'UPDATE k SET a = 1, b = 2 WHERE id = 1;',
    { name: 'fields and elements of one column', code: 'UPDATE k SET a.x = 1, a.y = 2, b[1] = 1, b[2] = 2;' },
    { name: 'a quoted upper-case name is another column', code: 'UPDATE k SET "A" = 1, A = 2;' },
    'INSERT INTO k (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b;',
    { name: 'a written column list wins over the select list', code: 'CREATE VIEW v (a, b) AS SELECT 1 AS a, 2 AS a;' },
    { name: 'names Postgres infers, all different', code: 'CREATE VIEW v AS SELECT u.id, o.total, count(*), now() FROM users u JOIN orders o ON o.user_id = u.id GROUP BY 1, 2;' },
    { name: 'a * may repeat names, but that cannot be known here', code: 'CREATE VIEW v AS SELECT * FROM a JOIN b USING (id);' },
    'CREATE TABLE t (a int, b int);\nSELECT 1 AS a, 2 AS b INTO z;',
  ],
  invalid: [
    {
      name: 'UPDATE: the same column by another spelling, and through a row assignment',
      code: 'UPDATE k SET a = 1, b = 2, A = 3, (c, b) = (4, 5);',
      errors: [
        { messageId: 'assignedTwice', line: 1, column: 28, endLine: 1, endColumn: 29, data: { column: 'a', where: 'this UPDATE' } },
        { messageId: 'assignedTwice', line: 1, column: 39, endLine: 1, endColumn: 40, data: { column: 'b', where: 'this UPDATE' } },
      ],
    },
    {
      name: 'INSERT column list and ON CONFLICT DO UPDATE',
      code: 'INSERT INTO t (a, "a") VALUES (1, 2) ON CONFLICT (id) DO UPDATE SET b = 1, b = 2;',
      errors: [
        { messageId: 'assignedTwice', line: 1, column: 19, endLine: 1, endColumn: 22, data: { column: 'a', where: 'the INSERT column list' } },
        { messageId: 'assignedTwice', line: 1, column: 76, endLine: 1, endColumn: 77, data: { column: 'b', where: 'ON CONFLICT DO UPDATE' } },
      ],
    },
    {
      name: 'CREATE TABLE with a repeated non-ASCII column',
      code: 'CREATE TABLE t (id bigint, "größe" int, "größe" text);',
      errors: [{ messageId: 'definedTwice', line: 1, column: 41, endLine: 1, endColumn: 48, data: { column: 'größe', where: 'table "t"' } }],
    },
    {
      name: 'inferred names: ?column?, a qualified column, a function',
      code: 'CREATE VIEW v AS SELECT 1, 2;\nCREATE VIEW w AS SELECT u.id, o.id FROM users u JOIN orders o ON o.user_id = u.id;\nSELECT count(*), count(id) INTO stats FROM t;',
      errors: [
        { messageId: 'definedTwice', line: 1, column: 28, endLine: 1, endColumn: 29, data: { column: '?column?', where: 'view "v"' } },
        { messageId: 'definedTwice', line: 2, column: 31, endLine: 2, endColumn: 35, data: { column: 'id', where: 'view "w"' } },
        { messageId: 'definedTwice', line: 3, column: 18, endLine: 3, endColumn: 23, data: { column: 'count', where: 'table "stats"' } },
      ],
    },
    {
      name: 'MERGE … UPDATE and MERGE … INSERT',
      code: 'MERGE INTO t USING s ON t.id = s.id\nWHEN MATCHED THEN UPDATE SET a = 1, a = 2\nWHEN NOT MATCHED THEN INSERT (a, a) VALUES (1, 2);',
      errors: [
        { messageId: 'assignedTwice', line: 2, column: 37, endLine: 2, endColumn: 38, data: { column: 'a', where: 'MERGE … UPDATE' } },
        { messageId: 'assignedTwice', line: 3, column: 34, endLine: 3, endColumn: 35, data: { column: 'a', where: 'the MERGE … INSERT column list' } },
      ],
    },
    {
      name: 'squawk ban_duplicate_column_assignments::names_use_postgres_truncation_rules#1: names cut at 63 bytes',
      code: 'update k set aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaax = 1, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay = 2;',
      errors: [{ messageId: 'assignedTwice', line: 1, column: 84, endLine: 1, endColumn: 148 }],
    },
    {
      name: 'CRLF, an emoji comment, a WITH clause',
      code: '-- 🔁\r\nWITH u AS (\r\n  UPDATE k SET a = 1, a = 2 RETURNING id\r\n) SELECT count(*) FROM u;',
      errors: [{ messageId: 'assignedTwice', line: 3, column: 23, endLine: 3, endColumn: 24 }],
    },
  ],
  invalidOptions: [{ fix: true }],
});

// The SQL inside DO blocks and PL/pgSQL function bodies goes through the rules (issue #15): exact
// positions in the file through dollar quotes, '' escapes, CRLF and non-ASCII; directives before
// the DO apply inside; function bodies get the "runs later" treatment (docs/plpgsql.md).
import { corePlugin } from '@migralint/core';
import { RuleTester } from '@migralint/rule-tester';
import destructive from '@migralint/rules-destructive';
import design from '@migralint/rules-design';
import noDropTable from '../rules/destructive/src/rules/no-drop-table.js';
import noUpdateWithoutWhere from '../rules/destructive/src/rules/no-update-without-where.js';
import preferRobustStmts from '../rules/design/src/rules/prefer-robust-stmts.js';

const dynamicSql = corePlugin.rules['dynamic-sql']!;

new RuleTester({ plugins: [] }).run('migralint/dynamic-sql', dynamicSql, {
  valid: [
    { name: 'a constant EXECUTE is analysed', code: "DO $$ BEGIN EXECUTE 'DROP TABLE t'; END $$;" },
    { name: 'format() with %I of a loop variable is analysed', code: "DO $$ DECLARE t text; BEGIN FOR t IN SELECT 'a' LOOP EXECUTE format('ALTER TABLE %I ADD COLUMN x int', t); END LOOP; END $$;" },
    { name: 'a function body is off by default', code: 'CREATE FUNCTION f(s text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE s; END $$;' },
    { name: 'SQL functions have no PL/pgSQL body', code: "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';" },
  ],
  invalid: [
    {
      name: 'text spliced with ||, at the expression',
      code: "DO $$\nDECLARE t text := 'x';\nBEGIN\n  EXECUTE 'DROP TABLE ' || t;\nEND $$;",
      errors: [{ messageId: 'dynamic', line: 4, column: 11, endLine: 4, endColumn: 29 }],
    },
    {
      name: 'a function body with functionBodies on',
      code: 'CREATE FUNCTION f(s text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE s; END $$;',
      options: { functionBodies: true },
      errors: [{ messageId: 'dynamic', line: 1, column: 77, endColumn: 78 }],
    },
    {
      name: 'a function created inside a DO block, reported when asked',
      code: 'DO $$ BEGIN CREATE FUNCTION g(s text) RETURNS void LANGUAGE plpgsql AS $b$ BEGIN EXECUTE s; END $b$; END $$;',
      options: { functionBodies: true },
      errors: [{ messageId: 'dynamic', line: 1, column: 90, endColumn: 91 }],
    },
    {
      name: 'an EXECUTE text that does not parse is not silently passed',
      code: "DO $$ BEGIN EXECUTE 'DROPP TABLE t'; END $$;",
      errors: [{ messageId: 'unread', line: 1 }],
    },
  ],
});

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', noDropTable, {
  valid: [
    { name: 'directive before the DO covers its body', code: '-- migralint-disable-next-statement destructive/no-drop-table -- replaced by v2\nDO $$ BEGIN DROP TABLE users; END $$;' },
    { name: 'a DO block drops what this migration created', files: [{ path: 'migrations/001_a.up.sql', code: 'CREATE TABLE tmp (id int);\nDO $$ BEGIN DROP TABLE tmp; END $$;' }] },
  ],
  invalid: [
    {
      name: 'the issue example, line 2',
      code: 'do $$ begin\n  drop table public.accounts;\n  alter table public.users drop column email;\nend $$;',
      errors: [{ messageId: 'dropTable', line: 2, column: 14, endLine: 2, endColumn: 29, data: { table: 'public.accounts' } }],
    },
    {
      name: 'CRLF and non-ASCII before and inside the body',
      code: '-- 🚀 déploiement\r\nDO $body$\r\nBEGIN\r\n  -- «nettoyage»\r\n  DROP TABLE "résumé";\r\nEND $body$;\r\n',
      errors: [{ messageId: 'dropTable', line: 5, column: 14, endLine: 5, endColumn: 22, data: { table: 'résumé' } }],
    },
    {
      name: "a body in '…' with an EXECUTE string in ''…''",
      code: "DO 'BEGIN EXECUTE ''DROP TABLE users''; END';",
      errors: [{ messageId: 'dropTable', line: 1, column: 32, endLine: 1, endColumn: 37, data: { table: 'users' } }],
    },
    {
      name: 'format() with a constant template',
      code: "DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'old_logs'); END $$;",
      errors: [{ messageId: 'dropTable', line: 1, data: { table: 'old_logs' } }],
    },
    {
      name: 'a function body runs later: a table created in this migration is not exempt',
      files: [{ path: 'migrations/001_a.up.sql', code: 'CREATE TABLE tmp (id int);\nCREATE FUNCTION purge() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE tmp; END $$;' }],
      errors: [{ file: 'migrations/001_a.up.sql', messageId: 'dropTable', line: 2, column: 78, endColumn: 81, data: { table: 'tmp' } }],
    },
  ],
});

new RuleTester({ plugins: [destructive] }).run('destructive/no-update-without-where', noUpdateWithoutWhere, {
  valid: [{ name: 'application logic in a function body', code: 'CREATE FUNCTION touch() RETURNS void LANGUAGE plpgsql AS $$ BEGIN UPDATE t SET a = 1; END $$;' }],
  invalid: [{ name: 'a DO block runs now', code: 'DO $$ BEGIN UPDATE t SET a = 1; END $$;', errors: [{ messageId: 'updateAll', line: 1, column: 20 }] }],
});

new RuleTester({ plugins: [design] }).run('design/prefer-robust-stmts', preferRobustStmts, {
  valid: [
    {
      name: 'the catalog-guarded CREATE TYPE idiom',
      code: "DO $$ BEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN\n    CREATE TYPE mood AS ENUM ('happy');\n  END IF;\nEND $$;\nCREATE TABLE t (m mood);",
    },
    {
      name: 'EXCEPTION WHEN duplicate_object',
      code: "DO $$ BEGIN\n  CREATE TYPE mood AS ENUM ('happy');\nEXCEPTION WHEN duplicate_object THEN NULL;\nEND $$;\nCREATE TABLE t (m mood);",
    },
  ],
  invalid: [
    {
      name: 'an unguarded CREATE TYPE in a DO block is still reported',
      code: "DO $$ BEGIN\n  CREATE TYPE mood AS ENUM ('happy');\nEND $$;\nCREATE TABLE IF NOT EXISTS t (m mood);",
      errors: [{ messageId: 'fragile', line: 2, column: 3 }],
    },
  ],
});

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', noDropTable, {
  valid: [
    {
      name: 'a function that drops the table it is given: the name is a parameter',
      code: "CREATE FUNCTION drop_partition(p text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('DROP TABLE %I', p); END $$;",
    },
    {
      name: 'a DO block that loops over tenant schemas: "{s}.audit" is known only at run time, no object the history knows',
      code: "DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace LOOP EXECUTE format('DROP TABLE %I.audit', s); END LOOP; END $$;",
    },
  ],
  invalid: [
    {
      name: 'a DO block whose EXECUTE names the table in constant text',
      code: "DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace LOOP EXECUTE 'DROP TABLE app.audit'; END LOOP; END $$;",
      errors: [{ messageId: 'dropTable', data: { table: 'app.audit' } }],
    },
  ],
});

// What the replay runs, seen through a rule that asks "did this migration create it?".
new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', noDropTable, {
  valid: [
    {
      name: 'a table created by a DO block, in a block that catches duplicate_table',
      files: [{ path: 'migrations/001_a.up.sql', code: 'DO $$ BEGIN CREATE TABLE t (id int); EXCEPTION WHEN duplicate_table THEN NULL; END $$;\nDROP TABLE t;' }],
    },
    {
      name: 'PERFORM of a function that creates the table',
      files: [
        {
          path: 'migrations/001_a.up.sql',
          code: 'CREATE FUNCTION mk() RETURNS void LANGUAGE plpgsql AS $$ BEGIN CREATE TABLE t (id int); END $$;\nDO $$ BEGIN PERFORM mk(); END $$;\nDROP TABLE t;',
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'a CREATE inside a loop is not taken as executed',
      files: [{ path: 'migrations/001_a.up.sql', code: 'DO $$ BEGIN FOR i IN 1..2 LOOP CREATE TABLE t (id int); END LOOP; END $$;\nDROP TABLE t;' }],
      errors: [{ file: 'migrations/001_a.up.sql', messageId: 'dropTable', line: 2, column: 12 }],
    },
    {
      name: 'a CREATE under a condition the replay cannot decide is not taken as executed',
      files: [{ path: 'migrations/001_a.up.sql', code: "DO $$ BEGIN IF current_setting('app.env') = 'dev' THEN CREATE TABLE t (id int); END IF; END $$;\nDROP TABLE t;" }],
      errors: [{ file: 'migrations/001_a.up.sql', messageId: 'dropTable', line: 2, column: 12 }],
    },
  ],
});

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-table', noDropTable, {
  valid: [
    {
      name: 'a directive inside a body covers the body’s next statement',
      code: 'DO $$ BEGIN\n  -- migralint-disable-next-statement destructive/no-drop-table -- replaced by v2\n  DROP TABLE a;\nEND $$;',
    },
  ],
  invalid: [
    {
      name: '…and only that one',
      code: 'DO $$ BEGIN\n  -- migralint-disable-next-statement destructive/no-drop-table -- replaced by v2\n  DROP TABLE a;\n  DROP TABLE b;\nEND $$;',
      errors: [{ messageId: 'dropTable', line: 4, column: 14, data: { table: 'b' } }],
    },
  ],
});

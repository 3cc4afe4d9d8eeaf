import { RuleTester } from '@migralint/rule-tester';
import destructive from '../src/index.js';
import rule from '../src/rules/no-drop-function.js';

new RuleTester({ plugins: [destructive] }).run('destructive/no-drop-function', rule, {
  valid: [
    "CREATE FUNCTION tmp_fn() RETURNS int LANGUAGE sql AS 'SELECT 1';\nDROP FUNCTION tmp_fn();",
    {
      name: 'dropped to change the return type, re-created with the same arguments',
      code: "DROP FUNCTION total(integer, text);\nCREATE FUNCTION total(a int4, b text) RETURNS bigint LANGUAGE sql AS 'SELECT 1';",
    },
    { name: 'no argument list: any re-creation of the name counts', code: "DROP FUNCTION IF EXISTS touch;\nCREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;" },
    "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2';",
    'DROP TRIGGER t ON x;',
    {
      name: 'a trigger function whose trigger the file dropped just before',
      code: 'CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\nDROP TRIGGER users_touch ON users;\nDROP FUNCTION touch();',
    },
    {
      name: 'suppressed on purpose with a reason',
      code: '-- migralint-disable-next-statement destructive/no-drop-function -- replaced by api.v2_total in 0041\nDROP FUNCTION total(int);',
    },
    {
      name: 'a down that drops what its up created (migration model)',
      files: [
        { path: 'migrations/001_fn.up.sql', code: "CREATE FUNCTION add_one(n int) RETURNS int LANGUAGE sql AS 'SELECT n + 1';" },
        { path: 'migrations/001_fn.down.sql', code: 'DROP FUNCTION add_one(int);' },
      ],
    },
  ],
  invalid: [
    {
      code: 'DROP FUNCTION total(int);',
      errors: [{ messageId: 'dropFunction', line: 1, column: 15, endLine: 1, endColumn: 20, data: { function: 'total', what: 'function' } }],
    },
    {
      name: 'a trigger function still used by a second trigger',
      code:
        'CREATE TRIGGER users_touch BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();\nCREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();\n' +
        'DROP TRIGGER users_touch ON users;\nDROP FUNCTION touch();',
      errors: [{ messageId: 'dropFunction', line: 4, column: 15 }],
    },
    {
      name: 're-created with other arguments: callers of the old signature break',
      code: "DROP FUNCTION total(int);\nCREATE FUNCTION total(int, int) RETURNS int LANGUAGE sql AS 'SELECT 1';",
      errors: [{ messageId: 'dropFunction', line: 1, column: 15, endColumn: 20 }],
    },
    {
      name: 'two functions with argument lists, a procedure, a routine, CASCADE',
      code: 'DROP FUNCTION IF EXISTS api.a(text, int[]), "b"() CASCADE;\nDROP PROCEDURE p();\nDROP ROUTINE r;',
      errors: [
        { messageId: 'dropFunctionCascade', line: 1, column: 25, endLine: 1, endColumn: 30, data: { function: 'api.a', what: 'function' } },
        { messageId: 'dropFunctionCascade', line: 1, column: 45, endLine: 1, endColumn: 48, data: { function: 'b', what: 'function' } },
        { messageId: 'dropFunction', line: 2, column: 16, endLine: 2, endColumn: 17, data: { function: 'p', what: 'procedure' } },
        { messageId: 'dropFunction', line: 3, column: 14, endLine: 3, endColumn: 15, data: { function: 'r', what: 'routine' } },
      ],
    },
    {
      name: 'CRLF, an emoji comment, a non-ASCII name',
      code: '-- 🔧\r\nDROP FUNCTION\r\n  "größe"(numeric);',
      errors: [{ messageId: 'dropFunction', line: 3, column: 3, endLine: 3, endColumn: 10, data: { function: 'größe', what: 'function' } }],
    },
    {
      name: 'a function an earlier migration created (migration model)',
      files: [
        { path: 'migrations/001_fn.up.sql', code: "CREATE FUNCTION add_one(n int) RETURNS int LANGUAGE sql AS 'SELECT n + 1';" },
        { path: 'migrations/002_drop.up.sql', code: 'DROP FUNCTION add_one(int);' },
      ],
      errors: [{ file: 'migrations/002_drop.up.sql', messageId: 'dropFunction', line: 1, column: 15 }],
    },
  ],
  invalidOptions: [{ allowFunctions: ['x'] }],
});

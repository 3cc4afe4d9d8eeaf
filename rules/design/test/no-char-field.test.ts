import { RuleTester } from '@migralint/rule-tester';
import design from '../src/index.js';
import rule from '../src/rules/no-char-field.js';

new RuleTester({ plugins: [design] }).run('design/no-char-field', rule, {
  valid: [
    'CREATE TABLE t (code text CHECK (length(code) = 3));',
    'CREATE TABLE t (a varchar(3), b character varying, c text);',
    'CREATE TEMP TABLE t (a char(2));',
    'CREATE TABLE t (a app.bpchar);',
    { name: 'suppressed on purpose with a reason', code: '-- migralint-disable-next-statement design/no-char-field -- matches the legacy COBOL export\nCREATE TABLE t (code char(8));' },
  ],
  invalid: [
    {
      code: 'CREATE TABLE t (code char(3));',
      errors: [
        {
          messageId: 'noChar', line: 1, column: 22, endLine: 1, endColumn: 29, data: { columns: 'column "code"', table: 't' },
          suggestions: [{ desc: 'Use text', output: 'CREATE TABLE t (code text);' }],
        },
      ],
    },
    {
      name: 'character, bpchar, nchar, "char" and an array in one finding',
      code: 'CREATE TABLE t (a character(10), b bpchar, c nchar(2), d "char", e char[]);',
      errors: [
        {
          messageId: 'noChar', line: 1, column: 19, endLine: 1, endColumn: 32, data: { columns: 'columns "a", "b", "c", "d", "e"', table: 't' },
          suggestions: [{ output: 'CREATE TABLE t (a text, b text, c text, d text, e text[]);' }],
        },
      ],
    },
    {
      name: 'squawk ban_char_field::alter_table_err#1 (same verdict)',
      code: '\nalter table t add column c char;\n        ',
      errors: [{ messageId: 'noChar', line: 2, column: 28, endLine: 2, endColumn: 32 }],
    },
    {
      name: 'CRLF, an emoji comment, ALTER COLUMN … TYPE',
      code: '-- 🔠\r\nALTER TABLE "Länder"\r\n  ALTER COLUMN iso TYPE CHARACTER(2);',
      errors: [{ messageId: 'noChar', line: 3, column: 25, endLine: 3, endColumn: 37, data: { columns: 'column "iso"', table: 'Länder' } }],
    },
  ],
  invalidOptions: [{ allowLengths: [1] }],
});

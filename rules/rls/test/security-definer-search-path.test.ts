import { RuleTester } from '@migralint/rule-tester';
import rls from '../src/index.js';
import rule from '../src/rules/security-definer-search-path.js';

const A = 'supabase/migrations/20260101000000_a.sql';
const B = 'supabase/migrations/20260102000000_b.sql';
const BODY = 'AS $$ SELECT count(*) FROM public.notes $$';

new RuleTester({ plugins: [rls] }).run('rls/security-definer-search-path', rule, {
  valid: [
    `CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = '' ${BODY};`,
    { name: 'a fixed list', code: `CREATE OR REPLACE FUNCTION note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path TO public, pg_temp ${BODY};` },
    { name: 'SECURITY INVOKER needs nothing', code: `CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql SECURITY INVOKER ${BODY};` },
    { name: 'the default (invoker)', code: `CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql ${BODY};` },
    { name: 'ALTER FUNCTION … SECURITY DEFINER with SET search_path', code: "ALTER FUNCTION note_count() SECURITY DEFINER SET search_path = '';" },
    {
      name: 'fixed by ALTER FUNCTION later in the same migration',
      filename: A,
      code: `CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER ${BODY};\nALTER FUNCTION note_count() SET search_path = '';`,
    },
    {
      name: 'RESET search_path of an invoker function',
      files: [
        { path: A, code: `CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql SET search_path = public ${BODY};` },
        { path: B, code: 'ALTER FUNCTION note_count() RESET search_path;' },
      ],
    },
  ],
  invalid: [
    {
      code: `CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER ${BODY};`,
      errors: [
        {
          messageId: 'noSearchPath', line: 1, column: 65, endLine: 1, endColumn: 81, data: { kind: 'function', name: 'public.note_count' },
          suggestions: [
            {
              desc: "Add SET search_path = '' (then schema-qualify every name in the body)",
              output: `CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = '' ${BODY};`,
            },
          ],
        },
      ],
    },
    {
      name: 'a procedure, EXTERNAL SECURITY DEFINER, multi-line, CRLF, non-ASCII name',
      code: 'CREATE PROCEDURE "überweisen"(amount numeric)\r\nLANGUAGE plpgsql\r\nEXTERNAL SECURITY DEFINER\r\nAS $$ BEGIN UPDATE accounts SET balance = balance - amount; END $$;',
      errors: [
        {
          messageId: 'noSearchPath', line: 3, column: 1, endColumn: 26, data: { kind: 'procedure', name: 'überweisen' },
          suggestions: [
            { output: "CREATE PROCEDURE \"überweisen\"(amount numeric)\r\nLANGUAGE plpgsql\r\nEXTERNAL SECURITY DEFINER SET search_path = ''\r\nAS $$ BEGIN UPDATE accounts SET balance = balance - amount; END $$;" },
          ],
        },
      ],
    },
    {
      name: 'ALTER FUNCTION … SECURITY DEFINER alone',
      code: 'ALTER FUNCTION note_count() SECURITY DEFINER;',
      errors: [{ messageId: 'noSearchPath', column: 29, endColumn: 45, suggestions: [{ output: "ALTER FUNCTION note_count() SECURITY DEFINER SET search_path = '';" }] }],
    },
    {
      name: 'RESET search_path of a SECURITY DEFINER function from an earlier migration',
      files: [
        { path: A, code: `CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path = '' ${BODY};` },
        { path: B, code: 'ALTER FUNCTION note_count() RESET search_path;' },
      ],
      errors: [{ file: B, messageId: 'resetSearchPath', line: 1, column: 29, endColumn: 34, data: { kind: 'function', name: 'note_count' } }],
    },
    {
      name: 'SET search_path TO DEFAULT is no fixed path',
      code: `CREATE FUNCTION f() RETURNS bigint LANGUAGE sql SECURITY DEFINER SET search_path TO DEFAULT ${BODY};`,
      errors: [
        {
          messageId: 'noSearchPath', column: 49, endColumn: 65,
          // Adding SET search_path = '' before TO DEFAULT would be undone by it: no suggestion.
          suggestions: [],
        },
      ],
    },
  ],
  invalidOptions: [{ allowSchemas: ['public'] }],
});

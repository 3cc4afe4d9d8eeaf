import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/require-concurrent-reindex.js';
import { squawkConformance } from './squawk-conformance.js';

new RuleTester({ plugins: [concurrently] }).run('concurrently/require-concurrent-reindex', rule, {
  valid: [
    'REINDEX TABLE CONCURRENTLY foo;',
    'REINDEX (CONCURRENTLY) TABLE foo;',
    'REINDEX (VERBOSE, CONCURRENTLY true) DATABASE;',
    { name: 'SYSTEM: catalogs only, CONCURRENTLY is refused there', code: 'REINDEX SYSTEM mydb;' },
    { name: 'a table created earlier in the same migration', code: 'CREATE TABLE t (a int);\nREINDEX TABLE t;' },
    { name: 'an index on a table created earlier in the same migration', code: 'CREATE TABLE t (a int);\nCREATE INDEX i ON t (a);\nREINDEX INDEX i;' },
  ],
  invalid: [
    {
      code: 'REINDEX TABLE foo;',
      errors: [{ messageId: 'reindex', line: 1, column: 1, endLine: 1, endColumn: 14, data: { kind: 'TABLE', target: '"foo"' } }],
      output: 'REINDEX TABLE CONCURRENTLY foo;',
    },
    {
      name: 'options, lower case, a schema-qualified index: the fix keeps the case',
      code: 'reindex (verbose) index s.foo;',
      errors: [{ messageId: 'reindex', line: 1, column: 1, endLine: 1, endColumn: 24, data: { kind: 'INDEX', target: 'the table of "s.foo"' } }],
      output: 'reindex (verbose) index concurrently s.foo;',
    },
    {
      name: '(CONCURRENTLY false) written on purpose: reported, not fixed',
      code: 'REINDEX (CONCURRENTLY false) SCHEMA app;',
      errors: [{ messageId: 'reindex', line: 1, column: 1, endLine: 1, endColumn: 36, data: { kind: 'SCHEMA', target: 'every table of schema "app"' } }],
      output: null,
    },
    {
      name: 'DATABASE without a name (Postgres 15+)',
      code: 'REINDEX DATABASE;',
      errors: [{ messageId: 'reindex', line: 1, column: 1, endLine: 1, endColumn: 17, data: { kind: 'DATABASE', target: 'every table of the database' } }],
      output: 'REINDEX DATABASE CONCURRENTLY;',
    },
    {
      name: 'an emoji comment before the statement: UTF-16 columns',
      code: '/* 🧹 */ REINDEX TABLE foo;',
      errors: [{ messageId: 'reindex', line: 1, column: 10, endLine: 1, endColumn: 23 }],
      output: '/* 🧹 */ REINDEX TABLE CONCURRENTLY foo;',
    },
    {
      name: 'inside BEGIN … COMMIT, CRLF, a non-ASCII name: no fix',
      code: 'BEGIN;\r\nREINDEX INDEX "ïdx";\r\nCOMMIT;',
      errors: [{ messageId: 'reindexInTransaction', line: 2, column: 1, endLine: 2, endColumn: 14, data: { kind: 'INDEX', target: 'the table of "ïdx"' } }],
      output: null,
    },
    {
      name: 'an index built earlier in the migration on a production table',
      code: 'CREATE INDEX i ON t (a);\nREINDEX INDEX i;',
      errors: [{ messageId: 'reindex', line: 2, column: 1, endLine: 2, endColumn: 14 }],
      output: 'CREATE INDEX i ON t (a);\nREINDEX INDEX CONCURRENTLY i;',
    },
    {
      name: 'Postgres 11 has no REINDEX CONCURRENTLY: the manual recipe, no fix',
      code: 'REINDEX TABLE foo;',
      settings: { postgresVersion: 11 },
      errors: [{ messageId: 'reindexBefore12', line: 1, column: 1, endLine: 1, endColumn: 14, data: { kind: 'TABLE', target: '"foo"', version: 11 } }],
      output: null,
    },
  ],
  invalidOptions: [{ allowSchemas: ['app'] }],
});

squawkConformance('concurrently/require-concurrent-reindex', rule, 'require-concurrent-reindex');

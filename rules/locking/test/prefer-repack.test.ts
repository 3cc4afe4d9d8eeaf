import { RuleTester } from '@migralint/rule-tester';
import locking from '../src/index.js';
import rule from '../src/rules/prefer-repack.js';

const PG_REPACK = 'use pg_repack or pg_squeeze, which rewrite it online';

new RuleTester({ plugins: [locking] }).run('locking/prefer-repack', rule, {
  valid: [
    { name: 'squawk vacuum_no_full_ok#1', code: 'VACUUM foo;', settings: { postgresVersion: 19 } },
    { name: 'squawk vacuum_analyze_ok#1 / vacuum_freeze_ok#1', code: 'VACUUM ANALYZE foo;\nVACUUM FREEZE foo;\nANALYZE foo;' },
    { name: 'squawk vacuum_full_false_option_list_ok#1', code: 'VACUUM (FULL FALSE) foo;\nVACUUM (FULL off) foo;', settings: { postgresVersion: 19 } },
    { name: 'a table created in the same file', code: 'CREATE TABLE foo (id int);\nVACUUM FULL foo;\nCLUSTER foo USING foo_pkey;' },
    { name: 'CLUSTER ON only marks the index', code: 'ALTER TABLE foo CLUSTER ON foo_pkey;' },
  ],
  invalid: [
    {
      name: 'squawk vacuum_full_err#1 (on every Postgres version; Squawk only from 19)',
      code: 'VACUUM FULL foo;',
      errors: [{ messageId: 'rewrite', line: 1, column: 13, endColumn: 16, data: { command: 'VACUUM FULL', target: 'table "foo"', alternative: PG_REPACK } }],
    },
    {
      name: 'squawk vacuum_full_option_list_err#1, Postgres 19 suggests REPACK',
      code: 'VACUUM (FULL) foo;',
      settings: { postgresVersion: 19 },
      errors: [{ messageId: 'rewrite', column: 15, endColumn: 18, data: { command: 'VACUUM FULL', target: 'table "foo"', alternative: 'use REPACK (CONCURRENTLY), which rewrites it online' } }],
    },
    {
      name: 'squawk fix_vacuum_full_multiple_tables#1: one finding per table',
      code: 'VACUUM FULL foo, bar;',
      errors: [
        { messageId: 'rewrite', column: 13, endColumn: 16 },
        { messageId: 'rewrite', column: 18, endColumn: 21, data: { command: 'VACUUM FULL', target: 'table "bar"', alternative: PG_REPACK } },
      ],
    },
    {
      name: 'squawk cluster_no_path_err#1: every clustered table',
      code: 'CLUSTER;',
      errors: [{ messageId: 'rewrite', column: 1, endColumn: 8, data: { command: 'CLUSTER', target: 'every previously clustered table', alternative: PG_REPACK } }],
    },
    {
      name: 'squawk fix_cluster_legacy_on_syntax#1',
      code: 'CLUSTER verbose foo_pkey ON foo;',
      errors: [{ messageId: 'rewrite', column: 29, endColumn: 32, data: { command: 'CLUSTER', target: 'table "foo"', alternative: PG_REPACK } }],
    },
    {
      name: 'squawk fix_cluster_with_index#1, an emoji before it',
      code: '/* 🧹 */ CLUSTER foo USING foo_pkey;',
      errors: [{ messageId: 'rewrite', column: 18, endColumn: 21 }],
    },
    {
      name: 'VACUUM FULL of the whole database',
      code: 'VACUUM FULL;',
      errors: [{ messageId: 'rewrite', column: 1, endColumn: 12, data: { command: 'VACUUM FULL', target: 'every table of the database', alternative: PG_REPACK } }],
    },
  ],
});

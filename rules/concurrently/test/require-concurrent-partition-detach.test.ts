import { RuleTester } from '@migralint/rule-tester';
import concurrently from '../src/index.js';
import rule from '../src/rules/require-concurrent-partition-detach.js';
import { squawkConformance } from './squawk-conformance.js';

new RuleTester({ plugins: [concurrently] }).run('concurrently/require-concurrent-partition-detach', rule, {
  valid: [
    'ALTER TABLE t DETACH PARTITION p CONCURRENTLY;',
    { name: 'FINALIZE completes an interrupted concurrent detach', code: 'ALTER TABLE t DETACH PARTITION p FINALIZE;' },
    { name: 'Postgres 13 has no concurrent detach: nothing safer to recommend', code: 'ALTER TABLE t DETACH PARTITION p;', settings: { postgresVersion: 13 } },
    {
      name: 'a partitioned table created earlier in the same migration',
      code: "CREATE TABLE m (at date) PARTITION BY RANGE (at);\nCREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');\nALTER TABLE m DETACH PARTITION m_2026;",
    },
    "ALTER TABLE m ATTACH PARTITION m_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
  ],
  invalid: [
    {
      code: 'ALTER TABLE t DETACH PARTITION p;',
      errors: [
        {
          messageId: 'detach',
          line: 1,
          column: 15,
          endLine: 1,
          endColumn: 33,
          data: { table: 't' },
          suggestions: [{ desc: 'Add CONCURRENTLY (fails if "t" has a DEFAULT partition)', output: 'ALTER TABLE t DETACH PARTITION p CONCURRENTLY;' }],
        },
      ],
      output: null,
    },
    {
      name: 'a table called "detach", lower case, a schema-qualified partition',
      code: 'alter table detach detach partition s.p;',
      errors: [
        {
          messageId: 'detach',
          line: 1,
          column: 20,
          endLine: 1,
          endColumn: 40,
          data: { table: 'detach' },
          suggestions: [{ output: 'alter table detach detach partition s.p concurrently;' }],
        },
      ],
    },
    {
      name: 'CRLF, non-ASCII names, the command on its own line',
      code: 'ALTER TABLE "mésures"\r\n  DETACH PARTITION "mésures_2025";\r\n',
      errors: [
        {
          messageId: 'detach',
          line: 2,
          column: 3,
          endLine: 2,
          endColumn: 34,
          data: { table: 'mésures' },
          suggestions: [{ output: 'ALTER TABLE "mésures"\r\n  DETACH PARTITION "mésures_2025" CONCURRENTLY;\r\n' }],
        },
      ],
    },
    {
      name: 'in a transaction: no suggestion, the note says how to move it',
      code: '-- 🗂️ archive 2025\nALTER TABLE t DETACH PARTITION p;',
      settings: { assumeTransaction: true },
      errors: [{ messageId: 'detachInTransaction', line: 2, column: 15, endLine: 2, endColumn: 33, suggestions: [] }],
    },
  ],
  invalidOptions: [{ concurrently: true }],
});

squawkConformance('concurrently/require-concurrent-partition-detach', rule, 'require-concurrent-partition-detach');

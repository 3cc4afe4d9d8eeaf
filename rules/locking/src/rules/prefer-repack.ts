/**
 * `VACUUM FULL` and `CLUSTER` rewrite the whole table into a new file, holding an ACCESS EXCLUSIVE
 * lock from start to end: no reads, no writes, for as long as copying the table and rebuilding all
 * its indexes takes. pg_repack and pg_squeeze do the same rewrite while the table stays online
 * (they take the strong lock only for a moment at the end); Postgres 19 adds
 * `REPACK (CONCURRENTLY)` for it. Squawk reports these only when targeting Postgres 19+ (where it
 * can offer REPACK); we report them on every version, because the outage is the same and the
 * extensions exist for all of them. Tables created in the same migration are exempt.
 */
import { defineRule, ruleDocsUrl, type Statement } from '@migralint/core';
import { describeTarget, isPreExisting, locksTakenBy } from '../table-locks.js';

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Report `VACUUM FULL` and `CLUSTER` on existing tables.',
      url: ruleDocsUrl('locking', 'prefer-repack'),
      why:
        'VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock that blocks reads and writes for the ' +
        'whole rewrite; pg_repack, pg_squeeze or (Postgres 19+) REPACK (CONCURRENTLY) rewrite it online.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: {
      rewrite:
        '{{command}} rewrites {{target}} under an ACCESS EXCLUSIVE lock, blocking reads and writes for the whole rewrite; {{alternative}}',
    },
    sources: [{ tool: 'squawk', rule: 'prefer-repack' }],
  },
  create(context) {
    const modern = context.settings.postgresVersion >= 19;
    const alternative = modern
      ? 'use REPACK (CONCURRENTLY), which rewrites it online'
      : 'use pg_repack or pg_squeeze, which rewrite it online';
    const check = (command: string) => (_node: unknown, statement: Statement) => {
      for (const lock of locksTakenBy(context, statement)) {
        if (!isPreExisting(context, lock.target)) continue;
        context.report({
          messageId: 'rewrite',
          data: { command, target: describeTarget(lock.target), alternative },
          at: lock.at ?? statement,
          note: modern
            ? 'Safe way: `REPACK (CONCURRENTLY) <table> [USING INDEX <index>];` — it takes ACCESS EXCLUSIVE only briefly at the end.'
            : 'Safe way: run `pg_repack --table <table>` (or pg_squeeze) outside the migration: it copies the table while ' +
              'reads and writes go on and takes ACCESS EXCLUSIVE only briefly to swap it in. For bloat, plain VACUUM (no ' +
              'FULL) blocks nobody.',
        });
      }
    };
    return { VacuumStmt: check('VACUUM FULL'), ClusterStmt: check('CLUSTER') };
  },
});

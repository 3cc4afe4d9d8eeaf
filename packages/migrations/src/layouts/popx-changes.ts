// Ory's projects (kratos, hydra, keto) split one schema change into numbered steps that share the
// change's timestamp: `20210623162417000000_relationtuple.postgres.up.sql`, `…000001_…`, `…000002_…`
// — the last six digits are the step; a step may carry a name of its own
// (`20220824165300000001_populate_flow_type_in_recovery_tokens` between `…000000_add_flow_type…`
// and `…000002_add_flow_type_check_constraint`). popx runs each step as its own migration (its own
// transaction), but the steps are written, reviewed and released together: a table one step creates
// is still empty when the next step indexes it. The downs are split the same way and are only a
// rollback together — keto's step 000001 down drops the table whose indexes steps 000002 and
// 000003 create — and a step is often empty on PostgreSQL because another database needs more steps.
//
// So a change is one migration here: its steps' ups in order, their downs in the reverse order
// popx rolls them back, each part keeping its own transaction mode.

import type { Migration } from '@migralint/core';
import type { Companion } from './migration-directory.js';

/** popx versions are a 14-digit timestamp and a 6-digit step. */
const STEPPED_VERSION = /^(\d{14})(\d{6})$/;

/**
 * Joins consecutive migrations that are steps of one change (same 14-digit timestamp) into one;
 * `companions` pointing at a joined step are pointed at its change.
 */
export function joinPopxChanges(migrations: readonly Migration[], companions: Companion[]): Migration[] {
  const joined: Migration[] = [];
  const changeOf = new Map<Migration, Migration>();
  let current: { key: string; migration: Migration; downs: Migration['down'][] } | undefined;
  const close = () => {
    if (current) current.migration.down = current.downs.reverse().flat();
  };
  for (const step of migrations) {
    const stepped = STEPPED_VERSION.exec(step.version);
    const key = stepped?.[1];
    if (key && current?.key === key) {
      current.migration.up.push(...step.up);
      current.downs.push(step.down);
      changeOf.set(step, current.migration);
      continue;
    }
    close();
    const migration: Migration = { ...step, up: [...step.up], down: [] };
    current = key ? { key, migration, downs: [step.down] } : undefined;
    if (!current) migration.down = [...step.down];
    joined.push(migration);
    changeOf.set(step, migration);
  }
  close();
  for (const companion of companions) {
    const change = companion.migration && changeOf.get(companion.migration);
    if (change) companion.migration = change;
  }
  return joined;
}

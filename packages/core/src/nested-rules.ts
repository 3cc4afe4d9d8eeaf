// Which rules look at a statement from inside a PL/pgSQL body, and how their findings change there
// (docs/plpgsql.md, "Rules inside bodies"). A `DO` body runs now, in the migration; a function body
// runs later, whenever the function is called, against whatever exists then.

import type { ReportDescriptor, Statement } from './types.js';

/** Packs whose advice does not hold inside any body. */
const NEVER_INSIDE = [
  // CREATE INDEX CONCURRENTLY cannot run inside a function or DO block at all, so "add CONCURRENTLY"
  // would be wrong advice; the transaction rules are about the file's own BEGIN/COMMIT.
  'concurrently/',
  // About files and history, not statements.
  'migrations/',
  'history/',
  'rollback/',
];

/** Rules that do not look inside function bodies: what a body locks or updates is decided where it is called. */
const NOT_IN_FUNCTIONS = [
  // Locks are taken when the function runs, not when it is created.
  'locking/',
  // UPDATE/DELETE without WHERE in a function is application logic (triggers, jobs), not a migration step.
  'destructive/no-update-without-where',
  'destructive/no-delete-without-where',
];

/** Conditions that a `BEGIN … EXCEPTION WHEN …` block catches to make a CREATE re-runnable. */
const DUPLICATE_CONDITIONS = /^duplicate_|^others$/;

export function appliesInside(ruleId: string, statement: Statement): boolean {
  const nested = statement.nested;
  if (!nested) return true;
  const matches = (prefix: string) => (prefix.endsWith('/') ? ruleId.startsWith(prefix) : ruleId === prefix);
  if (NEVER_INSIDE.some(matches)) return false;
  if (nested.runs === 'later' && NOT_IN_FUNCTIONS.some(matches)) return false;
  // `EXECUTE format('DROP TABLE %I', name)` in a function: maintenance code (partitions, tenants)
  // whose objects are parameters; a finding about "{name}" says nothing a reader can act on.
  if (nested.runs === 'later' && nested.embedded.placeholders) return false;
  // `IF NOT EXISTS (…catalog…) THEN CREATE …` and `EXCEPTION WHEN duplicate_object` are the robust
  // forms prefer-robust-stmts asks for.
  if (ruleId === 'design/prefer-robust-stmts' && isMadeRobust(statement)) return false;
  return true;
}

function isMadeRobust(statement: Statement): boolean {
  const { embedded } = statement.nested!;
  if (embedded.guard?.runsWhen === 'absent') return true;
  return embedded.enclosures.some((e) => e.kind === 'protected' && e.catches.some((c) => DUPLICATE_CONDITIONS.test(c.toLowerCase())));
}

/**
 * A finding inside a body: a function's says when it runs; an edit is kept only where every byte of
 * the statement is written as it runs (not through `''` or `E'\n'` escapes, or a format() argument).
 */
export function insideDescriptor(descriptor: ReportDescriptor, statement: Statement | undefined): ReportDescriptor {
  const nested = statement?.nested;
  if (!nested) return descriptor;
  const out: ReportDescriptor = { ...descriptor };
  if (nested.embedded.precision !== 'exact') {
    delete out.fix;
    delete out.suggest;
  }
  if (nested.runs === 'later') {
    const when = `Inside the body of ${nested.functionName ?? 'a function'}: this runs each time the function is called, not when the migration runs.`;
    out.note = descriptor.note ? `${when} ${descriptor.note}` : when;
  }
  return out;
}

// When a rollback policy applies. `since`: the version from which it applies. Migrations before it were
// written (and maybe applied) before the team adopted the policy: they are grandfathered. Versions
// compare the way the layout's runner orders them, so `since: "10"` means the same to migralint as
// to golang-migrate (numbers) and to dbmate (file names).

import type { LayoutName, Migration, MigrationSet } from '@migralint/core';

export const sinceOption = {
  type: 'string',
  minLength: 1,
  description:
    'Only check migrations whose version sorts at or after this one, the way the layout orders versions (numbers for golang-migrate and goose, file names for dbmate and paired-down, dotted numbers for Flyway, the plan for sqitch, where it names a change). Older migrations are grandfathered.',
} as const;

export const checkSetsWithoutDownsOption = {
  type: 'boolean',
  description:
    'Also check migration directories in which no migration has a down. By default such a directory is taken not to use rollbacks at all (a team that never wrote a down), and is left alone.',
} as const;

/** Does any migration of the set have a down? A directory without one does not use rollbacks. */
export function usesDowns(set: MigrationSet): boolean {
  return set.migrations.some((m) => m.down.length > 0);
}

/** A predicate: does the policy apply to this migration of `set`? */
export function policyApplies(set: MigrationSet, since: string | undefined): (migration: Migration) => boolean {
  if (since === undefined || since === '') return () => true;
  if (set.layout === 'sqitch') {
    // The plan orders sqitch changes: `since` names one (by change name or script name).
    const start = set.migrations.findIndex((m) => m.version === since || m.name === since);
    return start === -1 ? () => true : (m) => m.index >= start;
  }
  const compare = versionOrder(set.layout);
  // diesel's folders are `2026-01-02-000000_x`; the model keeps the version without its dashes.
  const start = set.layout === 'directory-per-migration' ? since.replace(/-/g, '') : since;
  return (m) => m.repeatable === true || compare(m.version, start) >= 0;
}

function versionOrder(layout: LayoutName): (a: string, b: string) => number {
  switch (layout) {
    case 'golang-migrate':
    case 'goose':
      return (a, b) => (isDigits(a) && isDigits(b) ? compareDigits(a, b) : compareNames(a, b));
    case 'flyway':
      return compareDotted;
    case 'directory-per-migration':
      // Sourcegraph numbers its directories; diesel's versions are text (`2019-09-12-100000`).
      return (a, b) => (isDigits(a) && isDigits(b) ? compareDigits(a, b) : compareNames(a, b));
    case 'plain':
      return compareNatural;
    default:
      return compareNames;
  }
}

const isDigits = (s: string) => /^\d+$/.test(s);

/** Numbers of any length (timestamps exceed 2^53): without leading zeros, shorter first. */
function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length - y.length || compareNames(x, y);
}

/** Flyway: `1.2.10` > `1.2.9`, `1_1` = `1.1`, `1.0` = `1`. */
function compareDotted(a: string, b: string): number {
  const xs = a.split(/[._]/);
  const ys = b.split(/[._]/);
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const x = xs[i] ?? '0';
    const y = ys[i] ?? '0';
    const order = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareNames(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

/** Digit runs as numbers, the rest as text (how `plain` orders names). */
function compareNatural(a: string, b: string): number {
  const xs = a.match(/\d+|\D+/g) ?? [];
  const ys = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    const order = isDigits(x) && isDigits(y) ? compareDigits(x, y) : compareNames(x, y);
    if (order !== 0) return order;
  }
  return xs.length - ys.length;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

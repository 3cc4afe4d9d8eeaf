// Squawk conformance (issue 4, docs/comparison/squawk.md): this pack's rules on Squawk's own rule
// tests must give Squawk's verdict, except the deliberate differences listed with their reasons.
// The harness is @migralint/rule-tester's `squawkConformance`; this file is the data.
import { squawkConformance } from '@migralint/rule-tester';
import destructive from '../src/index.js';

/** Squawk rule → our rule (and options that make it the same check). */
const EQUIVALENTS: Record<string, { rule: string; options?: Record<string, unknown> }> = {
  'ban-drop-column': { rule: 'no-drop-column' },
  'ban-drop-table': { rule: 'no-drop-table' },
  'ban-drop-database': { rule: 'no-drop-database' },
  'ban-drop-not-null': { rule: 'no-drop-not-null' },
  // By default we report every TRUNCATE; `cascadeOnly` is Squawk's rule exactly.
  'ban-truncate-cascade': { rule: 'no-truncate', options: { cascadeOnly: true } },
  'renaming-column': { rule: 'no-rename-column' },
  'renaming-table': { rule: 'no-rename-table' },
  'changing-column-type': { rule: 'no-column-type-change' },
};

/** Case id → why our verdict differs on purpose. */
const DELIBERATE: Record<string, string> = {};

squawkConformance({ pack: destructive, equivalents: EQUIVALENTS, deliberate: DELIBERATE });

// Squawk conformance (issue 4, docs/comparison/squawk.md): this pack's rules on Squawk's own rule
// tests must give Squawk's verdict, except the deliberate differences listed with their reasons.
// The harness is @migralint/rule-tester's `squawkConformance`; this file is the data.
import { squawkConformance } from '@migralint/rule-tester';
import naming from '../src/index.js';

/** Squawk rule → our rule. */
const EQUIVALENTS: Record<string, { rule: string }> = {
  'identifier-too-long': { rule: 'identifier-too-long' },
  'require-table-schema': { rule: 'require-schema-qualified' },
};

/** Case id → why we differ on purpose. None so far. */
const DELIBERATE: Record<string, string> = {};

squawkConformance({ pack: naming, equivalents: EQUIVALENTS, deliberate: DELIBERATE });

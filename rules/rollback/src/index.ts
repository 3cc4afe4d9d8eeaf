// @migralint/rules-rollback: migrations that cannot be rolled back, or whose rollback does not
// restore the schema — a missing or empty down, a down that does not reverse its up (checked on
// the replayed schema), and data-losing ups that do not say so.
import { definePlugin } from '@migralint/core';
import downDoesNotReverse from './rules/down-does-not-reverse.js';
import emptyDown from './rules/empty-down.js';
import irreversibleNeedsAnnotation from './rules/irreversible-needs-annotation.js';
import missingDown from './rules/missing-down.js';

export default definePlugin({
  name: 'rollback',
  rules: {
    'missing-down': missingDown,
    'empty-down': emptyDown,
    'down-does-not-reverse': downDoesNotReverse,
    'irreversible-needs-annotation': irreversibleNeedsAnnotation,
  },
});

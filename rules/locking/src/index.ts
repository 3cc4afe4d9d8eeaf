// @migralint/rules-locking: statements that lock or rewrite tables production is using — scans and
// rewrites under strong locks, locks held too long or waited for without a timeout, and the
// transaction rules of ALTER TYPE … ADD VALUE.
import { definePlugin } from '@migralint/core';
import accessExclusiveThenMore from './rules/access-exclusive-then-more.js';
import addingFieldWithDefault from './rules/adding-field-with-default.js';
import addingRequiredField from './rules/adding-required-field.js';
import constraintMissingNotValid from './rules/constraint-missing-not-valid.js';
import domainConstraint from './rules/domain-constraint.js';
import enumAddValue from './rules/enum-add-value.js';
import preferRepack from './rules/prefer-repack.js';
import primaryKeyUsingIndex from './rules/primary-key-using-index.js';
import requireLockTimeout from './rules/require-lock-timeout.js';
import requireStatementTimeout from './rules/require-statement-timeout.js';
import setNotNull from './rules/set-not-null.js';
import uniqueConstraintUsingIndex from './rules/unique-constraint-using-index.js';
import validateInSameTransaction from './rules/validate-in-same-transaction.js';

export default definePlugin({
  name: 'locking',
  rules: {
    'constraint-missing-not-valid': constraintMissingNotValid,
    'validate-in-same-transaction': validateInSameTransaction,
    'adding-field-with-default': addingFieldWithDefault,
    'set-not-null': setNotNull,
    'adding-required-field': addingRequiredField,
    'unique-constraint-using-index': uniqueConstraintUsingIndex,
    'primary-key-using-index': primaryKeyUsingIndex,
    'require-lock-timeout': requireLockTimeout,
    'require-statement-timeout': requireStatementTimeout,
    'access-exclusive-then-more': accessExclusiveThenMore,
    'enum-add-value': enumAddValue,
    'domain-constraint': domainConstraint,
    'prefer-repack': preferRepack,
  },
});

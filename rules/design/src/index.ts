// @migralint/rules-design: schema design choices that cost later — types that overflow or mislead,
// missing keys and indexes — and statements that cannot be re-run where a migration is not atomic.
import { definePlugin } from '@migralint/core';
import foreignKeyNeedsIndex from './rules/foreign-key-needs-index.js';
import noCharField from './rules/no-char-field.js';
import noDuplicateColumnAssignment from './rules/no-duplicate-column-assignment.js';
import preferBigintOverInt from './rules/prefer-bigint-over-int.js';
import preferBigintOverSmallint from './rules/prefer-bigint-over-smallint.js';
import preferIdentity from './rules/prefer-identity.js';
import preferJsonb from './rules/prefer-jsonb.js';
import preferRobustStmts from './rules/prefer-robust-stmts.js';
import preferTextField from './rules/prefer-text-field.js';
import preferTimestamptz from './rules/prefer-timestamptz.js';
import tableNeedsPrimaryKey from './rules/table-needs-primary-key.js';

export default definePlugin({
  name: 'design',
  rules: {
    'prefer-bigint-over-int': preferBigintOverInt,
    'prefer-bigint-over-smallint': preferBigintOverSmallint,
    'prefer-identity': preferIdentity,
    'prefer-text-field': preferTextField,
    'prefer-timestamptz': preferTimestamptz,
    'no-char-field': noCharField,
    'prefer-jsonb': preferJsonb,
    'foreign-key-needs-index': foreignKeyNeedsIndex,
    'table-needs-primary-key': tableNeedsPrimaryKey,
    'prefer-robust-stmts': preferRobustStmts,
    'no-duplicate-column-assignment': noDuplicateColumnAssignment,
  },
});

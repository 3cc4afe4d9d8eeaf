// @migralint/rules-destructive: statements that delete data a deployed application still needs.
import { definePlugin } from '@migralint/core';
import noDropColumn from './rules/no-drop-column.js';
import noDropTable from './rules/no-drop-table.js';
import noTruncate from './rules/no-truncate.js';

export default definePlugin({
  name: 'destructive',
  rules: {
    'no-drop-table': noDropTable,
    'no-drop-column': noDropColumn,
    'no-truncate': noTruncate,
  },
});

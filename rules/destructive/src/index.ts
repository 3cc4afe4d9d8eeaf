// @migralint/rules-destructive: statements that delete data, or break the code deployed against it.
import { definePlugin } from '@migralint/core';
import noColumnTypeChange from './rules/no-column-type-change.js';
import noDeleteWithoutWhere from './rules/no-delete-without-where.js';
import noDropColumn from './rules/no-drop-column.js';
import noDropDatabase from './rules/no-drop-database.js';
import noDropDefault from './rules/no-drop-default.js';
import noDropFunction from './rules/no-drop-function.js';
import noDropIndex from './rules/no-drop-index.js';
import noDropNotNull from './rules/no-drop-not-null.js';
import noDropSchema from './rules/no-drop-schema.js';
import noDropTable from './rules/no-drop-table.js';
import noDropTrigger from './rules/no-drop-trigger.js';
import noDropType from './rules/no-drop-type.js';
import noDropView from './rules/no-drop-view.js';
import noRenameColumn from './rules/no-rename-column.js';
import noRenameTable from './rules/no-rename-table.js';
import noTruncate from './rules/no-truncate.js';
import noUpdateWithoutWhere from './rules/no-update-without-where.js';

export default definePlugin({
  name: 'destructive',
  rules: {
    'no-drop-table': noDropTable,
    'no-drop-column': noDropColumn,
    'no-truncate': noTruncate,
    'no-drop-schema': noDropSchema,
    'no-drop-database': noDropDatabase,
    'no-drop-view': noDropView,
    'no-drop-function': noDropFunction,
    'no-drop-type': noDropType,
    'no-drop-trigger': noDropTrigger,
    'no-drop-index': noDropIndex,
    'no-delete-without-where': noDeleteWithoutWhere,
    'no-update-without-where': noUpdateWithoutWhere,
    'no-rename-table': noRenameTable,
    'no-rename-column': noRenameColumn,
    'no-column-type-change': noColumnTypeChange,
    'no-drop-not-null': noDropNotNull,
    'no-drop-default': noDropDefault,
  },
});

// The engine's own rules (namespace `migralint`): reported by the engine itself, configured like
// any other rule, documented like any other rule.
import { definePlugin } from './define.js';
import directiveMissingReason from './rules/directive-missing-reason.js';
import disallowedDirective from './rules/disallowed-directive.js';
import dynamicSql from './rules/dynamic-sql.js';
import emptyFile from './rules/empty-file.js';
import invalidDirective from './rules/invalid-directive.js';
import parseError from './rules/parse-error.js';
import psqlMetaCommand from './rules/psql-meta-command.js';
import unreadableFile from './rules/unreadable-file.js';
import unusedDirective from './rules/unused-directive.js';

export const corePlugin = definePlugin({
  name: 'migralint',
  rules: {
    'parse-error': parseError,
    'psql-meta-command': psqlMetaCommand,
    'empty-file': emptyFile,
    'unreadable-file': unreadableFile,
    'invalid-directive': invalidDirective,
    'directive-missing-reason': directiveMissingReason,
    'unused-directive': unusedDirective,
    'disallowed-directive': disallowedDirective,
    'dynamic-sql': dynamicSql,
  },
});

/** Rule ids the engine reports about files and directives; directives cannot suppress these. */
export const DIRECTIVE_RULES = new Set([
  'migralint/invalid-directive',
  'migralint/directive-missing-reason',
  'migralint/unused-directive',
  'migralint/disallowed-directive',
]);

// A tiny rule pack for reporter tests: real rules run by the real engine, so the reporters are tested
// on the results `lint()` actually produces (positions, VFiles, suppressions, notifications).

import { definePlugin, defineRule, type LintResult, type SourceInput } from '@migralint/core';
import { lint } from '@migralint/migrations';

const DOCS = 'https://github.com/migralint/migralint/blob/main/docs/rules/demo';

const noDropColumn = defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping a column.',
      url: `${DOCS}/no-drop-column.md`,
      why: 'Application code still running against the old schema breaks as soon as the column is gone.',
    },
    defaultSeverity: 'error',
    recommended: true,
    messages: { dropColumn: 'Dropping column "{{name}}" breaks code that still reads it' },
  },
  create(context) {
    return {
      AlterTableStmt(node) {
        for (const cmd of node.cmds ?? []) {
          const command = cmd.AlterTableCmd;
          if (command?.subtype === 'AT_DropColumn') {
            context.report({
              messageId: 'dropColumn',
              data: { name: command.name },
              note: 'Safe way: stop reading the column in a release, then drop it in a later migration.',
            });
          }
        }
      },
    };
  },
});

const noDropTable = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'Disallow dropping a table.', url: `${DOCS}/no-drop-table.md` },
    defaultSeverity: 'error',
    recommended: true,
    messages: { dropTable: 'Dropping a table loses its data' },
  },
  create(context) {
    return {
      DropStmt(node) {
        if (node.removeType === 'OBJECT_TABLE') context.report({ messageId: 'dropTable' });
      },
    };
  },
});

const requireIfNotExists = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Prefer `CREATE INDEX IF NOT EXISTS` so a retried migration does not fail.', url: `${DOCS}/require-if-not-exists.md` },
    defaultSeverity: 'warning',
    recommended: false,
    fixable: true,
    hasSuggestions: true,
    messages: { missing: 'Add `IF NOT EXISTS` to `CREATE INDEX`', suggest: 'Insert IF NOT EXISTS' },
  },
  create(context) {
    return {
      IndexStmt(node, statement) {
        if (node.if_not_exists) return;
        const at = statement.text.search(/index/i) + statement.start + 'index'.length;
        const fix = { range: [at, at] as [number, number], text: ' IF NOT EXISTS' };
        context.report({ messageId: 'missing', fix, suggest: [{ messageId: 'suggest', fix }] });
      },
    };
  },
});

const tableCreated = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'Note every table a migration creates.', url: `${DOCS}/table-created.md` },
    defaultSeverity: 'info',
    recommended: false,
    messages: { created: 'Creates table {{name}}' },
  },
  create(context) {
    return {
      CreateStmt(node) {
        context.report({ messageId: 'created', data: { name: node.relation?.relname }, at: node.relation });
      },
    };
  },
});

const crashesOnTruncate = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'A rule with a bug.', url: `${DOCS}/crashes-on-truncate.md` },
    defaultSeverity: 'error',
    recommended: false,
    messages: { never: 'never reported' },
  },
  create() {
    return {
      TruncateStmt() {
        throw new Error('boom');
      },
    };
  },
});

const unused = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'A rule that is not enabled.', url: `${DOCS}/unused.md` },
    defaultSeverity: 'warning',
    recommended: false,
    messages: { never: 'never reported' },
  },
  create: () => ({}),
});

export const demoPlugin = definePlugin({
  name: 'demo',
  rules: {
    'no-drop-column': noDropColumn,
    'no-drop-table': noDropTable,
    'require-if-not-exists': requireIfNotExists,
    'table-created': tableCreated,
    'crashes-on-truncate': crashesOnTruncate,
    unused,
  },
});

export const demoRules = {
  'demo/no-drop-column': 'error',
  'demo/no-drop-table': 'error',
  'demo/require-if-not-exists': 'warn',
  'demo/table-created': 'info',
} as const;

export function lintDemo(files: SourceInput[], rules: Record<string, 'off' | 'info' | 'warn' | 'error'> = demoRules): Promise<LintResult> {
  return lint({ files, config: { root: '/project', plugins: [demoPlugin], rules } });
}

export const cleanupMigration = [
  '-- Remove the flag nobody reads any more',
  'BEGIN;',
  'ALTER TABLE users DROP COLUMN legacy_flag;',
  'CREATE INDEX users_email_idx ON users (email);',
  'COMMIT;',
  '',
].join('\n');

export const initMigration = [
  'CREATE TABLE ünïcode_😀 (id int);',
  '-- migralint-disable-next-statement demo/no-drop-table -- replaced by accounts_v2, see OPS-42',
  'DROP TABLE old_accounts;',
  'TRUNCATE audit_log;',
  '',
].join('\n');

export const CLEANUP_PATH = '/project/supabase/migrations/20260219120000_cleanup.sql';
export const INIT_PATH = '/project/supabase/migrations/20260101000000_init.sql';

/** Two Supabase migrations under /project: an error, a warning, an info, a suppressed finding and a rule that throws. */
export function lintRealistic(): Promise<LintResult> {
  return lintDemo(
    [
      { path: CLEANUP_PATH, content: cleanupMigration },
      { path: INIT_PATH, content: initMigration },
    ],
    { ...demoRules, 'demo/crashes-on-truncate': 'error' },
  );
}

// A tiny real plugin for engine tests: one rule per engine feature under test.
import { defineRule, definePlugin } from '@migralint/core';

export const dropColumn = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'test: report DROP COLUMN', url: 'https://example.test/drop-column' },
    defaultSeverity: 'error',
    recommended: true,
    messages: { drop: 'Dropping column "{{column}}"' },
  },
  create(context) {
    return {
      AlterTableStmt(node) {
        for (const item of node.cmds ?? []) {
          const cmd = item.AlterTableCmd;
          if (cmd?.subtype === 'AT_DropColumn') context.report({ messageId: 'drop', data: { column: cmd.name }, at: node.relation });
        }
      },
    };
  },
});

export const everyStatement = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'test: one info per statement', url: 'https://example.test/every' },
    defaultSeverity: 'info',
    recommended: false,
    messages: { seen: '{{kind}}' },
  },
  create(context) {
    return { Statement: (_node, statement) => context.report({ messageId: 'seen', data: { kind: statement.kind } }) };
  },
});

export const throwsOnDrop = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'test: crashes on DropStmt', url: 'https://example.test/throws' },
    defaultSeverity: 'error',
    recommended: false,
    messages: { never: 'never' },
  },
  create() {
    return {
      DropStmt() {
        throw new TypeError('cannot read properties of undefined');
      },
    };
  },
});

export const fileCount = defineRule({
  meta: {
    type: 'suggestion',
    docs: { description: 'test: project hook sees every file', url: 'https://example.test/files' },
    defaultSeverity: 'warning',
    recommended: false,
    messages: { count: 'project has {{n}} files' },
  },
  project(context) {
    const first = context.project.files[0];
    if (first) context.report({ file: first.path, messageId: 'count', data: { n: context.project.files.length } });
  },
});

export const testPlugin = definePlugin({
  name: 'test',
  rules: { 'drop-column': dropColumn, 'every-statement': everyStatement, throws: throwsOnDrop, 'file-count': fileCount },
});

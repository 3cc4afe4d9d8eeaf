// Project cases can give rules what the CLI would: non-SQL files (a lockfile) and git changes.
import { defineRule } from '@migralint/core';
import { RuleTester } from '../src/index.js';

const reportsContext = defineRule({
  meta: {
    type: 'problem',
    docs: { description: 'test: reports what the project context holds', url: 'https://example.test/context' },
    defaultSeverity: 'error',
    recommended: true,
    messages: { seen: 'lock={{lock}} modified={{modified}} old={{old}}' },
  },
  project(context) {
    const first = context.project.files[0];
    if (!first) return;
    const lock = context.project.readAux?.('db/migrations/migralint.lock');
    const vcs = context.project.vcs;
    if (lock === undefined && vcs === undefined) return;
    context.report({
      file: first.path,
      messageId: 'seen',
      data: { lock: lock ?? '-', modified: vcs?.modified.join(',') ?? '-', old: vcs?.contentAtRef(first.path)?.trim() ?? '-' },
    });
  },
});

new RuleTester().run('test/reports-context', reportsContext, {
  valid: [{ files: [{ path: 'db/migrations/001_a.up.sql', code: 'SELECT 1;' }] }],
  invalid: [
    {
      files: [{ path: 'db/migrations/001_a.up.sql', code: 'SELECT 2;' }],
      aux: { 'db/migrations/migralint.lock': '{}' },
      vcs: { modified: ['db/migrations/001_a.up.sql'], atRef: { 'db/migrations/001_a.up.sql': 'SELECT 1;\n' } },
      errors: [{ file: 'db/migrations/001_a.up.sql', messageId: 'seen', data: { lock: '{}', modified: 'db/migrations/001_a.up.sql', old: 'SELECT 1;' } }],
    },
  ],
});

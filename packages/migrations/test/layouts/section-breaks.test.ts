// dbmate and goose send each section on its own: an up section may end without `;`, and its last
// statement must not be glued to the down section's first one.
import { describe, expect, it } from 'vitest';
import { defineRule, definePlugin, runEngine } from '@migralint/core';
import { buildModel, lint, sectionBreaks } from '../../src/index.js';

const kinds = defineRule({
  meta: { type: 'problem', docs: { description: 'statement kinds', url: 'https://example.test' }, defaultSeverity: 'info', recommended: true, messages: { k: '{{kind}} {{direction}}' } },
  create: (context) => ({ Statement: (_n, s) => context.report({ messageId: 'k', data: { kind: s.kind, direction: context.migration?.part.direction ?? '-' } }) }),
});
const plugin = definePlugin({ name: 'probe', rules: { kinds } });

async function statementsOf(path: string, code: string, withBreaks = true) {
  const options = { files: [{ path, content: code }], config: { plugins: [plugin] } };
  // Without the breaks: the engine with the same model but statements split at `;` only.
  const result = withBreaks ? await lint(options) : await runEngine(options, { buildModel, sectionBreaks: () => [] });
  return result.files[0]!.messages.map((m) => `${m.line} ${m.ruleId === 'probe/kinds' ? m.message : m.ruleId}`);
}

describe('section breaks', () => {
  it('ends a dbmate up section without `;` at the down marker (CRLF too)', async () => {
    const code = '-- migrate:up\r\nCREATE ROLE reader\r\n\r\n-- migrate:down\r\nDROP ROLE reader;\r\n';
    expect(await statementsOf('db/migrations/20260101000000_roles.sql', code)).toEqual(['2 CreateRoleStmt up', '5 DropRoleStmt down']);
    // Without the breaks the two statements are one bad one: what users saw before.
    expect(await statementsOf('db/migrations/20260101000000_roles.sql', code, false)).toEqual(['5 migralint/parse-error']);
  });

  it('does the same for goose Up/Down annotations, not for StatementBegin', async () => {
    const code = '-- +goose Up\nCREATE TABLE t (id int)\n-- +goose Down\nDROP TABLE t;\n';
    expect(await statementsOf('db/migrations/00001_t.sql', code)).toEqual(['2 CreateStmt up', '4 DropStmt down']);
    expect(sectionBreaks('-- +goose Up\n-- +goose StatementBegin\nSELECT 1;\n-- +goose StatementEnd\n')).toEqual([0]);
  });

  it('finds no breaks in a plain file', () => {
    expect(sectionBreaks('CREATE TABLE t (id int);\n-- migrate later\n')).toEqual([]);
  });
});

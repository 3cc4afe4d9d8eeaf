// The library entry: `lint({ files, config })` from @migralint/migrations always builds the
// migration model, so in-memory files get their layout, down pairs and schema replay with no other
// argument; a lone file is a one-migration history of the layout its path implies.
import { describe, expect, it } from 'vitest';
import { lint } from '@migralint/migrations';
import concurrently from '@migralint/rules-concurrently';
import destructive from '@migralint/rules-destructive';
import rollback from '@migralint/rules-rollback';

const plugins = [concurrently, destructive, rollback];
const rules = {
  'rollback/missing-down': 'error',
  'concurrently/require-concurrent-index-creation': 'error',
  'destructive/no-drop-column': 'error',
} as const;

function findings(result: Awaited<ReturnType<typeof lint>>): string[] {
  return result.files.flatMap((f) => f.messages.filter((m) => !m.suppressed).map((m) => `${f.path}:${m.line} ${m.ruleId}`));
}

describe('lint({ files, config })', () => {
  it('sees a golang-migrate history: missing downs, and objects new in their migration exempt', async () => {
    const result = await lint({
      files: [
        // The index is on a table this migration creates: no rows yet, no CONCURRENTLY needed.
        { path: 'db/migrations/000001_users.up.sql', content: 'CREATE TABLE users (id bigint PRIMARY KEY, email text, legacy text);\nCREATE INDEX users_email_idx ON users (email);\n' },
        { path: 'db/migrations/000001_users.down.sql', content: 'DROP TABLE users;\n' },
        // Here the table exists in production: the index blocks writes and the drop loses data.
        { path: 'db/migrations/000002_tidy.up.sql', content: 'CREATE INDEX users_legacy_idx ON users (legacy);\nALTER TABLE users DROP COLUMN legacy;\n' },
      ],
      config: { plugins, rules },
    });
    expect(result.notifications).toEqual([]);
    expect(findings(result)).toEqual([
      'db/migrations/000002_tidy.up.sql:1 concurrently/require-concurrent-index-creation',
      'db/migrations/000002_tidy.up.sql:1 rollback/missing-down',
      'db/migrations/000002_tidy.up.sql:2 destructive/no-drop-column',
    ]);
  });

  it('treats a lone file as a one-migration history of the layout its path implies', async () => {
    const layouts: string[] = [];
    const code = 'CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);\n';
    const lone = await lint({
      files: [{ path: 'db/migrations/000003_x.up.sql', content: code }],
      // A history that keeps no downs at all is checked only on request.
      config: { plugins, rules: { ...rules, 'rollback/missing-down': ['error', { checkSetsWithoutDowns: true }] } },
      onModel: (model) => layouts.push(...model.sets.map((s) => `${s.layout} ${s.dir} ${s.migrations.length}`)),
    });
    expect(layouts).toEqual(['golang-migrate db/migrations 1']);
    // An up without its down; the table is new, so its index needs no CONCURRENTLY.
    expect(findings(lone)).toEqual(['db/migrations/000003_x.up.sql:1 rollback/missing-down']);
    // Supabase has no downs: no rollback finding for the same SQL there.
    const supabase = await lint({ files: [{ path: 'supabase/migrations/20260101000000_x.sql', content: code }], config: { plugins, rules: { ...rules, 'rollback/missing-down': ['error', { checkSetsWithoutDowns: true }] } } });
    expect(findings(supabase)).toEqual([]);
  });
});

describe('context is not work (reportPaths)', () => {
  it('runs file rules only on reported files; project rules see the history but report only there', async () => {
    const { definePlugin, defineRule } = await import('@migralint/core');
    const seen: string[] = [];
    const probe = defineRule({
      meta: { type: 'problem', docs: { description: 'test: which files the file phase sees', url: 'https://example.test/probe' }, defaultSeverity: 'error', recommended: true, messages: { m: 'seen' } },
      create(context) {
        seen.push(context.file.path);
        return { Statement: () => context.report({ messageId: 'm' }) };
      },
    });
    const files = [
      { path: 'db/migrations/000001_a.up.sql', content: 'CREATE TABLE a (id int);\n' },
      { path: 'db/migrations/000001_a.down.sql', content: 'DROP TABLE a;\n' },
      { path: 'db/migrations/000002_b.up.sql', content: 'ALTER TABLE a DROP COLUMN id;\n' },
    ];
    const result = await lint({
      files,
      config: { plugins: [...plugins, definePlugin({ name: 'probe', rules: { files: probe } })], rules: { ...rules, 'probe/files': 'error' } },
      reportPaths: ['db/migrations/000002_b.up.sql'],
    });
    expect(seen).toEqual(['db/migrations/000002_b.up.sql']);
    // The model still knows `a` from the history: the drop is of a pre-existing column.
    expect(findings(result).sort()).toEqual([
      'db/migrations/000002_b.up.sql:1 destructive/no-drop-column',
      'db/migrations/000002_b.up.sql:1 probe/files',
      'db/migrations/000002_b.up.sql:1 rollback/missing-down',
    ]);
  });
});

// The findings reach users through the engine: lint() with the migrations pack
// reports each under its rule id, at its place, with the rule's severity — and not at all when the
// rule is off for the file.
import { describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { migrationsPlugin } from '../../src/plugin.js';

const files = {
  'supabase/migrations/20240101120000_create_profiles.sql': 'CREATE TABLE profiles (id uuid PRIMARY KEY);',
  'supabase/migrations/seed_profiles.sql': "INSERT INTO profiles VALUES ('00000000-0000-0000-0000-000000000001');",
  'db/migrations/000001_a.up.sql': 'SELECT 1;',
  'db/migrations/000001_b.up.sql': 'SELECT 1;',
  'db/migrations/000002_add.up.sql': 'SELECT 1;',
  'db/migrations/000002_drop.down.sql': 'SELECT 1;',
};

async function run(rules?: Record<string, 'off' | 'warn' | 'error' | 'info'>) {
  return lint({
    files: Object.entries(files).map(([path, content]) => ({ path, content })),
    config: { plugins: [migrationsPlugin], ...(rules ? { rules } : {}) },
    readAux: () => undefined,
  });
}

describe('migrations findings through lint()', () => {
  it('reports the recommended rules with their default severity and a filled message', async () => {
    const result = await run();
    expect(result.notifications).toEqual([]);
    const messages = result.files
      .flatMap((f) => f.messages.filter((m) => m.ruleId.startsWith('migrations/')).map((m) => ({ ...m, file: f.path })))
      .sort((a, b) => a.file.localeCompare(b.file));
    expect(messages.map((m) => `${m.file} ${m.ruleId} ${m.severity} ${m.line}:${m.column}`)).toEqual([
      'db/migrations/000001_a.up.sql migrations/guessed-runner info 1:1',
      'db/migrations/000001_b.up.sql migrations/duplicate-version error 1:1',
      'supabase/migrations/seed_profiles.sql migrations/skipped-file error 1:1',
    ]);
    for (const m of messages) {
      expect(m.message).not.toMatch(/\{\{/);
      expect(m.url).toMatch(/docs\/rules\/migrations\/.+\.md$/);
    }
    expect(messages[1]!.message).toBe(
      'Version 000001 is also used by "db/migrations/000001_a.up.sql": golang-migrate identifies migrations by version, so it refuses the pair or never runs one of them; give this migration a new, later version',
    );
  });

  it('reports rules that are off by default once turned on, and nothing for rules turned off', async () => {
    const result = await run({ 'migrations/pair-name-mismatch': 'warn', 'migrations/duplicate-version': 'off', 'migrations/guessed-runner': 'off' });
    const ids = result.files.flatMap((f) => f.messages.map((m) => `${f.path} ${m.ruleId} ${m.severity}`)).filter((s) => s.includes('migrations/'));
    expect(ids).toEqual(['db/migrations/000002_add.up.sql migrations/pair-name-mismatch warning']);
  });
});

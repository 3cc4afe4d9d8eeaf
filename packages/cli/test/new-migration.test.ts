// `migralint new`: in a copy of each layout's fixture, every template makes the next migration named
// as the runner wants, and the new files lint clean against their whole history. main() runs
// in-process (the same code the binary runs) to keep the suite fast.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planNewMigration } from '../src/new-migration/plan-new-migration.js';
import { TEMPLATES } from '../src/new-migration/templates.js';
import { repoRoot } from './run-cli.js';
import { runMain } from './run-main.js';

function fixtureCopy(layout: string, extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `migralint-new-${layout}-`));
  fs.cpSync(path.join(repoRoot, 'fixtures/layouts', layout), dir, { recursive: true });
  for (const [name, content] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

const created = (stdout: string) => [...stdout.matchAll(/^created (.+)$/gm)].map((m) => m[1]!);

/** Layout fixture → what the first file of `new add_profiles` must be called. */
const LAYOUTS: Array<{ layout: string; first: RegExp; config?: string }> = [
  { layout: 'supabase', first: /^supabase\/migrations\/\d{14}_add_profiles\.sql$/, config: '{ "extends": ["supabase"] }' },
  { layout: 'golang-migrate', first: /^db\/migrations\/000011_add_profiles\.up\.sql$/ },
  { layout: 'dbmate', first: /^db\/migrations\/\d{14}_add_profiles\.sql$/ },
  { layout: 'flyway', first: /^src\/main\/resources\/db\/migration\/V3__add_profiles\.sql$/ },
  { layout: 'sqitch', first: /^deploy\/add_profiles\.sql$/ },
  { layout: 'goose', first: /^migrations\/00004_add_profiles\.sql$/ },
  { layout: 'prisma', first: /^prisma\/migrations\/\d{14}_add_profiles\/migration\.sql$/ },
  // Its runner is unknown (each file in a transaction): a project that applies the files with psql says so.
  { layout: 'paired-down', first: /^db\/migrations\/\d{14}_add_profiles\.sql$/, config: '{ "extends": ["recommended"], "settings": { "runner": "psql" } }' },
];

describe('migralint new', () => {
  for (const { layout, first, config } of LAYOUTS) {
    it(`${layout}: every template is named as the runner wants and lints clean`, async () => {
      const dir = fixtureCopy(layout, config ? { 'migralint.config.json': config } : {});
      const table = await runMain(['new', 'add_profiles', '--template', 'table'], dir);
      expect(table.code, table.stderr).toBe(0);
      const files = created(table.stdout);
      expect(files[0]).toMatch(first);
      expect(fs.readFileSync(path.join(dir, files[0]!), 'utf8')).toMatch(/^(-- Deploy \S+ to pg\n|-- migrate:up\n|-- \+goose Up\n)?-- Why: add profiles\n/);

      const made = [...files];
      // Each template on a table of its own: one that exists in no fixture.
      for (const template of TEMPLATES.filter((t) => t !== 'table' && t !== 'blank')) {
        const r = await runMain(['new', `change widgets ${template}`, '--template', template, '--table', 'widgets', '--column', 'owner_id', '--references', 'owners'], dir);
        expect(r.code, `${template}: ${r.stderr}`).toBe(0);
        made.push(...created(r.stdout));
      }
      // foreign-key and not-null are two migrations each: the NOT VALID step, then VALIDATE.
      expect(made.filter((f) => /validate/.test(f)).length).toBeGreaterThanOrEqual(2);

      // Linted with history/require-intent on too: every new migration says why it exists.
      const withIntent = path.join(dir, 'intent.config.json');
      fs.writeFileSync(withIntent, JSON.stringify({ ...(config ? JSON.parse(config) : { extends: ['recommended'] }), rules: { 'history/require-intent': 'error' } }));
      const lint = await runMain(['--config', withIntent, '--format', 'json', ...made], dir);
      expect(lint.stderr).toBe('');
      const report = JSON.parse(lint.stdout) as { files: Array<{ path: string; messages: Array<{ ruleId: string; message: string }> }> };
      expect(report.files.map((f) => f.path).sort()).toEqual([...made].filter((f) => f.endsWith('.sql')).sort());
      expect(report.files.flatMap((f) => f.messages.map((m) => `${f.path}: ${m.ruleId} ${m.message}`))).toEqual([]);
      expect(lint.code).toBe(0);

      // A blank migration lints with one reminder until it is written: a warning, exit 0.
      const blank = created((await runMain(['new', 'something else'], dir)).stdout);
      const blankLint = await runMain(['--format', 'json', ...blank], dir);
      expect(blankLint.code).toBe(0);
      const blankReport = JSON.parse(blankLint.stdout) as { files: Array<{ messages: Array<{ ruleId: string; severity: string }> }> };
      expect(blankReport.files.flatMap((f) => f.messages.map((m) => `${m.severity} ${m.ruleId}`))).toEqual(['warning migralint/empty-file']);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }

  it('sqitch: appends the change to sqitch.plan after the last one, with deploy/revert/verify', async () => {
    const dir = fixtureCopy('sqitch');
    const r = await runMain(['new', 'add profiles'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('updated sqitch.plan\ncreated deploy/add_profiles.sql\ncreated revert/add_profiles.sql\ncreated verify/add_profiles.sql\n');
    expect(fs.readFileSync(path.join(dir, 'sqitch.plan'), 'utf8')).toMatch(/\nadd_profiles \[users\] \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ .+ <.+> # add profiles\n$/);
    const again = await runMain(['new', 'add profiles'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('sqitch.plan already has a change named "add_profiles"');
  });

  it('refuses a version that is not after the latest, and writes nothing', async () => {
    const dir = fixtureCopy('supabase');
    fs.writeFileSync(path.join(dir, 'supabase/migrations/29991231235959_from_the_future.sql'), 'select 1;\n');
    const before = fs.readdirSync(path.join(dir, 'supabase/migrations')).sort();
    const r = await runMain(['new', 'add profiles'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^migralint new: the new version \d{14} \(now, UTC\) is not after the latest migration's 29991231235959;/);
    expect(fs.readdirSync(path.join(dir, 'supabase/migrations')).sort()).toEqual(before);
  });

  it('keeps the width of a numbered history, or uses timestamps when it does (library)', () => {
    const now = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const set = (...versions: string[]) => ({ migrations: versions.map((version, index) => ({ index, version, name: 'x', up: [], down: [] })) });
    const plan = (layout: 'golang-migrate' | 'goose' | 'flyway', ...versions: string[]) => planNewMigration({ dir: 'm', layout, set: set(...versions), description: 'Add Users!', now }).files.map((f) => f.path);
    expect(plan('golang-migrate', '0009')).toEqual(['m/0010_add_users.up.sql', 'm/0010_add_users.down.sql']);
    expect(plan('golang-migrate', '20250101000000')).toEqual(['m/20260102030405_add_users.up.sql', 'm/20260102030405_add_users.down.sql']);
    expect(plan('goose')).toEqual(['m/00001_add_users.sql']);
    expect(plan('flyway', '1.1', '1.10')).toEqual(['m/V1.11__add_users.sql', 'm/U1.11__add_users.sql']);
  });

  it('says what is wrong with a request, without a stack trace', async () => {
    const dir = fixtureCopy('supabase');
    expect((await runMain(['new'], dir)).stderr).toMatch(/say what the migration does/);
    expect((await runMain(['new', 'x', '--template', 'view'], dir)).stderr).toMatch(/unknown template "view"; use one of: blank, table, index, foreign-key, not-null/);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-new-empty-'));
    const none = await runMain(['new', 'x'], empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no migrations folder found here; pass --dir/);
    const first = await runMain(['new', 'create accounts', '--dir', 'supabase/migrations'], empty);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created supabase\/migrations\/\d{14}_create_accounts\.sql\n$/);
  });
});

// `migralint init` in copies of layout fixtures: the config it writes names the right preset and
// layout and lints; nothing is overwritten without --force; the optional files are what they say.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './run-cli.js';
import { runMain } from './run-main.js';

function fixtureCopy(layout: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `migralint-init-${layout}-`));
  fs.cpSync(path.join(repoRoot, 'fixtures/layouts', layout), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'migralint.config.json'), { force: true });
  return dir;
}

const config = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'migralint.config.json'), 'utf8'));

describe('migralint init', () => {
  it('Supabase: the supabase preset, the layout stated, pre-commit and GitHub files, the baseline offered', async () => {
    const dir = fixtureCopy('supabase');
    const r = await runMain(['init', '--pre-commit', '--github'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^found supabase\/migrations: supabase, 3 migrations\nwrote migralint\.config\.json\nwrote \.pre-commit-config\.yaml\nwrote \.github\/workflows\/migralint\.yml\n/);
    expect(r.stdout).toContain('npx migralint baseline');
    expect(config(dir)).toMatchObject({ extends: ['supabase'], settings: { layout: 'supabase' } });
    expect(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toMatch(/repo: https:\/\/github\.com\/migralint\/migralint\n\s+rev: v\d+\.\d+\.\d+\n\s+hooks:\n\s+- id: migralint\n/);
    expect(fs.readFileSync(path.join(dir, '.github/workflows/migralint.yml'), 'utf8')).toMatch(/run: npx --yes migralint@\d+\.\d+\.\d+ /);
    // The config it wrote is valid: the project lints with it (the fixture has findings: exit 1).
    const lint = await runMain([], dir);
    expect(lint.stderr).toBe('');
    expect(lint.code).toBe(1);
  });

  it('golang-migrate and a root-level sqitch project: recommended, with their layout', async () => {
    const golang = fixtureCopy('golang-migrate');
    expect((await runMain(['init'], golang)).code).toBe(0);
    expect(config(golang)).toMatchObject({ extends: ['recommended'], settings: { layout: 'golang-migrate' } });
    const sqitch = fixtureCopy('sqitch');
    const r = await runMain(['init'], sqitch);
    expect(r.stdout).toMatch(/^found \.: sqitch, 3 migrations\n/);
    expect(config(sqitch)).toMatchObject({ extends: ['recommended'], settings: { layout: 'sqitch' } });
    expect((await runMain([], sqitch)).code).toBe(0);
  });

  it('keeps existing files unless --force, and --baseline accepts the existing findings', async () => {
    const dir = fixtureCopy('dbmate');
    fs.writeFileSync(path.join(dir, 'migralint.config.json'), '{ "extends": ["strict"] }\n');
    const kept = await runMain(['init'], dir);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('kept migralint.config.json: it exists (--force overwrites it)');
    expect(config(dir)).toEqual({ extends: ['strict'] });
    const forced = await runMain(['init', '--force', '--baseline'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(config(dir)).toMatchObject({ extends: ['recommended'], settings: { layout: 'dbmate' } });
    expect(forced.stderr).toMatch(/wrote migralint-baseline\.json/);
    expect((await runMain([], dir)).code).toBe(0);

    // Another tool's pre-commit config is never replaced, even with --force: the entry is printed.
    fs.writeFileSync(path.join(dir, '.pre-commit-config.yaml'), 'repos:\n  - repo: https://github.com/psf/black\n    rev: 24.1.0\n    hooks:\n      - id: black\n');
    const hook = await runMain(['init', '--force', '--pre-commit'], dir);
    expect(hook.stdout).toMatch(/kept \.pre-commit-config\.yaml: it has other hooks; add this under "repos:":\n  - repo: https:\/\/github\.com\/migralint\/migralint\n    rev: v/);
    expect(fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8')).toContain('psf/black');
  });

  it('with no migrations: a clear error, nothing written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-init-empty-'));
    const r = await runMain(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^migralint init: no migrations folder found here or below; create one first/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

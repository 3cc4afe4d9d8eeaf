// The install test (issue #13): what a user gets from npm. Every publishable package is packed with
// `pnpm pack` (workspace: ranges become versions), checked by publint and @arethetypeswrong/cli,
// and installed with npm into an empty project outside the workspace (third-party dependencies come
// from the registry). There: `npx migralint --version`, lint and `verify` on a Supabase project, an
// organisation's rule pack tested with RuleTester and loaded by the CLI. Install sizes are printed.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '@migralint/core';
import { publishablePackages, root } from '../scripts/workspace-packages.mjs';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'migralint-install-'));
const tarballs = path.join(work, 'tarballs');
const project = path.join(work, 'project');
const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
const packages = publishablePackages();

/** The tarball `pnpm pack` made of a package: @migralint/core@0.1.0 → migralint-core-0.1.0.tgz. */
const tarball = (name: string) => path.join(tarballs, `${name.replace(/^@/, '').replace('/', '-')}-${VERSION}.tgz`);

function run(command: string, args: string[], cwd = project): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}

function npmInstall(...specs: string[]): void {
  const r = run('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--loglevel=error', ...specs]);
  expect(r.status, `npm install ${specs.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
}

/** Disk use of node_modules in KiB (du -sk), as a user's install takes it. */
function installedKiB(): number {
  return Number(execFileSync('du', ['-sk', path.join(project, 'node_modules')], { encoding: 'utf8' }).split('\t')[0]);
}

const sizes: Record<string, string> = {};

beforeAll(() => {
  fs.mkdirSync(tarballs);
  const filters = packages.flatMap((p) => ['--filter', p.manifest.name]);
  execFileSync('npx', ['-y', 'pnpm@10.34.8', '-r', ...filters, 'pack', '--pack-destination', tarballs], { cwd: root, env, stdio: 'pipe' });
  fs.mkdirSync(path.join(project, 'supabase/migrations'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'my-app', version: '1.0.0', private: true, type: 'module' }, null, 2));
  fs.writeFileSync(
    path.join(project, 'supabase/migrations/20260101000000_create_notes.sql'),
    'create table public.notes (id bigint generated always as identity primary key, body text not null);\nalter table public.notes enable row level security;\n',
  );
  fs.writeFileSync(path.join(project, 'supabase/migrations/20260102000000_drop_body.sql'), 'alter table public.notes drop column body;\n');
});

afterAll(() => {
  console.log(`install sizes (du -sk node_modules): ${JSON.stringify(sizes)}`);
  fs.rmSync(work, { recursive: true, force: true });
});

describe('installing the packed packages with npm', () => {
  it('packs every publishable package, and publint and arethetypeswrong pass on each tarball', () => {
    for (const { manifest } of packages) {
      const file = tarball(manifest.name);
      expect(fs.existsSync(file), `${file} was not packed`).toBe(true);
      const unpacked = path.join(work, 'unpacked', manifest.name);
      fs.mkdirSync(unpacked, { recursive: true });
      execFileSync('tar', ['xzf', file, '-C', unpacked]);
      const packed = JSON.parse(fs.readFileSync(path.join(unpacked, 'package/package.json'), 'utf8'));
      expect(JSON.stringify(packed), `${manifest.name}: a workspace: range would not install`).not.toContain('workspace:');

      const publint = run(path.join(root, 'node_modules/.bin/publint'), [path.join(unpacked, 'package'), '--pack', 'false', '--strict'], root);
      expect(publint.status, `publint ${manifest.name}\n${publint.stdout}${publint.stderr}`).toBe(0);
      expect(publint.stdout).toContain('All good!');

      // ESM only, on purpose (Node >= 20.19 can require() ESM): the CommonJS resolutions are not checked.
      const attw = run(path.join(root, 'node_modules/.bin/attw'), [file, '--profile', 'esm-only', '--format', 'json'], root);
      expect(attw.status, `attw ${manifest.name}\n${attw.stdout}${attw.stderr}`).toBe(0);
      const report = JSON.parse(attw.stdout);
      if (manifest.bin) expect(report.analysis.types, 'the CLI package has no library entry').toBe(false);
      else {
        const problems = Object.values<{ kind: string; resolutionKind?: string; entrypoint?: string }[]>(report.problems ?? {}).flat();
        expect(problems.filter((p) => p.resolutionKind !== 'node10' && p.resolutionKind !== 'node16-cjs'), manifest.name).toEqual([]);
      }
    }
  });

  it('`npm i -D migralint` alone: --version, lint, and verify saying what to install', () => {
    npmInstall(tarball('migralint'));
    sizes['lint-only (migralint)'] = `${(installedKiB() / 1024).toFixed(1)} MiB`;
    expect(fs.existsSync(path.join(project, 'node_modules/@electric-sql/pglite')), 'a lint-only install has no PGlite').toBe(false);
    expect(installedKiB()).toBeLessThan(10 * 1024);

    const version = run('npx', ['--no-install', 'migralint', '--version']);
    expect(version.stdout).toBe(`${VERSION}\n`);

    const lint = run('npx', ['--no-install', 'migralint']);
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/supabase\/migrations\/20260102000000_drop_body\.sql\n\s*1:38-1:42\s+error\s+Dropping column "body" of "public\.notes".*destructive\/no-drop-column/);

    const verify = run('npx', ['--no-install', 'migralint', 'verify']);
    expect(verify.status).toBe(2);
    expect(verify.stderr).toContain(`npm install --save-dev migralint@${VERSION} @migralint/verify@${VERSION}`);

    // The next migration, from a template, lints clean in the installed package too.
    const made = run('npx', ['--no-install', 'migralint', 'new', 'index notes by id', '--template', 'index', '--table', 'public.notes', '--column', 'id']);
    expect(made.status, made.stderr).toBe(0);
    const file = /^created (\S+)$/m.exec(made.stdout)![1]!;
    expect(file).toMatch(/^supabase\/migrations\/\d{14}_index_notes_by_id\.sql$/);
    const clean = run('npx', ['--no-install', 'migralint', file]);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    fs.rmSync(path.join(project, file));
  });

  it('with @migralint/verify: `npx migralint verify` runs the history on PGlite', () => {
    npmInstall(tarball('@migralint/verify'), tarball('@migralint/core'), tarball('@migralint/migrations'));
    sizes['with verify (+ @migralint/verify)'] = `${(installedKiB() / 1024).toFixed(1)} MiB`;
    const verify = run('npx', ['--no-install', 'migralint', 'verify', '--cache-dir', path.join(work, 'pglite-cache')]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/verify: supabase\/migrations \(supabase\) on PGlite [\d.]+ \(PostgreSQL 18/);
    expect(verify.stdout).toContain('2 migrations in');
    // An instant ALTER's ACCESS EXCLUSIVE lock is counted, not reported (verify reports locks that last).
    expect(verify.stdout).toContain('0 failed statements; on existing tables: 0 rewrites, 0 full scans, 1 ACCESS EXCLUSIVE lock');
  });

  it("an organisation's rule pack: its RuleTester tests pass, and the installed CLI loads it", () => {
    const pack = path.join(project, 'acme-rules');
    for (const entry of ['index.js', 'rules', 'test', 'README.md']) fs.cpSync(path.join(root, 'fixtures/org-rule-pack', entry), path.join(pack, entry), { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'fixtures/org-rule-pack/package.json'), 'utf8'));
    delete manifest.devDependencies;
    fs.writeFileSync(path.join(pack, 'package.json'), JSON.stringify(manifest, null, 2));
    const vitestVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.vitest;
    npmInstall(tarball('@migralint/rule-tester'), `vitest@${vitestVersion}`, './acme-rules');

    const tests = run('npx', ['--no-install', 'vitest', 'run', '--root', pack]);
    expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/Tests\s+\d+ passed/);

    fs.writeFileSync(
      path.join(project, 'migralint.config.json'),
      JSON.stringify({ extends: 'recommended', plugins: ['@acme/migralint-rules'], rules: { 'acme/require-table-comment': 'error' } }, null, 2),
    );
    const lint = run('npx', ['--no-install', 'migralint']);
    expect(lint.status, lint.stderr).toBe(1);
    expect(lint.stdout).toMatch(/20260101000000_create_notes\.sql\n\s*1:14-1:26\s+error\s+.*acme\/require-table-comment/);
    expect(lint.stdout).toContain('destructive/no-drop-column');
  });
});

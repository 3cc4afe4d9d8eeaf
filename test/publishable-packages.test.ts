// Every package a release publishes (scripts/workspace-packages.mjs: not "private") carries what
// npm users and tools need, and the `migralint` bundle imports nothing it does not declare.
// publint and @arethetypeswrong/cli run on the packed tarballs in test/install.e2e.test.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERSION } from '@migralint/core';
import { publishablePackages, root } from '../scripts/workspace-packages.mjs';

const published = publishablePackages();
const publishedNames = new Set(published.map((p) => p.manifest.name as string));
const rootLicense = fs.readFileSync(path.join(root, 'LICENSE'), 'utf8');

describe('publishable packages', () => {
  it('are the CLI and every library', () => {
    expect(publishedNames).toContain('migralint');
    expect(publishedNames).toContain('@migralint/core');
    expect(publishedNames).toContain('@migralint/rule-tester');
    expect(publishedNames).toContain('@migralint/verify');
  });

  for (const { dir, manifest } of published) {
    it(`${manifest.name} (${dir}) has its publishing fields, README and LICENSE`, () => {
      expect(manifest.version, 'versions move together (scripts/release.mjs)').toBe(VERSION);
      expect(manifest.license).toBe('MIT');
      expect(fs.readFileSync(path.join(root, dir, 'LICENSE'), 'utf8')).toBe(rootLicense);
      expect(fs.readFileSync(path.join(root, dir, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name.replace('/', '\\/')}\\n`));
      expect(manifest.repository).toEqual({ type: 'git', url: 'git+https://github.com/migralint/migralint.git', directory: dir });
      expect(manifest.homepage).toMatch(/^https:\/\/github\.com\/migralint\/migralint/);
      expect(manifest.engines).toEqual({ node: '>=20.19' });
      expect(manifest.type).toBe('module');
      expect(manifest.publishConfig).toEqual({ access: 'public' });
      expect(Array.isArray(manifest.files) && manifest.files.length > 0, '"files" keeps tests and sources out of the tarball').toBe(true);
      if (manifest.bin) {
        expect(manifest.bin).toEqual({ migralint: './bin/migralint.js' });
      } else {
        expect(manifest.exports['.']).toMatchObject({ types: './dist/index.d.ts', default: './dist/index.js' });
        expect(manifest.types).toBe('./dist/index.d.ts');
      }
      // A published package must not need one that is not published.
      for (const field of ['dependencies', 'peerDependencies'] as const) {
        for (const [name, range] of Object.entries<string>(manifest[field] ?? {})) {
          if (range.startsWith('workspace:')) expect(publishedNames, `${manifest.name} ${field} ${name}`).toContain(name);
        }
      }
    });
  }
});

describe('scripts/release.mjs', () => {
  it('moves every publishable package and VERSION together (dry run)', () => {
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/release.mjs'), '9.9.9', '--dry-run'], { encoding: 'utf8' });
    expect(out).toContain(`release ${VERSION} → 9.9.9 (dry run: nothing written)`);
    const listed = out.split('\n').map((l) => l.trim());
    expect(listed).toContain('packages/core/src/version.ts');
    for (const { dir } of published) expect(listed).toContain(`${dir}/package.json`);
  });

  it('refuses a version that is not semver', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/release.mjs'), 'next'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a semver like 0.2.0');
  });
});

describe('the migralint package bundle', () => {
  const cli = published.find((p) => p.manifest.name === 'migralint')!;
  const bundleDir = path.join(root, cli.dir, 'dist/bundle');

  it('imports only Node built-ins and its declared dependencies', () => {
    if (!fs.existsSync(bundleDir)) throw new Error(`${bundleDir} is missing: run \`pnpm build\` first`);
    const declared = new Set([...Object.keys(cli.manifest.dependencies ?? {}), ...Object.keys(cli.manifest.peerDependencies ?? {})]);
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const imported = new Set<string>();
    for (const file of fs.readdirSync(bundleDir).filter((f) => f.endsWith('.js'))) {
      const text = fs.readFileSync(path.join(bundleDir, file), 'utf8');
      // esbuild writes static imports at the start of a line, dynamic ones as import("name").
      for (const m of text.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)) {
        const spec = (m[1] ?? m[2] ?? m[3])!;
        if (spec.startsWith('.')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
        if (!builtins.has(spec) && !builtins.has(name)) imported.add(name);
      }
    }
    // typescript: cosmiconfig's optional loader for .ts configs, never reached (we do not offer them).
    imported.delete('typescript');
    expect([...imported].sort()).toEqual([...declared].sort());
    // Our own packages are inside the bundle, not imports (except the separately installed verify).
    expect([...imported].filter((n) => n.startsWith('@migralint/'))).toEqual(['@migralint/verify']);
  });

  it('ships its bundle and the licences of the code bundled into it', () => {
    expect(cli.manifest.files).toEqual(['bin', 'dist/bundle']);
    expect(fs.readFileSync(path.join(bundleDir, 'THIRD-PARTY-LICENSES.txt'), 'utf8')).toMatch(/== ajv@[\d.]+ \(MIT\)\n\nThe MIT License/);
  });
});
